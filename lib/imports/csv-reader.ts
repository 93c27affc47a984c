// An RFC 4180 CSV reader: quoted fields with "" escapes and embedded line breaks, CRLF, LF or CR
// line ends, a UTF-8 byte order mark and Excel's "sep=" first line. One pass over the text (quoted
// runs are found with indexOf), bounded rows and columns, line numbers in every error. Pure.

import { ImportFormatError, ImportLimitError } from "./types";

export interface CsvRecord {
  /** The line the record starts on, counting from 1 (a quoted field may span several). */
  line: number;
  cells: string[];
}

export interface CsvLimits {
  /** Records, the header included. */
  maxRecords: number;
  maxColumns: number;
}

export const CSV_LIMITS: CsvLimits = { maxRecords: 20_001, maxColumns: 200 };

const QUOTE = 34;
const CR = 13;
const LF = 10;
const SEP_LINE = /^sep=([,;\t|])(?:\r\n|\n|\r|$)/i;

/** Line breaks in text[from, to): CRLF counts once. */
function countLineBreaks(text: string, from: number, to: number): number {
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) breaks++;
  }
  return breaks;
}

/** "line 7, column 12" for an offset; only called on the way to an error, so a rescan is fine. */
function position(text: string, offset: number, bodyStart: number, firstLine: number): string {
  const line = firstLine + countLineBreaks(text, bodyStart, offset);
  let lineStart = offset;
  while (
    lineStart > bodyStart &&
    text.charCodeAt(lineStart - 1) !== LF &&
    text.charCodeAt(lineStart - 1) !== CR
  )
    lineStart--;
  return `line ${line}, column ${offset - lineStart + 1}`;
}

/**
 * A quoted field's text with each "" made ". Joined in chunks: replaceAll is slow with millions of
 * matches, and one list of millions of parts is one huge allocation.
 */
function undoubleQuotes(field: string): string {
  let at = field.indexOf('""');
  if (at === -1) return field;
  const chunks: string[] = [];
  let parts: string[] = [];
  let from = 0;
  for (; at !== -1; at = field.indexOf('""', from)) {
    parts.push(field.slice(from, at + 1));
    from = at + 2;
    if (parts.length === 4_096) {
      chunks.push(parts.join(""));
      parts = [];
    }
  }
  parts.push(field.slice(from));
  chunks.push(parts.join(""));
  return chunks.join("");
}

/** Every non-blank record of the file, as text cells. */
export function readCsv(text: string, limits: CsvLimits = CSV_LIMITS): CsvRecord[] {
  const nul = text.indexOf("\u0000");
  if (nul !== -1)
    throw new ImportFormatError(
      position(text, nul, 0, 1),
      "The file contains NUL characters, so it is not CSV text (it may be a spreadsheet or UTF-16 file); save it as CSV in UTF-8.",
    );
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let delimiter = 44; // ","
  const sep = SEP_LINE.exec(text.slice(i, i + 8));
  if (sep) {
    delimiter = sep[1].charCodeAt(0);
    i += sep[0].length;
    line = sep[0].endsWith("\n") || sep[0].endsWith("\r") ? 2 : 1;
  }
  const bodyStart = i;
  const firstLine = line;
  const n = text.length;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let recordLine = line;
  let quotedRecord = false;

  while (true) {
    let value: string;
    if (text.charCodeAt(i) === QUOTE) {
      quotedRecord = true;
      const opening = i;
      // The closing quote is the first one not doubled; the field is then one slice, "" undone.
      let close = text.indexOf('"', i + 1);
      while (close !== -1 && text.charCodeAt(close + 1) === QUOTE) close = text.indexOf('"', close + 2);
      if (close === -1)
        throw new ImportFormatError(
          position(text, opening, bodyStart, firstLine),
          'A quoted field is never closed: a double quote (") opens it and no closing quote follows.',
        );
      line += countLineBreaks(text, opening + 1, close);
      value = undoubleQuotes(text.slice(opening + 1, close));
      i = close + 1;
      const next = text.charCodeAt(i);
      if (i < n && next !== delimiter && next !== CR && next !== LF)
        throw new ImportFormatError(
          position(text, i, bodyStart, firstLine),
          'Text follows a closing quote; inside a quoted field write a double quote as "".',
        );
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === delimiter || c === CR || c === LF) break;
        j++;
      }
      value = text.slice(i, j);
      i = j;
    }
    cells.push(value);
    if (cells.length > limits.maxColumns)
      throw new ImportLimitError(
        `line ${recordLine}`,
        `A row has more than ${limits.maxColumns} columns; Cairn reads at most ${limits.maxColumns}.`,
      );

    const c = text.charCodeAt(i);
    if (i < n && c === delimiter) {
      i++;
      continue;
    }
    // End of a record: a line break or the end of the text.
    const blank = cells.length === 1 && cells[0] === "" && !quotedRecord;
    if (!blank) {
      if (records.length >= limits.maxRecords)
        throw new ImportLimitError(
          `line ${recordLine}`,
          `The file has more than ${limits.maxRecords.toLocaleString("en")} rows; split it into smaller files.`,
        );
      records.push({ line: recordLine, cells });
    }
    if (i >= n) break;
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    line++;
    recordLine = line;
    cells = [];
    quotedRecord = false;
  }
  return records;
}

// iCalendar (RFC 5545) text for all-day events: the review and milestone feed (calendar.ics).
// Pure: no framework, no database; the only clock is the `now` the caller passes in.

import { addDays, toDayNumber } from "../planning/civil-date";

export interface ICalEvent {
  /** Globally unique and stable across exports, e.g. "review-<id>@cairn". */
  uid: string;
  /** All-day date, YYYY-MM-DD. */
  date: string;
  summary: string;
  description?: string;
  url?: string;
}

export interface ICalendarInput {
  calendarName: string;
  events: readonly ICalEvent[];
  /** The DTSTAMP of every event: when this feed was generated. */
  now: Date;
}

const CRLF = "\r\n";
const MAX_LINE_OCTETS = 75;

// RFC 5545 TEXT allows no control characters other than HTAB; line breaks are escaped first.
const FORBIDDEN_CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F]/g;
// A URI value is not escaped, so it must hold nothing that could end or fold a line.
const URI_FORBIDDEN = /[\u0000-\u0020\u007F]/;

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks (CRLF, LF or CR become \n). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n")
    .replace(FORBIDDEN_CONTROLS, "");
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * Folds one content line so that no physical line exceeds 75 octets of UTF-8, not counting the
 * CRLF; a continuation line starts with a space, which counts. A character is never split.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = utf8Length(ch.codePointAt(0)!);
    if (octets + size > MAX_LINE_OCTETS) {
      parts.push(current);
      current = " ";
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

function basicDate(iso: string): string {
  toDayNumber(iso); // throws RangeError unless a real YYYY-MM-DD date
  return iso.replace(/-/g, "");
}

function utcStamp(now: Date): string {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new RangeError("now must be a valid Date");
  // 2027-03-01T09:05:07.123Z -> 20270301T090507Z
  return now
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
}

function uri(value: string): string {
  if (URI_FORBIDDEN.test(value)) throw new RangeError(`not a usable URL: ${JSON.stringify(value)}`);
  return value;
}

function eventLines(event: ICalEvent, stamp: string): string[] {
  const lines = [
    "BEGIN:VEVENT",
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${basicDate(event.date)}`,
    `DTEND;VALUE=DATE:${basicDate(addDays(event.date, 1))}`,
    `SUMMARY:${escapeText(event.summary)}`,
  ];
  if (event.description !== undefined) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.url !== undefined) lines.push(`URL:${uri(event.url)}`);
  lines.push("END:VEVENT");
  return lines;
}

/** The whole calendar as RFC 5545 text: CRLF line endings (including after the last line), folded. */
export function toICalendar(input: ICalendarInput): string {
  const stamp = utcStamp(input.now);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Cairn//Roadmap//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(input.calendarName)}`,
    ...input.events.flatMap((event) => eventLines(event, stamp)),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

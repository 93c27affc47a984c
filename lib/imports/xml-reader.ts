// A safe XML reader on saxes, a streaming, well-formedness-checking parser: the document goes by
// once, and only the elements the caller keeps (`keep`) are built into a tree, so memory follows
// what the importer uses, not the size of the file. A DOCTYPE or entity declaration anywhere is
// refused before anything is parsed (XXE, billion laughs); only XML's five predefined entities and
// character references are known. Every element, attribute and run of text counts against fixed
// budgets (XmlLimits). Errors name the line and column. Pure.

import { SaxesParser } from "saxes";
import { xmlErrorSentence } from "./xml-errors";
import { ImportFormatError, ImportLimitError, UnsafeXmlError } from "./types";

export interface XmlElement {
  /** As written, with any prefix: "p:Task". */
  name: string;
  /** Without the prefix: "Task". */
  localName: string;
  attributes: ReadonlyMap<string, string>;
  /** Shared and empty for an element without children (most of a data file's): read, never push. */
  children: readonly XmlElement[];
  /** The element's own character data (CDATA included), entities decoded. */
  text: string;
  /** The line its start tag ends on. */
  line: number;
}

export interface XmlLimits {
  maxDepth: number;
  /** In UTF-16 code units; the import route caps bodies at 10 MiB before this. */
  maxLength: number;
  /** Elements in the whole document, kept or not. */
  maxElements: number;
  /** Attributes on one element. */
  maxAttributes: number;
  /** Characters in one attribute value. */
  maxAttributeLength: number;
  /** Characters in one run of text, and in the text of one kept element. */
  maxTextLength: number;
}

export const XML_LIMITS: XmlLimits = {
  maxDepth: 64,
  maxLength: 16 * 1024 * 1024,
  maxElements: 1_000_000,
  maxAttributes: 64,
  maxAttributeLength: 10_000,
  maxTextLength: 1_000_000,
};

/**
 * Whether an element goes into the tree, asked as it opens (only for elements whose parent is
 * kept). `path` holds the local names from the root down to it. A left-out element is still read
 * and checked, but neither it nor anything inside it is kept. It may throw (a cap of the caller's).
 */
export type KeepElement = (path: readonly string[], line: number) => boolean;

const UNSAFE_DECLARATION = /<!\s*(?:DOCTYPE|ENTITY)/i;
const keepAll: KeepElement = () => true;
const NO_ATTRIBUTES: ReadonlyMap<string, string> = new Map();
const NO_CHILDREN: readonly XmlElement[] = Object.freeze([]);

interface Open {
  /** Null when the element is left out. */
  element: XmlElement | null;
  text: string[] | null;
  textLength: number;
}

const count = (n: number) => n.toLocaleString("en");

/** Line numbers of offsets that mostly increase, counted on from the last one asked for. */
class LineCounter {
  private offset = 0;
  private line = 1;

  constructor(private readonly text: string) {}

  lineOf(offset: number): number {
    if (offset < this.offset) {
      this.offset = 0;
      this.line = 1;
    }
    const { text } = this;
    for (let i = this.offset; i < offset; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.line++;
    }
    this.offset = offset;
    return this.line;
  }

  /** "line 3, column 7": the character just before `offset`, where the parser stopped. */
  where(offset: number): string {
    const at = Math.min(Math.max(offset, 1), this.text.length);
    let lineStart = at - 1;
    while (lineStart > 0 && !isLineBreak(this.text.charCodeAt(lineStart - 1))) lineStart--;
    return `line ${this.lineOf(at - 1)}, column ${at - lineStart}`;
  }
}

const isLineBreak = (c: number) => c === 10 || c === 13;

/** Reads a document and returns its root element, with the descendants `keep` asks for. */
export function readXml(
  xml: string,
  limits: Partial<XmlLimits> = {},
  keep: KeepElement = keepAll,
): XmlElement {
  const caps: XmlLimits = { ...XML_LIMITS, ...limits };
  if (xml.length > caps.maxLength)
    throw new ImportLimitError(
      "line 1",
      `The XML file is larger than ${caps.maxLength / 1024 / 1024} MiB, the most Cairn reads.`,
    );
  if (UNSAFE_DECLARATION.test(xml)) throw new UnsafeXmlError();

  // saxes's own line and column tracking costs about half its speed; the offset it always keeps
  // gives both, counted only when something asks.
  const parser = new SaxesParser({ position: false });
  const lines = new LineCounter(xml);
  const where = () => lines.where(parser.position);
  const limit = (message: string): never => {
    throw new ImportLimitError(where(), message);
  };
  const stack: Open[] = [];
  const path: string[] = [];
  let root: XmlElement | null = null;
  let elements = 0;
  let attributes = 0;

  const addText = (text: string) => {
    if (text.length > caps.maxTextLength)
      limit(`A text is longer than ${count(caps.maxTextLength)} characters, the most Cairn reads.`);
    const open = stack[stack.length - 1];
    if (!open?.element) return;
    open.textLength += text.length;
    if (open.textLength > caps.maxTextLength)
      limit(`The text of <${open.element.name}> is longer than ${count(caps.maxTextLength)} characters.`);
    if (open.text) open.text.push(text);
    else open.text = [text];
  };

  parser.on("doctype", () => {
    throw new UnsafeXmlError();
  });
  parser.on("opentagstart", () => {
    attributes = 0;
  });
  parser.on("attribute", ({ name, value }) => {
    if (++attributes > caps.maxAttributes)
      limit(`An element has more than ${count(caps.maxAttributes)} attributes, the most Cairn reads.`);
    if (value.length > caps.maxAttributeLength)
      limit(
        `The attribute ${name.slice(0, 100)} is longer than ${count(caps.maxAttributeLength)} characters.`,
      );
  });
  parser.on("opentag", (tag) => {
    if (++elements > caps.maxElements)
      limit(
        `The file has more than ${count(caps.maxElements)} elements, the most Cairn reads; split the plan.`,
      );
    if (stack.length >= caps.maxDepth)
      throw new ImportFormatError(where(), `Elements are nested more than ${caps.maxDepth} levels deep.`);
    const colon = tag.name.indexOf(":");
    const localName = colon === -1 ? tag.name : tag.name.slice(colon + 1);
    path.push(localName);
    const parent = stack[stack.length - 1];
    const kept = stack.length === 0 || (parent.element !== null && keep(path, lines.lineOf(parser.position)));
    let element: XmlElement | null = null;
    if (kept) {
      element = {
        name: tag.name,
        localName,
        attributes: attributes === 0 ? NO_ATTRIBUTES : new Map(Object.entries(tag.attributes)),
        children: NO_CHILDREN,
        text: "",
        line: lines.lineOf(parser.position),
      };
      if (parent) {
        const owner = parent.element!;
        if (owner.children === NO_CHILDREN) owner.children = [element];
        // Arrays other than NO_CHILDREN are this reader's own.
        else (owner.children as XmlElement[]).push(element);
      } else root = element;
    }
    stack.push({ element, text: null, textLength: 0 });
  });
  parser.on("text", addText);
  parser.on("cdata", addText);
  parser.on("closetag", () => {
    const open = stack.pop()!;
    path.pop();
    if (open.element && open.text)
      open.element.text = open.text.length === 1 ? open.text[0] : open.text.join("");
  });

  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof ImportFormatError || error instanceof UnsafeXmlError) throw error;
    // saxes's own well-formedness errors (plain Errors).
    throw new ImportFormatError(where(), xmlErrorSentence((error as Error).message));
  }
  if (!root) throw new ImportFormatError(where(), "The file has no root element.");
  return root;
}

// A small, safe, non-validating XML reader into an element tree: elements, attributes (either
// quote), text, CDATA, comments, processing instructions. Only the five predefined entities and
// numeric character references are known; a DOCTYPE or entity declaration anywhere is refused
// before anything is parsed (XXE, billion laughs). One forward pass with indexOf, bounded depth
// and size, line and column in every error. Pure.

import { ImportFormatError, UnsafeXmlError } from "./types";
import { decodeEntity } from "./xml-entities";

export interface XmlElement {
  /** As written, with any prefix: "p:Task". */
  name: string;
  /** Without the prefix: "Task". */
  localName: string;
  attributes: ReadonlyMap<string, string>;
  children: XmlElement[];
  /** The element's own character data (CDATA included), entities decoded. */
  text: string;
  line: number;
}

export interface XmlLimits {
  maxDepth: number;
  /** In UTF-16 code units; the import route caps bodies at 10 MiB before this. */
  maxLength: number;
}

export const XML_LIMITS: XmlLimits = { maxDepth: 64, maxLength: 16 * 1024 * 1024 };

const UNSAFE_DECLARATION = /<!\s*(?:DOCTYPE|ENTITY)/i;
// Characters XML 1.0 does not allow anywhere (TAB, LF and CR are allowed).
const FORBIDDEN_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const NAME_STOP = new Set([..." \t\r\n<>/=?!\"'&;[](){},"].map((c) => c.charCodeAt(0)));

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
const isNameChar = (c: number) => !Number.isNaN(c) && c > 32 && !NAME_STOP.has(c);

interface OpenElement {
  element: XmlElement;
  /** Created on the first text: most elements of a data file hold either text or children. */
  text: string[] | null;
}

const NO_ATTRIBUTES: ReadonlyMap<string, string> = new Map();

/** Reads a whole document and returns its root element. */
export function readXml(xml: string, limits: XmlLimits = XML_LIMITS): XmlElement {
  if (UNSAFE_DECLARATION.test(xml)) throw new UnsafeXmlError();
  return new XmlReader(xml, limits).read();
}

class XmlReader {
  private pos = 0;
  private readonly stack: OpenElement[] = [];
  private root: XmlElement | null = null;
  private lineCacheOffset = 0;
  private lineCacheLine = 1;

  constructor(
    private readonly xml: string,
    private readonly limits: XmlLimits,
  ) {}

  read(): XmlElement {
    const { xml } = this;
    if (xml.length > this.limits.maxLength)
      throw new ImportFormatError(
        "line 1",
        `The XML file is larger than ${this.limits.maxLength / 1024 / 1024} MiB.`,
      );
    const bad = FORBIDDEN_CHAR.exec(xml);
    if (bad)
      this.fail(
        bad.index,
        `The character U+${bad[0].charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()} is not allowed in XML.`,
      );
    if (xml.charCodeAt(0) === 0xfeff) this.pos = 1;

    while (this.pos < xml.length) {
      const lt = xml.indexOf("<", this.pos);
      const textEnd = lt === -1 ? xml.length : lt;
      if (textEnd > this.pos) this.text(this.pos, textEnd);
      if (lt === -1) break;
      this.pos = lt;
      if (xml.startsWith("<?", lt)) this.pos = this.skipTo("?>", lt, "processing instruction");
      else if (xml.startsWith("<!--", lt)) this.pos = this.skipTo("-->", lt, "comment");
      else if (xml.startsWith("<![CDATA[", lt)) {
        const end = this.skipTo("]]>", lt, "CDATA section");
        if (!this.stack.length) this.fail(lt, "A CDATA section must be inside the root element.");
        this.addText(xml.slice(lt + 9, end - 3));
        this.pos = end;
      } else if (xml.startsWith("<!", lt))
        this.fail(lt, "Declarations (<!...>) are not allowed in this file.");
      else if (xml.startsWith("</", lt)) this.closeTag(lt);
      else this.openTag(lt);
    }
    if (this.stack.length) {
      const open = this.stack[this.stack.length - 1].element;
      this.fail(xml.length, `The element <${open.name}> opened on line ${open.line} is never closed.`);
    }
    if (!this.root) this.fail(xml.length, "The file has no root element.");
    return this.root;
  }

  private fail(offset: number, message: string): never {
    let lineStart = offset;
    while (
      lineStart > 0 &&
      this.xml.charCodeAt(lineStart - 1) !== 10 &&
      this.xml.charCodeAt(lineStart - 1) !== 13
    )
      lineStart--;
    throw new ImportFormatError(`line ${this.lineOf(offset)}, column ${offset - lineStart + 1}`, message);
  }

  /** Lines before offset; offsets asked for mostly increase, so the count resumes from the last one. */
  private lineOf(offset: number): number {
    if (offset < this.lineCacheOffset) {
      this.lineCacheOffset = 0;
      this.lineCacheLine = 1;
    }
    for (let i = this.lineCacheOffset; i < offset; i++) {
      const c = this.xml.charCodeAt(i);
      if (c === 10 || (c === 13 && this.xml.charCodeAt(i + 1) !== 10)) this.lineCacheLine++;
    }
    this.lineCacheOffset = offset;
    return this.lineCacheLine;
  }

  /** The offset just after `terminator`, searched from `from`. */
  private skipTo(terminator: string, from: number, what: string): number {
    const end = this.xml.indexOf(terminator, from + 2);
    if (end === -1) this.fail(from, `A ${what} is never closed (no "${terminator}").`);
    return end + terminator.length;
  }

  private text(from: number, to: number) {
    const raw = this.xml.slice(from, to);
    if (!this.stack.length) {
      if (raw.trim()) this.fail(from, "Text is not allowed outside the root element.");
      return;
    }
    this.addText(this.decode(raw, from));
  }

  private addText(text: string) {
    const open = this.stack[this.stack.length - 1];
    if (open.text) open.text.push(text);
    else open.text = [text];
  }

  /** Replaces the five predefined entities and numeric character references; anything else is an error. */
  private decode(raw: string, offset: number): string {
    let amp = raw.indexOf("&");
    if (amp === -1) return raw;
    const parts: string[] = [];
    let from = 0;
    while (amp !== -1) {
      parts.push(raw.slice(from, amp));
      const semi = raw.indexOf(";", amp);
      const name = semi === -1 || semi - amp > 12 ? null : raw.slice(amp + 1, semi);
      const value = name === null ? null : decodeEntity(name);
      if (value === null)
        this.fail(
          offset + amp,
          name === null
            ? 'A "&" must start an entity like &amp; (write a literal & as &amp;).'
            : `The entity &${name}; is not defined; only &lt; &gt; &amp; &quot; &apos; and &#...; are allowed.`,
        );
      parts.push(value);
      from = semi + 1;
      amp = raw.indexOf("&", from);
    }
    parts.push(raw.slice(from));
    return parts.join("");
  }

  private readName(at: number, what: string): number {
    let end = at;
    while (isNameChar(this.xml.charCodeAt(end))) end++;
    if (end === at) this.fail(at, `Expected ${what} here (write a literal < as &lt;).`);
    return end;
  }

  private skipSpace(at: number): number {
    while (isSpace(this.xml.charCodeAt(at))) at++;
    return at;
  }

  private openTag(lt: number) {
    const { xml } = this;
    const nameEnd = this.readName(lt + 1, "an element name");
    const name = xml.slice(lt + 1, nameEnd);
    let attributes = NO_ATTRIBUTES as Map<string, string>;
    let at = nameEnd;
    while (true) {
      const afterSpace = this.skipSpace(at);
      if (xml.startsWith("/>", afterSpace) || xml.charCodeAt(afterSpace) === 62) {
        at = afterSpace;
        break;
      }
      if (afterSpace >= xml.length) this.fail(lt, `The tag <${name}> is never closed.`);
      if (afterSpace === at) this.fail(at, `Expected a space, ">" or "/>" in the tag <${name}>.`);
      if (attributes === NO_ATTRIBUTES) attributes = new Map();
      at = this.attribute(afterSpace, name, attributes);
    }
    const colon = name.indexOf(":");
    const element: XmlElement = {
      name,
      localName: colon === -1 ? name : name.slice(colon + 1),
      attributes,
      children: [],
      text: "",
      line: this.lineOf(lt),
    };
    if (this.stack.length) this.stack[this.stack.length - 1].element.children.push(element);
    else if (this.root) this.fail(lt, "The file has more than one root element.");
    else this.root = element;
    if (this.stack.length + 1 > this.limits.maxDepth)
      this.fail(lt, `Elements are nested more than ${this.limits.maxDepth} levels deep.`);
    if (xml.charCodeAt(at) === 62) {
      this.stack.push({ element, text: null });
      this.pos = at + 1;
    } else this.pos = at + 2; // "/>": empty element
  }

  private attribute(at: number, tag: string, attributes: Map<string, string>): number {
    const { xml } = this;
    const nameEnd = this.readName(at, "an attribute name");
    const name = xml.slice(at, nameEnd);
    const eq = this.skipSpace(nameEnd);
    if (xml.charCodeAt(eq) !== 61) this.fail(eq, `The attribute ${name} of <${tag}> needs ="value".`);
    const open = this.skipSpace(eq + 1);
    const quote = xml[open];
    if (quote !== '"' && quote !== "'") this.fail(open, `The value of ${name} must be in quotes.`);
    const close = xml.indexOf(quote, open + 1);
    if (close === -1) this.fail(open, `The value of ${name} is never closed.`);
    const raw = xml.slice(open + 1, close);
    const lt = raw.indexOf("<");
    if (lt !== -1) this.fail(open + 1 + lt, `An attribute value cannot contain "<"; write &lt;.`);
    if (attributes.has(name)) this.fail(at, `The attribute ${name} appears twice in <${tag}>.`);
    attributes.set(name, this.decode(raw.replace(/[\t\n\r]/g, " "), open + 1));
    return close + 1;
  }

  private closeTag(lt: number) {
    const nameEnd = this.readName(lt + 2, "an element name");
    const name = this.xml.slice(lt + 2, nameEnd);
    const gt = this.skipSpace(nameEnd);
    if (this.xml.charCodeAt(gt) !== 62) this.fail(gt, `Expected ">" to end </${name}>.`);
    const open = this.stack.pop();
    if (!open) this.fail(lt, `</${name}> closes an element that was never opened.`);
    if (open.element.name !== name)
      this.fail(lt, `</${name}> does not match <${open.element.name}> opened on line ${open.element.line}.`);
    if (open.text) open.element.text = open.text.length === 1 ? open.text[0] : open.text.join("");
    this.pos = gt + 1;
  }
}

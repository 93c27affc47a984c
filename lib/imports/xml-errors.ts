// saxes reports well-formedness errors in its own terse words ("unclosed tag: a"); these are the
// sentences a person who edits the file can act on. Pure.

const SENTENCES: [RegExp, (match: RegExpExecArray) => string][] = [
  [
    /^undefined entity/,
    () =>
      'An entity is not defined; only &lt; &gt; &amp; &quot; &apos; and &#...; are allowed (write a literal "&" as &amp;).',
  ],
  [
    /^(?:malformed character entity|disallowed character in entity name)/,
    () => "A character reference (&#...;) or entity is malformed, or names a character XML does not allow.",
  ],
  [/^unclosed tag: (.+)$/, (m) => `The element <${m[1]}> is never closed.`],
  [/^unmatched closing tag: ([^\s.]+)/, (m) => `</${m[1]}> closes an element that was never opened.`],
  [/^unexpected close tag/, () => "This closing tag does not match the element opened before it."],
  [/^documents may contain only one root/, () => "The file has more than one root element."],
  [/^text data outside of root node/, () => "Text is not allowed outside the root element."],
  [/^document must contain a root element/, () => "The file has no root element."],
  [/^duplicate attribute: ([^\s]+?)\.?$/, (m) => `The attribute ${m[1]} appears twice in one tag.`],
  [/^unquoted attribute value/, () => "An attribute value must be in quotes."],
  [/^attribute without value/, () => 'An attribute needs ="value".'],
  [
    /^disallowed character/,
    () => 'This character is not allowed here in XML (write a literal "<" as &lt; and "&" as &amp;).',
  ],
  [/^incorrect syntax/, () => "This is not well-formed XML (declarations like <!ELEMENT> are not allowed)."],
];

/** A sentence for one of saxes's messages ("1:12: unclosed tag: x"), without its position prefix. */
export function xmlErrorSentence(saxesMessage: string): string {
  const message = saxesMessage.replace(/^(?:[^:]*:)?\d+:\d+: /, "").trim();
  for (const [pattern, sentence] of SENTENCES) {
    const match = pattern.exec(message);
    if (match) return sentence(match);
  }
  return `This is not well-formed XML: ${message.slice(0, 200)}`;
}

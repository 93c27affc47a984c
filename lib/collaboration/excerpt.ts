/** How much of a comment a notification or the activity log repeats. */
export const EXCERPT_CHARS = 140;

/**
 * The start of a text on one line: whitespace collapsed, cut at a word boundary near `max`
 * characters with an ellipsis when anything was left out.
 */
export function excerptOf(text: string, max = EXCERPT_CHARS): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${space >= max * 0.75 ? cut.slice(0, space) : cut}…`;
}

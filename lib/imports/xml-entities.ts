// The only entities a Cairn import knows: XML's five predefined ones and numeric character
// references to characters XML 1.0 allows. Pure.

const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** The text an entity name (between "&" and ";") stands for, or null if it is not one of those. */
export function decodeEntity(name: string): string | null {
  if (Object.hasOwn(PREDEFINED, name)) return PREDEFINED[name];
  const m = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(name);
  if (!m) return null;
  const code = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2], 10);
  const allowed =
    code === 9 ||
    code === 10 ||
    code === 13 ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff);
  return allowed ? String.fromCodePoint(code) : null;
}

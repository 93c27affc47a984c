/** Dark enough for white initials at WCAG AA (each >= 4.5:1 against #fff). */
const COLOURS = ["#7c3aed", "#b4235a", "#0e6fa8", "#9a4a07", "#2f6b1f", "#5b4bc4", "#a3246e", "#16697a"];

/** A stable colour per person, so the same person looks the same in the header and on the bars. */
export function presenceColour(userId: string): string {
  let hash = 0;
  for (let i = 0; i < userId.length; i++) hash = (hash * 31 + userId.charCodeAt(i)) >>> 0;
  return COLOURS[hash % COLOURS.length];
}

/** Dark enough for white initials at WCAG AA (each >= 4.5:1 against #fff). */
const COLOURS = ["#7c3aed", "#0e6fa8", "#b4235a", "#2f6b1f", "#9a4a07", "#16697a", "#5b4bc4", "#a3246e"];

/**
 * A colour per person present, in the order they arrived, so that up to eight people never share
 * one; the header and the marks on the bars use the same map.
 */
export function presenceColours(userIds: Iterable<string>): Map<string, string> {
  const map = new Map<string, string>();
  for (const id of userIds) if (!map.has(id)) map.set(id, COLOURS[map.size % COLOURS.length]);
  return map;
}

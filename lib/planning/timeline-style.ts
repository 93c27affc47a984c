// How the timeline marks status, the critical path and date problems: the glyph drawn in every bar
// (so that status is never told by colour alone), the colours, and the words. The page's
// components and the server's pictures draw from this one list.

import type { ITEM_STATUSES } from "../validation/timeline";

export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const STATUS_ORDER: ItemStatus[] = ["planned", "in_progress", "done", "at_risk", "cut"];

export const STATUS_LABELS: Record<ItemStatus, string> = {
  planned: "Planned",
  in_progress: "In progress",
  done: "Done",
  at_risk: "At risk",
  cut: "Cut",
};

/** The critical path's strong accent (7.1:1 on white): bars get a thick underline and border in it. */
export const CRITICAL_COLOUR = "#6b21a8";
export const VIOLATION_COLOUR = "#c02828";

/**
 * A bar's colours per status as hex (the page writes the same values as Tailwind classes in
 * components/timeline/item-status.tsx, which Tailwind needs as literal strings). Text on every
 * fill meets 4.5:1.
 */
export const STATUS_COLOURS: Record<
  ItemStatus,
  { fill: string; stroke: string; text: string; dashed: boolean }
> = {
  planned: { fill: "#eef1f5", stroke: "#7b8494", text: "#191a1c", dashed: false },
  in_progress: { fill: "#dde8fb", stroke: "#2f63c4", text: "#14305e", dashed: false },
  done: { fill: "#eef8f1", stroke: "#2f8a4c", text: "#1d5e33", dashed: false },
  at_risk: { fill: "#fdf7e8", stroke: "#b7791f", text: "#7a4d06", dashed: false },
  cut: { fill: "#f4f4f2", stroke: "#8d8d86", text: "#5d5f66", dashed: true },
};

function mixHex(under: string, over: string, share: number): string {
  const channel = (hex: string, i: number) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
  const parts = [0, 1, 2].map((i) =>
    Math.round(channel(under, i) * (1 - share) + channel(over, i) * share)
      .toString(16)
      .padStart(2, "0"),
  );
  return `#${parts.join("")}`;
}

/**
 * The progress fill inside a bar (issue #18): the status's stroke over its fill at 22%, opaque so
 * that every picture format draws it; the bar's text keeps 4.5:1 over it.
 */
export const PROGRESS_FILLS = Object.fromEntries(
  STATUS_ORDER.map((s) => [s, mixHex(STATUS_COLOURS[s].fill, STATUS_COLOURS[s].stroke, 0.22)]),
) as Record<ItemStatus, string>;

/** One stroke or fill of a 16×16 glyph; `paint` "current" takes the text colour around it. */
export interface GlyphPart {
  d: string;
  fill?: "current" | string;
  stroke?: "current" | string;
  strokeWidth?: number;
  round?: boolean;
}

/** A small shape per status: hollow circle, half circle, tick, triangle, cross (viewBox 0 0 16 16). */
export const STATUS_GLYPHS: Record<ItemStatus, GlyphPart[]> = {
  planned: [{ d: "M2.5 8a5.5 5.5 0 1 0 11 0a5.5 5.5 0 1 0-11 0Z", stroke: "current", strokeWidth: 1.6 }],
  in_progress: [
    { d: "M2.5 8a5.5 5.5 0 1 0 11 0a5.5 5.5 0 1 0-11 0Z", stroke: "current", strokeWidth: 1.6 },
    { d: "M8 2.5a5.5 5.5 0 0 1 0 11Z", fill: "current" },
  ],
  done: [{ d: "m3 8.5 3.2 3.2L13 4.8", stroke: "current", strokeWidth: 2, round: true }],
  at_risk: [
    { d: "M8 2 14.5 13.5h-13Z", stroke: "current", strokeWidth: 1.5, round: true },
    { d: "M8 6.5v3.2M8 11.6v.1", stroke: "current", strokeWidth: 1.6, round: true },
  ],
  cut: [{ d: "m4 4 8 8M12 4l-8 8", stroke: "current", strokeWidth: 1.8, round: true }],
};

/** The glyphs as characters, for formats that write a symbol rather than draw a shape (slides). */
export const STATUS_SYMBOLS: Record<ItemStatus, string> = {
  planned: "○",
  in_progress: "◐",
  done: "✓",
  at_risk: "⚠",
  cut: "✕",
};

/** A date problem: a red triangle with a white exclamation mark. */
export const WARNING_GLYPH: GlyphPart[] = [
  { d: "M8 1.5 15 14H1Z", fill: VIOLATION_COLOUR },
  { d: "M8 6v3.6M8 11.6v.2", stroke: "#fff", strokeWidth: 1.7, round: true },
];

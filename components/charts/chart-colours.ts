/**
 * Colours for charts. Every mark that carries meaning has 3:1 against white (WCAG 1.4.11), and
 * meaning never rests on colour alone: shapes, patterns, labels and the tables beside the charts.
 */
export const CHART = {
  grid: "#e5e4df",
  axis: "#cfcec8",
  tick: "#5d5f66",
  ink: "#3b3d42",
  /** Demand, the forecast curve: the accent. */
  accent: "#0f7567",
  /** Capacity: an outlined, lightly filled bar. */
  capacityFill: "#e7e9ee",
  capacityStroke: "#4b5563",
  /** Shortfalls and target dates. */
  danger: "#c02828",
  dangerText: "#a31f1f",
  cursor: "#f1f1ee",
} as const;

/** Distinct series colours (lanes), each 3:1 or more against white, neighbours apart in hue. */
export const SERIES = [
  "#0f7567",
  "#6b21a8",
  "#b45309",
  "#1d4ed8",
  "#be185d",
  "#4d7c0f",
  "#0e7490",
  "#7c2d12",
  "#4338ca",
  "#57534e",
] as const;

export const seriesColour = (index: number) => SERIES[index % SERIES.length];

export const TICK_STYLE = { fontSize: 11, fill: CHART.tick } as const;

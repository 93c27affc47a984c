import { CHART } from "./chart-colours";
import { QuarterTick, type TickProps } from "./quarter-tick";

/**
 * What every chart here shares: it fills its ChartFrame, and has no Recharts keyboard layer (the
 * "show the numbers" table beside each chart is the accessible version).
 */
export const CHART_PROPS = {
  responsive: true,
  accessibilityLayer: false,
  style: { width: "100%", height: "100%" },
} as const;

/** An x axis of quarters ("Q1 2026" over two lines), every one labelled. */
export const QUARTER_X_AXIS = {
  dataKey: "label",
  interval: 0,
  height: 34,
  tickLine: false,
  axisLine: { stroke: CHART.axis },
  tick: (tick: TickProps) => <QuarterTick {...tick} />,
} as const;

/** A segment of a stacked bar: a white line between segments, drawn at once. */
export const STACKED_SEGMENT = { stroke: "#fff", strokeWidth: 1, isAnimationActive: false } as const;

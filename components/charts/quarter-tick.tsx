import { CHART } from "./chart-colours";

export interface TickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value: string };
}

/**
 * A quarter ("Q3 2027") under a chart's axis on two lines, so that six or more fit a phone's width;
 * a `flag` ("▲ short") adds a third line in red: a marked quarter is never told by colour alone.
 */
export function QuarterTick({ x, y, payload, flag }: TickProps & { flag?: string | null }) {
  const [quarter, year] = (payload?.value ?? "").split(" ");
  return (
    <g transform={`translate(${x},${y})`}>
      <text textAnchor="middle" fontSize={11} fill={CHART.ink}>
        <tspan x={0} dy={12}>
          {quarter}
        </tspan>
        <tspan x={0} dy={13} fill={CHART.tick}>
          {year}
        </tspan>
      </text>
      {flag && (
        <text dy={39} textAnchor="middle" fontSize={10} fontWeight={700} fill={CHART.dangerText}>
          {flag}
        </text>
      )}
    </g>
  );
}

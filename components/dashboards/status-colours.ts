import { CHART } from "@/components/charts/chart-colours";

/** Item statuses as the dashboards count them (the API's camelCase keys), bottom of a stack first. */
export const STATUS_SERIES = [
  { key: "done", label: "Done", colour: CHART.accent },
  { key: "inProgress", label: "In progress", colour: "#1d4ed8" },
  { key: "atRisk", label: "At risk", colour: CHART.danger },
  { key: "planned", label: "Planned", colour: "#6b7280" },
  { key: "cut", label: "Cut", colour: "#b45309" },
] as const;

export type StatusKey = (typeof STATUS_SERIES)[number]["key"];
export type StatusCounts = Record<StatusKey, number>;

export function totalOf(counts: StatusCounts): number {
  return STATUS_SERIES.reduce((sum, s) => sum + counts[s.key], 0);
}

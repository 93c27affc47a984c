import type { Risk } from "@/lib/client/resources";
import type { RiskKind, RiskStatus } from "@/lib/validation/resources";

export interface RiskFilters {
  kind: RiskKind | "all";
  /** "active": open and mitigating, the default (what the heat map counts too). */
  status: RiskStatus | "active" | "all";
  needsContingency: boolean;
  /** A heat-map cell. */
  cell: { likelihood: number; impact: number } | null;
}

export const DEFAULT_FILTERS: RiskFilters = {
  kind: "all",
  status: "active",
  needsContingency: false,
  cell: null,
};

export const isActive = (risk: Risk) => risk.status !== "closed";

export function applyFilters(risks: Risk[], filters: RiskFilters): Risk[] {
  return risks.filter(
    (r) =>
      (filters.kind === "all" || r.kind === filters.kind) &&
      (filters.status === "all" ||
        (filters.status === "active" ? isActive(r) : r.status === filters.status)) &&
      (!filters.needsContingency || r.needsContingency) &&
      (!filters.cell || (r.likelihood === filters.cell.likelihood && r.impact === filters.cell.impact)),
  );
}

export function isFiltered(filters: RiskFilters): boolean {
  return (
    filters.kind !== DEFAULT_FILTERS.kind ||
    filters.status !== DEFAULT_FILTERS.status ||
    filters.needsContingency ||
    filters.cell !== null
  );
}

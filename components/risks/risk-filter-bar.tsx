"use client";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { XIcon } from "@/components/ui/icons";
import { Select } from "@/components/ui/select";
import { RISK_KINDS, RISK_STATUSES } from "@/lib/validation/resource-kinds";
import { DEFAULT_FILTERS, isFiltered, type RiskFilters } from "./risk-filters";
import { RISK_KIND_INFO, RISK_STATUS_INFO } from "./risk-labels";

/** The register's filters: kind, status, "needs contingency", and the heat-map cell if one is chosen. */
export function RiskFilterBar({
  filters,
  onChange,
  shown,
  total,
}: {
  filters: RiskFilters;
  onChange: (filters: RiskFilters) => void;
  shown: number;
  total: number;
}) {
  return (
    <div className="flex flex-wrap items-end gap-x-4 gap-y-3">
      <Field label="Kind" className="w-44">
        {(control) => (
          <Select
            {...control}
            size="sm"
            value={filters.kind}
            onChange={(e) => onChange({ ...filters, kind: e.target.value as RiskFilters["kind"] })}
          >
            <option value="all">All kinds</option>
            {RISK_KINDS.map((k) => (
              <option key={k} value={k}>
                {RISK_KIND_INFO[k].label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Status" className="w-52">
        {(control) => (
          <Select
            {...control}
            size="sm"
            value={filters.status}
            onChange={(e) => onChange({ ...filters, status: e.target.value as RiskFilters["status"] })}
          >
            <option value="active">Open and mitigating</option>
            {RISK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {RISK_STATUS_INFO[s].label}
              </option>
            ))}
            <option value="all">All statuses</option>
          </Select>
        )}
      </Field>
      <label className="flex h-8 items-center gap-2 text-[13px] font-medium text-ink">
        <input
          type="checkbox"
          checked={filters.needsContingency}
          onChange={(e) => onChange({ ...filters, needsContingency: e.target.checked })}
          className="size-4 accent-accent-700"
        />
        Needs contingency
      </label>
      {filters.cell && (
        <span className="inline-flex h-8 items-center gap-1 rounded-full bg-accent-50 pr-1 pl-3 text-[13px] text-accent-800 ring-1 ring-accent-200">
          Likelihood {filters.cell.likelihood}, impact {filters.cell.impact}
          <button
            type="button"
            onClick={() => onChange({ ...filters, cell: null })}
            className="flex size-6 items-center justify-center rounded-full hover:bg-accent-100"
          >
            <XIcon className="size-3.5" />
            <span className="sr-only">Show every likelihood and impact</span>
          </button>
        </span>
      )}
      <div className="ml-auto flex items-center gap-3">
        <p className="text-[13px] text-muted" role="status">
          {shown === total ? `${total} ${total === 1 ? "risk" : "risks"}` : `${shown} of ${total} risks`}
        </p>
        {isFiltered(filters) && (
          <Button size="sm" variant="ghost" onClick={() => onChange(DEFAULT_FILTERS)}>
            Reset filters
          </Button>
        )}
      </div>
    </div>
  );
}

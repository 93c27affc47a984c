import { cx } from "@/components/ui/cx";
import { Select } from "@/components/ui/select";
import type { FeasibilityVerdict } from "@/lib/validation/collaboration";
import { VERDICT_INFO, VERDICT_ORDER } from "./verdict";

/** The feasibility verdict a comment gives, or none: a native select, labelled. */
export function VerdictSelect({
  id,
  value,
  onChange,
  className,
}: {
  id: string;
  value: FeasibilityVerdict | null;
  onChange: (value: FeasibilityVerdict | null) => void;
  className?: string;
}) {
  return (
    <div className={cx("flex items-center gap-1.5", className)}>
      <label htmlFor={id} className="text-[13px] font-medium text-ink-soft">
        Verdict
      </label>
      <Select
        id={id}
        size="sm"
        value={value ?? ""}
        onChange={(e) => onChange((e.target.value || null) as FeasibilityVerdict | null)}
      >
        <option value="">No verdict</option>
        {VERDICT_ORDER.map((v) => (
          <option key={v} value={v}>
            {VERDICT_INFO[v].label}
          </option>
        ))}
      </Select>
    </div>
  );
}

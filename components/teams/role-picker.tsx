import { cx } from "@/components/ui/cx";
import { ROLE_INFO, ROLE_ORDER } from "@/lib/client/roles";
import type { Role } from "@/lib/validation/common";

/** Radio cards: each role with what it may do, so the inviter picks knowingly. */
export function RolePicker({
  name,
  value,
  onChange,
  legend = "Role",
}: {
  name: string;
  value: Role;
  onChange: (role: Role) => void;
  legend?: string;
}) {
  return (
    <fieldset>
      <legend className="text-[13px] font-medium text-ink">{legend}</legend>
      <div className="mt-1.5 grid gap-2 sm:grid-cols-2">
        {ROLE_ORDER.map((role) => (
          <label
            key={role}
            className={cx(
              "relative flex cursor-pointer gap-3 rounded-lg border bg-surface px-3.5 py-3 transition-colors",
              "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-accent-600",
              value === role
                ? "border-accent-600 bg-accent-50/60 ring-1 ring-accent-600"
                : "border-line hover:border-line-strong",
            )}
          >
            <input
              type="radio"
              name={name}
              value={role}
              checked={value === role}
              onChange={() => onChange(role)}
              className="mt-0.5 size-4 shrink-0 accent-accent-600 focus-visible:outline-none"
            />
            <span className="min-w-0">
              <span className="block text-sm font-medium text-ink">{ROLE_INFO[role].label}</span>
              <span className="mt-0.5 block text-[13px] leading-5 text-muted">{ROLE_INFO[role].summary}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

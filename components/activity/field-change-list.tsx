import type { FieldChange } from "./activity-description";

/** Each changed field with its value before and after: "Start  3 Mar 2027 → 10 Mar 2027". */
export function FieldChangeList({ fields }: { fields: FieldChange[] }) {
  if (fields.length === 0) return null;
  return (
    <dl className="mt-1.5 grid w-fit max-w-full grid-cols-[minmax(0,auto)_minmax(0,1fr)] gap-x-3 gap-y-1 rounded-md bg-subtle/70 px-2.5 py-2 text-[13px] leading-5">
      {fields.map((f) => (
        <div key={f.field} className="contents">
          <dt className="font-medium text-ink-soft">{f.label}</dt>
          <dd className="min-w-0 break-words text-ink">
            <span className="text-muted">{f.from}</span>
            <span aria-hidden="true" className="px-1.5 text-muted">
              →
            </span>
            <span className="sr-only"> changed to </span>
            <span className="font-medium">{f.to}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

import type { ReactNode } from "react";

/** A chart's numbers as a table, folded away under the chart until asked for. */
export function ShowTheNumbers({ children }: { children: ReactNode }) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-[13px] font-medium text-ink-soft hover:text-ink">
        Show the numbers
      </summary>
      <div className="mt-2">{children}</div>
    </details>
  );
}

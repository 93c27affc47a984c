import type { ReactNode } from "react";
import { cx } from "@/components/ui/cx";

/** A titled block of the brief that never breaks across printed pages. */
export function BriefSection({
  title,
  id,
  className,
  children,
}: {
  title: string;
  id: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={cx("break-inside-avoid", className)}>
      <h2
        id={id}
        className="mb-1.5 border-b border-line pb-1 text-[11px] font-semibold tracking-wide text-accent-800 uppercase"
      >
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A compact table with a visible "+k more" row when rows were left out. */
export function BriefTable({
  caption,
  head,
  more,
  moreLabel,
  children,
}: {
  caption: string;
  head: { label: string; align?: "right" }[];
  more: number;
  moreLabel: string;
  children: ReactNode;
}) {
  return (
    <table className="w-full text-[12px] leading-[1.35] print:text-[10.5px]">
      <caption className="sr-only">{caption}</caption>
      <thead className="text-left text-[11px] text-muted print:text-[9.5px]">
        <tr>
          {head.map((h) => (
            <th
              key={h.label}
              scope="col"
              className={cx("py-1 pr-2 font-medium last:pr-0", h.align === "right" && "text-right")}
            >
              {h.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-line border-y border-line">{children}</tbody>
      {more > 0 && (
        <tfoot>
          <tr>
            <td colSpan={head.length} className="pt-1 text-[11px] text-muted print:text-[9.5px]">
              +{more} more {moreLabel}
            </td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}

export const cell = "py-1 pr-2 align-top last:pr-0";
export const numberCell = cx(cell, "text-right tabular-nums whitespace-nowrap");

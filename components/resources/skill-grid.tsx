import type { ReactNode } from "react";
import { cx } from "@/components/ui/cx";

export interface GridColumn {
  key: string;
  header: ReactNode;
}

/**
 * A table of skills (rows) against periods (columns): the frame the capacity, phase-capacity and
 * staffing tables share, with the skill column kept in view while the periods scroll sideways.
 */
export function SkillGrid({
  caption,
  columns,
  testId,
  captionHidden = false,
  nowrap = true,
  children,
}: {
  caption: ReactNode;
  columns: GridColumn[];
  testId?: string;
  /** For screen readers only (the page says it elsewhere); the header row is then shaded instead. */
  captionHidden?: boolean;
  /** Headers on one line (quarters); phases wrap their name over their dates. */
  nowrap?: boolean;
  /** The rows: SkillRow, or rows of totals. */
  children: ReactNode;
}) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-line">
      <table className="w-full border-collapse text-[13px]" data-testid={testId}>
        <caption
          className={
            captionHidden
              ? "sr-only"
              : "border-b border-line bg-subtle px-3 py-2 text-left text-xs text-ink-soft"
          }
        >
          {caption}
        </caption>
        <thead className={cx("text-left text-xs text-ink-soft", captionHidden && "bg-subtle")}>
          <tr>
            <th
              scope="col"
              className={cx(
                "sticky left-0 border-r border-b border-line px-3 py-2 font-semibold",
                captionHidden ? "bg-subtle" : "bg-surface",
              )}
            >
              Skill
            </th>
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={cx(
                  "border-b border-l border-line px-3 py-2 text-right font-semibold text-ink",
                  nowrap ? "whitespace-nowrap" : "align-bottom",
                )}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** One row of a SkillGrid: the name as its header, then a cell per column. */
export function SkillRow({
  name,
  total = false,
  children,
}: {
  name: string;
  total?: boolean;
  children: ReactNode;
}) {
  return (
    <tr className={cx("border-b border-line", total ? "bg-canvas/60" : "last:border-b-0")}>
      <th
        scope="row"
        className={cx(
          "sticky left-0 border-r border-line px-3 py-2 text-left text-ink",
          total ? "bg-canvas font-semibold" : "bg-surface font-medium",
        )}
      >
        {name}
      </th>
      {children}
    </tr>
  );
}

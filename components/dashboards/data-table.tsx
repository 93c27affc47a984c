import type { ReactNode } from "react";
import { cx } from "@/components/ui/cx";

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  /** Right-aligned figures. */
  numeric?: boolean;
  /** The row's name (a th scope=row). */
  rowHeader?: boolean;
  className?: string;
}

/** A compact table of a dashboard: a caption says what it holds (shown, or only read out). */
export function DataTable<Row>({
  caption,
  hideCaption = false,
  columns,
  rows,
  rowKey,
  testId,
}: {
  caption: string;
  hideCaption?: boolean;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  testId?: string;
}) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-line" data-testid={testId}>
      <table className="w-full border-collapse text-sm">
        <caption
          className={cx(
            hideCaption
              ? "sr-only"
              : "border-b border-line bg-subtle px-3 py-2 text-left text-xs text-ink-soft",
          )}
        >
          {caption}
        </caption>
        <thead className="text-left text-xs text-ink-soft">
          <tr>
            {columns.map((c) => (
              <th
                key={c.header}
                scope="col"
                className={cx("px-3 py-2 font-semibold whitespace-nowrap", c.numeric && "text-right")}
              >
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className="border-t border-line">
              {columns.map((c) =>
                c.rowHeader ? (
                  <th
                    key={c.header}
                    scope="row"
                    className={cx("px-3 py-2 text-left font-medium text-ink", c.className)}
                  >
                    {c.cell(row)}
                  </th>
                ) : (
                  <td
                    key={c.header}
                    className={cx(
                      "px-3 py-2 text-ink-soft",
                      c.numeric && "text-right whitespace-nowrap tabular-nums",
                      c.className,
                    )}
                  >
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

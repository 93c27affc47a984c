/** What each colour in a chart stands for, as a list beside it. */
export function ChartLegend({
  entries,
}: {
  /** `outline`: the mark is drawn outlined in this colour (e.g. capacity), as in the chart. */
  /** `dashed`: the series is a dashed line, so its mark is a dash rather than a square. */
  entries: ReadonlyArray<{ label: string; colour: string; outline?: string; dashed?: boolean }>;
}) {
  return (
    <ul aria-label="Legend" className="flex flex-wrap gap-x-4 gap-y-1.5 text-xs text-ink-soft">
      {entries.map((entry) => (
        <li key={entry.label} className="inline-flex items-center gap-1.5">
          {entry.dashed ? (
            <span
              aria-hidden="true"
              className="inline-block w-4 border-t-2 border-dashed"
              style={{ borderColor: entry.colour }}
            />
          ) : (
            <span
              aria-hidden="true"
              className="inline-block size-3 rounded-[3px]"
              style={{ background: entry.colour }}
            />
          )}
          {entry.label}
        </li>
      ))}
    </ul>
  );
}

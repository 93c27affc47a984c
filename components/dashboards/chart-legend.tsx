/** What each colour in a chart stands for, as a list beside it. */
export function ChartLegend({
  entries,
}: {
  /** `outline`: the mark is drawn outlined in this colour (e.g. capacity), as in the chart. */
  entries: ReadonlyArray<{ label: string; colour: string; outline?: string }>;
}) {
  return (
    <ul aria-label="Legend" className="flex flex-wrap gap-x-4 gap-y-1.5 text-xs text-ink-soft">
      {entries.map((entry) => (
        <li key={entry.label} className="inline-flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className="inline-block size-3 rounded-[3px]"
            style={{ background: entry.colour }}
          />
          {entry.label}
        </li>
      ))}
    </ul>
  );
}

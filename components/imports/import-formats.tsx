/** The CSV columns Cairn reads, as its own CSV export writes them (other tools' names work too). */
const CSV_COLUMNS: { name: string; what: string }[] = [
  { name: "title", what: "the item’s name (required)" },
  { name: "type", what: "feature or milestone" },
  { name: "workstream", what: "the lane" },
  { name: "start, end", what: "dates, YYYY-MM-DD" },
  { name: "outcome", what: "what marks a milestone reached" },
  { name: "status, key", what: "planned, in_progress, done…; yes for key" },
  { name: "optimistic, likely, pessimistic", what: "hours" },
  { name: "dependsOn", what: "ids or titles it waits for" },
];

/** What the import reads: the three formats, and the CSV header it understands. */
export function ImportFormats() {
  return (
    <div className="flex flex-col gap-4 text-sm leading-6 text-ink-soft">
      <dl className="flex flex-col gap-3">
        <div>
          <dt className="font-medium text-ink">Cairn JSON export (.json)</dt>
          <dd className="text-muted">
            Everything comes back: lanes, items, dependencies, phases, staffing and risks.
          </dd>
        </div>
        <div>
          <dt className="font-medium text-ink">CSV with a header row (.csv)</dt>
          <dd className="text-muted">One milestone or feature per row. Columns, in any order:</dd>
          <dd>
            <ul className="mt-1.5 flex flex-col gap-1 text-[13px] leading-5">
              {CSV_COLUMNS.map((c) => (
                <li key={c.name}>
                  <code className="font-mono text-ink">{c.name}</code>{" "}
                  <span className="text-muted">— {c.what}</span>
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt className="font-medium text-ink">Microsoft Project XML (.xml)</dt>
          <dd className="text-muted">
            Saved from Project as “XML Format”. Summary tasks become lanes, tasks keep their dates and links,
            and the plan keeps its own start date.
          </dd>
        </div>
      </dl>
      <p className="text-[13px] text-muted">
        Up to 10 MiB. Rows Cairn cannot use are skipped and listed with the reason.
      </p>
    </div>
  );
}

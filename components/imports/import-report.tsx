import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ButtonLink } from "@/components/ui/button-link";
import { ArrowRightIcon } from "@/components/ui/icons";
import type { ImportResult } from "@/lib/client/imports";
import { pluralize } from "@/lib/client/format";

const SOURCE: Record<ImportResult["source"], string> = {
  json: "Cairn JSON export",
  csv: "CSV file",
  mspdi: "Microsoft Project plan",
};

/** What the import made, what it left out and why, and the way to the new roadmap. */
export function ImportReport({ result, onAgain }: { result: ImportResult; onAgain: () => void }) {
  const { imported, skipped, skippedTotal, skippedByReason, roadmap } = result;
  return (
    <div className="flex flex-col gap-5">
      <Alert tone="success" title={`“${roadmap.title}” imported`}>
        From a {SOURCE[result.source]}: {pluralize(imported.items, "item")} in{" "}
        {pluralize(imported.workstreams, "lane")},{" "}
        {pluralize(imported.dependencies, "dependency", "dependencies")} and{" "}
        {pluralize(imported.risks, "risk")}.
        {skippedTotal > 0
          ? ` ${pluralize(skippedTotal, "part")} of the file could not be used; see below.`
          : " Nothing was skipped."}
      </Alert>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {(
          [
            ["Items", imported.items],
            ["Lanes", imported.workstreams],
            ["Dependencies", imported.dependencies],
            ["Risks", imported.risks],
          ] as const
        ).map(([label, value]) => (
          <div key={label} className="rounded-lg border border-line px-3 py-2.5">
            <dt className="text-xs font-medium text-muted">{label}</dt>
            <dd className="mt-0.5 text-lg font-semibold text-ink tabular-nums">{value.toLocaleString()}</dd>
          </div>
        ))}
      </dl>
      {skippedTotal > skipped.length && (
        <div className="rounded-lg border border-line px-4 py-3 text-sm">
          <h3 className="text-[13px] font-semibold text-ink">Skipped, by reason</h3>
          <ul className="mt-1.5 flex flex-col gap-1 text-muted">
            {skippedByReason.map((r) => (
              <li key={r.reason}>
                <span className="font-medium text-ink tabular-nums">{r.count.toLocaleString()}</span>{" "}
                {r.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      {skipped.length > 0 && (
        <div className="relative overflow-x-auto rounded-lg border border-line">
          <table className="w-full min-w-[32rem] text-sm">
            <caption className="border-b border-line bg-canvas/70 px-4 py-2 text-left text-[13px] font-semibold text-ink">
              {skippedTotal > skipped.length
                ? `Skipped (the first ${skipped.length.toLocaleString()} of ${skippedTotal.toLocaleString()})`
                : `Skipped (${skippedTotal.toLocaleString()})`}
            </caption>
            <thead className="text-left text-xs text-muted">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  Where
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  What
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Why
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line border-t border-line">
              {skipped.map((s, i) => (
                <tr key={i}>
                  <td className="px-4 py-2 align-top whitespace-nowrap text-ink-soft">{s.where}</td>
                  <td className="px-4 py-2 align-top text-ink">{s.what}</td>
                  <td className="px-4 py-2 align-top text-muted">{s.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="flex flex-wrap gap-2">
        <ButtonLink
          href={`/roadmaps/${roadmap.id}`}
          variant="primary"
          icon={<ArrowRightIcon className="size-4" />}
        >
          Open the roadmap
        </ButtonLink>
        <Button variant="secondary" onClick={onAgain}>
          Import another file
        </Button>
      </div>
    </div>
  );
}

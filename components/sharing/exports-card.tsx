import { Card, CardHeader } from "@/components/ui/card";
import { exportHref } from "@/lib/client/sharing";
import type { ExportFormat } from "@/lib/validation/communication";

const EXPORTS: { format: ExportFormat; label: string; description: string }[] = [
  {
    format: "json",
    label: "JSON",
    description:
      "Everything, lossless: lanes, items, dependencies, phases, staffing and risks. Imports back into Cairn.",
  },
  { format: "csv", label: "CSV", description: "One row per milestone and feature, for a spreadsheet." },
  {
    format: "md",
    label: "Markdown brief",
    description: "A short written summary to paste into a document or wiki.",
  },
  {
    format: "ics",
    label: "iCalendar",
    description: "Upcoming reviews and key milestones, for a calendar app.",
  },
];

/** Downloads of the roadmap as it is now; plain links, so the browser saves the file. */
export function ExportsCard({ roadmapId }: { roadmapId: string }) {
  return (
    <Card aria-labelledby="exports-title">
      <CardHeader titleId="exports-title" title="Export" description="Download the roadmap as it is now." />
      <ul className="mt-4 divide-y divide-line border-t border-line">
        {EXPORTS.map(({ format, label, description }) => (
          <li
            key={format}
            className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-5 py-3 sm:px-6"
          >
            <div className="min-w-0 flex-1 basis-56">
              <p className="text-sm font-medium text-ink">{label}</p>
              <p className="text-[13px] leading-5 text-muted">{description}</p>
            </div>
            <a
              href={exportHref(roadmapId, format)}
              download
              className="inline-flex h-8 items-center rounded-md border border-line-strong bg-surface px-2.5 text-[13px] font-medium text-ink shadow-xs hover:bg-subtle"
            >
              Download {label}
            </a>
          </li>
        ))}
      </ul>
    </Card>
  );
}

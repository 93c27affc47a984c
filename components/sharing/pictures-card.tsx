"use client";

import { useState } from "react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { pictureHref, type PictureQuery } from "@/lib/client/pictures";
import { horizonEnd } from "@/lib/planning/calendar";
import { AUDIENCES } from "@/lib/validation/communication-kinds";
import type { PaperSize, PictureScale } from "@/lib/validation/pictures";
import { AUDIENCE_LABELS } from "./audiences";
import { PICTURE_AUDIENCE_SHOWS } from "./picture-audiences";
import { PictureDownloads } from "./picture-downloads";
import { PicturePreview } from "./picture-preview";

const SCALE_LABELS: Record<PictureScale, string> = {
  quarters: "Quarters and months",
  months: "Months and weeks",
};

const PAPER_LABELS: Record<PaperSize, string> = {
  a4: "A4, landscape",
  letter: "Letter, landscape",
  a3: "A3, landscape",
};

interface Range {
  from: string;
  to: string;
}

/** Why a range cannot be drawn, or null. Dates compare as text: both are YYYY-MM-DD. */
function rangeProblem(range: Range, horizon: Range): { field: "from" | "to"; message: string } | null {
  if (!range.from) return { field: "from", message: "Choose a first date." };
  if (!range.to) return { field: "to", message: "Choose a last date." };
  if (range.from < horizon.from) return { field: "from", message: "The roadmap starts later than this." };
  if (range.to > horizon.to) return { field: "to", message: "The roadmap's horizon ends before this." };
  if (range.from > range.to) return { field: "to", message: "The last date comes before the first." };
  return null;
}

/**
 * "Pictures and slides" on the Share & export page: the timeline as each audience's picture (a
 * preview of the SVG) with its downloads, under one set of options (axis, range, PDF paper).
 */
export function PicturesCard({
  roadmapId,
  roadmapTitle,
  startDate,
  horizonMonths,
}: {
  roadmapId: string;
  roadmapTitle: string;
  startDate: string;
  horizonMonths: number;
}) {
  const horizon: Range = { from: startDate, to: horizonEnd(startDate, horizonMonths) };
  const [scale, setScale] = useState<PictureScale>("quarters");
  const [paper, setPaper] = useState<PaperSize>("a4");
  const [range, setRange] = useState<Range>(horizon);
  const [drawn, setDrawn] = useState<Range>(horizon);
  const problem = rangeProblem(range, horizon);

  function changeRange(next: Range) {
    setRange(next);
    if (!rangeProblem(next, horizon)) setDrawn(next);
  }

  // The whole horizon is the default: it stays out of the URLs.
  const query: Omit<PictureQuery, "format"> = {
    scale,
    paper,
    from: drawn.from === horizon.from ? undefined : drawn.from,
    to: drawn.to === horizon.to ? undefined : drawn.to,
  };
  const source = { roadmapId };

  return (
    <Card aria-labelledby="pictures-title">
      <CardHeader
        titleId="pictures-title"
        title="Pictures and slides"
        description="The timeline drawn for each audience: a picture for documents and chat, a PDF to print, or a PowerPoint deck whose bars and milestones you can still move."
      />
      <CardBody className="pb-4">
        <fieldset className="grid gap-4 rounded-lg border border-line bg-canvas/60 p-4 sm:grid-cols-2 lg:grid-cols-4">
          <legend className="sr-only">Picture options</legend>
          <Field label="Time axis">
            {(control) => (
              <Select {...control} value={scale} onChange={(e) => setScale(e.target.value as PictureScale)}>
                {(Object.keys(SCALE_LABELS) as PictureScale[]).map((key) => (
                  <option key={key} value={key}>
                    {SCALE_LABELS[key]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          {(["from", "to"] as const).map((end) => (
            <Field
              key={end}
              label={end === "from" ? "From" : "To"}
              error={problem?.field === end ? problem.message : null}
            >
              {(control) => (
                <Input
                  {...control}
                  type="date"
                  min={horizon.from}
                  max={horizon.to}
                  value={range[end]}
                  onChange={(e) => changeRange({ ...range, [end]: e.target.value })}
                />
              )}
            </Field>
          ))}
          <Field label="PDF paper">
            {(control) => (
              <Select {...control} value={paper} onChange={(e) => setPaper(e.target.value as PaperSize)}>
                {(Object.keys(PAPER_LABELS) as PaperSize[]).map((key) => (
                  <option key={key} value={key}>
                    {PAPER_LABELS[key]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </fieldset>
      </CardBody>
      <ul className="divide-y divide-line border-t border-line">
        {AUDIENCES.map((audience) => {
          const label = AUDIENCE_LABELS[audience];
          const what = `the ${label.toLowerCase()} timeline`;
          return (
            // Name, then the picture at the card's full width, then its downloads in a row under it:
            // beside a short, wide picture a column of downloads left empty space (#16).
            <li key={audience} className="space-y-3 px-5 py-5 sm:px-6">
              <div>
                <h3 className="text-sm font-semibold text-ink">{label}</h3>
                <p className="mt-0.5 text-[13px] leading-5 text-muted">{PICTURE_AUDIENCE_SHOWS[audience]}</p>
              </div>
              <PicturePreview
                src={pictureHref(source, { ...query, format: "svg", audience })}
                alt={`${label} timeline of “${roadmapTitle}”: ${PICTURE_AUDIENCE_SHOWS[audience]}`}
                label={`${label} picture preview`}
              />
              <PictureDownloads source={source} query={{ ...query, audience }} what={what} across />
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

import type { Audience } from "@/lib/validation/communication-kinds";
import { pictureHref } from "@/lib/client/pictures";
import { AUDIENCE_LABELS } from "./audiences";
import { PictureDownloads } from "./picture-downloads";
import { PicturePreview } from "./picture-preview";
import { PICTURE_AUDIENCE_SHOWS } from "./picture-audiences";

/** A share link's timeline picture and deck, for its own audience (GET /api/share/:token/export). */
export function SharedPictures({
  token,
  audience,
  roadmapTitle,
}: {
  token: string;
  audience: Audience;
  roadmapTitle: string;
}) {
  const source = { shareToken: token };
  const label = AUDIENCE_LABELS[audience];
  return (
    <section aria-labelledby="shared-pictures-title" className="flex flex-col gap-3">
      <div>
        <h2 id="shared-pictures-title" className="text-lg font-semibold tracking-tight text-ink">
          Pictures and slides
        </h2>
        <p className="mt-1 text-sm text-muted">
          This timeline for a document or a meeting: a picture, a PDF to print, or a PowerPoint deck.
        </p>
      </div>
      <div className="grid gap-5 rounded-xl border border-line bg-surface p-4 shadow-card sm:p-5 lg:grid-cols-[minmax(0,1fr)_17rem] lg:items-start">
        <PicturePreview
          src={pictureHref(source, { format: "svg", audience })}
          alt={`${label} timeline of “${roadmapTitle}”: ${PICTURE_AUDIENCE_SHOWS[audience]}`}
          label={`${label} picture preview`}
        />
        <div className="flex flex-col gap-3">
          <p className="text-[13px] leading-5 text-muted">{PICTURE_AUDIENCE_SHOWS[audience]}</p>
          <PictureDownloads
            source={source}
            query={{ audience }}
            what={`the ${label.toLowerCase()} timeline`}
          />
        </div>
      </div>
    </section>
  );
}

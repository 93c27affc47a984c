import { DownloadIcon } from "@/components/ui/icons";
import {
  PICTURE_FORMAT_HINTS,
  PICTURE_FORMAT_LABELS,
  pictureHref,
  type PictureQuery,
  type PictureSource,
} from "@/lib/client/pictures";
import { PICTURE_FORMATS } from "@/lib/validation/picture-kinds";

/**
 * The four downloads of one audience's timeline: plain links, so the browser saves the file.
 * `what` finishes each link's accessible name ("Download the executive timeline as PNG").
 * `across`: side by side under a full-width preview (two on a tablet, four on a wide screen)
 * instead of one column, so a short, wide picture leaves no empty space beside a tall list.
 */
export function PictureDownloads({
  source,
  query,
  what,
  across = false,
}: {
  source: PictureSource;
  query: Omit<PictureQuery, "format">;
  what: string;
  across?: boolean;
}) {
  return (
    <ul
      className={
        across
          ? "grid gap-px overflow-hidden rounded-lg border border-line-strong bg-line shadow-xs sm:grid-cols-2 lg:grid-cols-4"
          : "divide-y divide-line overflow-hidden rounded-lg border border-line-strong bg-surface shadow-xs"
      }
    >
      {PICTURE_FORMATS.map((format) => (
        <li key={format} className={across ? "bg-surface" : undefined}>
          <a
            href={pictureHref(source, { ...query, format })}
            download
            className="flex h-full items-center gap-3 px-3 py-2 transition-colors hover:bg-accent-50/60 focus-visible:-outline-offset-2"
          >
            <DownloadIcon className="size-4 shrink-0 text-accent-700" />
            <span className="min-w-0">
              <span className="block text-[13px] font-medium text-ink">
                <span className="sr-only">Download {what} as </span>
                {PICTURE_FORMAT_LABELS[format]}
              </span>
              <span className="block text-xs leading-4 text-muted">{PICTURE_FORMAT_HINTS[format]}</span>
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}

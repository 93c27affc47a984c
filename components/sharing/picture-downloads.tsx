import { DownloadIcon } from "@/components/ui/icons";
import {
  PICTURE_FORMAT_HINTS,
  PICTURE_FORMAT_LABELS,
  pictureHref,
  type PictureQuery,
  type PictureSource,
} from "@/lib/client/pictures";
import { PICTURE_FORMATS } from "@/lib/validation/pictures";

/**
 * The four downloads of one audience's timeline: plain links, so the browser saves the file.
 * `what` finishes each link's accessible name ("Download the executive timeline as PNG").
 */
export function PictureDownloads({
  source,
  query,
  what,
}: {
  source: PictureSource;
  query: Omit<PictureQuery, "format">;
  what: string;
}) {
  return (
    <ul className="grid grid-cols-2 gap-2">
      {PICTURE_FORMATS.map((format) => (
        <li key={format}>
          <a
            href={pictureHref(source, { ...query, format })}
            download
            className="group flex h-full items-start gap-2.5 rounded-lg border border-line-strong bg-surface px-3 py-2.5 shadow-xs transition-colors hover:border-accent-300 hover:bg-accent-50/60"
          >
            <DownloadIcon className="mt-0.5 size-4 shrink-0 text-accent-700" />
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

"use client";

import { useContext, useState } from "react";
import { Button } from "@/components/ui/button";
import { ChevronDownIcon, CopyIcon, DownloadIcon } from "@/components/ui/icons";
import { Menu, MenuAnchorItem } from "@/components/ui/menu";
import {
  PICTURE_FORMAT_HINTS,
  PICTURE_FORMAT_LABELS,
  copyPictureToClipboard,
  pictureHref,
} from "@/lib/client/pictures";
import type { Zoom } from "@/lib/planning/timeline-layout";
import { PICTURE_FORMATS, type PictureScale } from "@/lib/validation/picture-kinds";
import { TimelineBoardContext } from "./auto-schedule-menu";
import { showToast } from "@/components/ui/toasts";

/** The picture's axis for the page's zoom: what people see is what they copy. */
const SCALE_OF_ZOOM: Record<Zoom, PictureScale> = { quarter: "quarters", month: "months" };

/**
 * "Copy as image" and "Download" in the timeline's toolbar: the whole timeline as the server draws
 * it (everything a member sees, at the page's zoom), as a PNG on the clipboard or a file.
 */
export function TimelinePictureActions({ zoom }: { zoom: Zoom }) {
  const board = useContext(TimelineBoardContext);
  const [copying, setCopying] = useState(false);
  if (!board) return null;
  const source = { roadmapId: board.roadmap.id };
  const scale = SCALE_OF_ZOOM[zoom];

  async function copy() {
    setCopying(true);
    try {
      const outcome = await copyPictureToClipboard(pictureHref(source, { format: "png", scale }));
      showToast(
        outcome.ok
          ? {
              tone: "success",
              message: "Copied the timeline as an image. Paste it into a slide or a message.",
            }
          : { tone: "warning", title: outcome.title, message: outcome.message },
      );
    } finally {
      setCopying(false);
    }
  }

  return (
    <div className="flex items-center gap-2">
      <Button
        variant="secondary"
        size="sm"
        className="h-9"
        loading={copying}
        icon={<CopyIcon className="size-4" />}
        onClick={copy}
      >
        Copy as image
      </Button>
      <Menu
        label="Download the timeline"
        align="end"
        triggerClassName="flex h-9 items-center gap-1.5 rounded-md border border-line-strong bg-surface px-3 text-[13px] font-medium text-ink shadow-xs hover:bg-subtle"
        trigger={
          <>
            <DownloadIcon className="size-4" />
            Download
            <ChevronDownIcon className="size-4 text-muted" />
          </>
        }
      >
        {PICTURE_FORMATS.map((format) => (
          <MenuAnchorItem key={format} href={pictureHref(source, { format, scale })} download>
            <span className="min-w-0 flex-1">
              <span className="block font-medium">{PICTURE_FORMAT_LABELS[format]}</span>
              <span className="block text-xs text-muted">{PICTURE_FORMAT_HINTS[format]}</span>
            </span>
          </MenuAnchorItem>
        ))}
      </Menu>
    </div>
  );
}

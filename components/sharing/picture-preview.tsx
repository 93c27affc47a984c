"use client";

import { useEffect, useRef, useState } from "react";
import { cx } from "@/components/ui/cx";
import { AlertIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { errorMessage, sendRequest } from "@/lib/client/api";

type PreviewState =
  { src: string; status: "loading" | "loaded" } | { src: string; status: "failed"; message: string };

/** Why a picture did not load: the server's own message (e.g. "choose a shorter range"), if it gave one. */
async function failureMessage(src: string): Promise<string> {
  try {
    await sendRequest(src);
  } catch (error) {
    return errorMessage(error);
  }
  return "The picture could not be drawn. Try again, or download it.";
}

/**
 * The timeline picture (the SVG the export endpoint draws) shown as an image: an <img> of a same-
 * origin URL, so nothing inline has to pass the pages' script policy, and the SVG's own markup can
 * never run in the page. While it loads a spinner shows; if it fails, the reason.
 */
export function PicturePreview({
  src,
  alt,
  label,
  className,
}: {
  src: string;
  alt: string;
  /** The preview's name as a region: on a phone it scrolls sideways, so it takes focus. */
  label: string;
  className?: string;
}) {
  const [state, setState] = useState<PreviewState>({ src, status: "loading" });
  const img = useRef<HTMLImageElement>(null);

  // The image can finish before hydration attaches onLoad (server-rendered <img>): look once.
  useEffect(() => {
    const el = img.current;
    if (el?.complete && el.naturalWidth > 0)
      setState((old) => (old.src === src ? { src, status: "loaded" } : old));
  }, [src]);

  function onError() {
    void failureMessage(src).then((message) =>
      setState((old) => (old.src === src ? { src, status: "failed", message } : old)),
    );
  }

  // A new address starts loading afresh; answers about an old one are ignored.
  const current = state.src === src ? state : { src, status: "loading" as const };
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className={cx(
        "relative flex items-center overflow-x-auto rounded-lg border border-line bg-white",
        current.status !== "loaded" && "min-h-40",
        className,
      )}
    >
      {current.status === "failed" ? (
        <p
          role="status"
          className="mx-auto flex max-w-md items-start gap-2 px-4 py-6 text-[13px] leading-5 text-ink-soft"
        >
          <AlertIcon className="mt-0.5 size-4 shrink-0 text-warning-800" />
          <span>{current.message}</span>
        </p>
      ) : (
        // eslint-disable-next-line @next/next/no-img-element -- an API answer, not a static asset to optimise
        <img
          ref={img}
          key={src}
          src={src}
          alt={alt}
          decoding="async"
          onLoad={() => setState({ src, status: "loaded" })}
          onError={onError}
          className={cx(
            // On a phone the picture keeps a readable width and scrolls; wider, it fits the box.
            "mx-auto h-auto max-h-[28rem] w-auto min-w-[40rem] object-contain transition-opacity lg:min-w-0 lg:max-w-full",
            current.status === "loading" && "opacity-40",
          )}
        />
      )}
      {current.status === "loading" && (
        <span className="absolute inset-0 flex items-center justify-center gap-2 text-[13px] text-muted">
          <Spinner className="size-4" /> Drawing the timeline…
        </span>
      )}
    </div>
  );
}

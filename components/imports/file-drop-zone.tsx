"use client";

import { useId, useState, type DragEvent } from "react";
import { cx } from "@/components/ui/cx";
import { PlugIcon } from "@/components/ui/icons";

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/**
 * A file input inside a large target that also takes a dropped file. The input itself stays the
 * focusable control (Tab, then Space or Enter opens the picker), so keyboards need no drag and drop.
 */
export function FileDropZone({
  accept,
  file,
  onFile,
  disabled,
  labelledBy,
  describedBy,
}: {
  accept: string;
  file: File | null;
  onFile: (file: File) => void;
  disabled?: boolean;
  /** The visible name of the field, read before what the zone says (the file, or what to do). */
  labelledBy: string;
  describedBy?: string;
}) {
  const id = useId();
  const [over, setOver] = useState(false);

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped && !disabled) onFile(dropped);
  }

  return (
    <label
      htmlFor={id}
      onDragOver={(e) => {
        e.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      className={cx(
        "flex cursor-pointer flex-col items-center gap-2 rounded-xl border-2 border-dashed px-6 py-8 text-center transition-colors",
        "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-accent-600",
        over ? "border-accent-500 bg-accent-50" : "border-line-strong bg-canvas/60 hover:border-accent-300",
        disabled && "cursor-not-allowed opacity-60",
      )}
    >
      <span className="flex size-10 items-center justify-center rounded-full bg-accent-50 text-accent-700 ring-1 ring-accent-100">
        <PlugIcon className="size-5" />
      </span>
      {file ? (
        <span id={`${id}-text`} className="text-sm">
          <span className="font-medium text-ink">{file.name}</span>{" "}
          <span className="text-muted">({formatBytes(file.size)})</span>
          <span className="mt-0.5 block text-[13px] text-accent-700">Choose another file</span>
        </span>
      ) : (
        <span id={`${id}-text`} className="text-sm">
          <span className="font-medium text-accent-700">Choose a file</span>
          <span className="text-muted"> or drop it here</span>
        </span>
      )}
      <input
        id={id}
        type="file"
        accept={accept}
        disabled={disabled}
        aria-labelledby={`${labelledBy} ${id}-text`}
        aria-describedby={describedBy}
        onChange={(e) => {
          const chosen = e.target.files?.[0];
          if (chosen) onFile(chosen);
          e.target.value = "";
        }}
        className="sr-only"
      />
    </label>
  );
}

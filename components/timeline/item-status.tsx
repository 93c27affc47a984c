import type { SVGProps } from "react";
import type { ITEM_STATUSES } from "@/lib/validation/timeline";

export type ItemStatus = (typeof ITEM_STATUSES)[number];

/**
 * Status colours with a shape cue each (an icon in every bar and in the legend), so that status is
 * never told by colour alone. Text on every fill meets 4.5:1.
 */
export const STATUS_INFO: Record<
  ItemStatus,
  { label: string; bar: string; diamond: string; swatch: string }
> = {
  planned: {
    label: "Planned",
    bar: "border-[#7b8494] bg-[#eef1f5] text-ink",
    diamond: "border-[#4b5563] bg-white",
    swatch: "border-[#7b8494] bg-[#eef1f5] text-[#3b4250]",
  },
  in_progress: {
    label: "In progress",
    bar: "border-[#2f63c4] bg-[#dde8fb] text-[#14305e]",
    diamond: "border-[#2f63c4] bg-[#dde8fb]",
    swatch: "border-[#2f63c4] bg-[#dde8fb] text-[#14305e]",
  },
  done: {
    label: "Done",
    bar: "border-[#2f8a4c] bg-success-50 text-success-800",
    diamond: "border-[#2f8a4c] bg-success-50",
    swatch: "border-[#2f8a4c] bg-success-50 text-success-800",
  },
  at_risk: {
    label: "At risk",
    bar: "border-[#b7791f] bg-warning-50 text-warning-800",
    diamond: "border-[#b7791f] bg-warning-50",
    swatch: "border-[#b7791f] bg-warning-50 text-warning-800",
  },
  cut: {
    label: "Cut",
    bar: "border-dashed border-[#8d8d86] bg-[#f4f4f2] text-muted line-through",
    diamond: "border-dashed border-[#8d8d86] bg-[#f4f4f2]",
    swatch: "border-dashed border-[#8d8d86] bg-[#f4f4f2] text-muted",
  },
};

export const STATUS_ORDER: ItemStatus[] = ["planned", "in_progress", "done", "at_risk", "cut"];

/** The critical path's strong accent (7.1:1 on white): bars get a thick underline and border in it. */
export const CRITICAL_COLOUR = "#6b21a8";
export const VIOLATION_COLOUR = "#c02828";

function Glyph({ children, ...rest }: SVGProps<SVGSVGElement>) {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" fill="none" {...rest}>
      {children}
    </svg>
  );
}

/** A small shape per status: hollow circle, half circle, tick, triangle, cross. */
export function StatusGlyph({ status, className = "size-3.5" }: { status: ItemStatus; className?: string }) {
  switch (status) {
    case "planned":
      return (
        <Glyph className={className}>
          <circle cx="8" cy="8" r="5.5" stroke="currentColor" strokeWidth="1.6" />
        </Glyph>
      );
    case "in_progress":
      return (
        <Glyph className={className}>
          <circle cx="8" cy="8" r="5.5" stroke="currentColor" strokeWidth="1.6" />
          <path d="M8 2.5a5.5 5.5 0 0 1 0 11Z" fill="currentColor" />
        </Glyph>
      );
    case "done":
      return (
        <Glyph className={className}>
          <path
            d="m3 8.5 3.2 3.2L13 4.8"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </Glyph>
      );
    case "at_risk":
      return (
        <Glyph className={className}>
          <path d="M8 2 14.5 13.5h-13Z" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
          <path d="M8 6.5v3.2M8 11.6v.1" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        </Glyph>
      );
    case "cut":
      return (
        <Glyph className={className}>
          <path d="m4 4 8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        </Glyph>
      );
  }
}

export function WarningGlyph({ className = "size-3.5" }: { className?: string }) {
  return (
    <Glyph className={className}>
      <path d="M8 1.5 15 14H1Z" fill={VIOLATION_COLOUR} />
      <path d="M8 6v3.6M8 11.6v.2" stroke="#fff" strokeWidth="1.7" strokeLinecap="round" />
    </Glyph>
  );
}

export function StarGlyph({ className = "size-3.5" }: { className?: string }) {
  return (
    <Glyph className={className}>
      <path
        d="m8 1.6 1.9 4 4.4.5-3.3 3 .9 4.3L8 11.2l-3.9 2.2.9-4.3-3.3-3 4.4-.5Z"
        fill="currentColor"
        stroke="currentColor"
        strokeWidth="0.8"
        strokeLinejoin="round"
      />
    </Glyph>
  );
}

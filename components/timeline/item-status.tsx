import type { SVGProps } from "react";
import {
  CRITICAL_COLOUR,
  STATUS_GLYPHS,
  STATUS_LABELS,
  STATUS_ORDER,
  VIOLATION_COLOUR,
  WARNING_GLYPH,
  type GlyphPart,
  type ItemStatus,
} from "@/lib/planning/timeline-style";

export { CRITICAL_COLOUR, STATUS_ORDER, VIOLATION_COLOUR, type ItemStatus };

/**
 * Status colours with a shape cue each (an icon in every bar and in the legend), so that status is
 * never told by colour alone. Text on every fill meets 4.5:1.
 */
export const STATUS_INFO: Record<
  ItemStatus,
  { label: string; bar: string; diamond: string; swatch: string }
> = {
  planned: {
    label: STATUS_LABELS.planned,
    bar: "border-[#7b8494] bg-[#eef1f5] text-ink",
    diamond: "border-[#4b5563] bg-white",
    swatch: "border-[#7b8494] bg-[#eef1f5] text-[#3b4250]",
  },
  in_progress: {
    label: STATUS_LABELS.in_progress,
    bar: "border-[#2f63c4] bg-[#dde8fb] text-[#14305e]",
    diamond: "border-[#2f63c4] bg-[#dde8fb]",
    swatch: "border-[#2f63c4] bg-[#dde8fb] text-[#14305e]",
  },
  done: {
    label: STATUS_LABELS.done,
    bar: "border-[#2f8a4c] bg-success-50 text-success-800",
    diamond: "border-[#2f8a4c] bg-success-50",
    swatch: "border-[#2f8a4c] bg-success-50 text-success-800",
  },
  at_risk: {
    label: STATUS_LABELS.at_risk,
    bar: "border-[#b7791f] bg-warning-50 text-warning-800",
    diamond: "border-[#b7791f] bg-warning-50",
    swatch: "border-[#b7791f] bg-warning-50 text-warning-800",
  },
  cut: {
    label: STATUS_LABELS.cut,
    bar: "border-dashed border-[#8d8d86] bg-[#f4f4f2] text-muted line-through",
    diamond: "border-dashed border-[#8d8d86] bg-[#f4f4f2]",
    swatch: "border-dashed border-[#8d8d86] bg-[#f4f4f2] text-muted",
  },
};

function Glyph({ children, ...rest }: SVGProps<SVGSVGElement>) {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" fill="none" {...rest}>
      {children}
    </svg>
  );
}

/** Draws a glyph's parts; "current" paints with the text colour around it. */
function GlyphParts({ parts }: { parts: GlyphPart[] }) {
  const paint = (value: string | undefined) => (value === "current" ? "currentColor" : value);
  return parts.map((part) => (
    <path
      key={part.d}
      d={part.d}
      fill={paint(part.fill)}
      stroke={paint(part.stroke)}
      strokeWidth={part.strokeWidth}
      strokeLinecap={part.round ? "round" : undefined}
      strokeLinejoin={part.round ? "round" : undefined}
    />
  ));
}

/** A small shape per status: hollow circle, half circle, tick, triangle, cross. */
export function StatusGlyph({ status, className = "size-3.5" }: { status: ItemStatus; className?: string }) {
  return (
    <Glyph className={className}>
      <GlyphParts parts={STATUS_GLYPHS[status]} />
    </Glyph>
  );
}

export function WarningGlyph({ className = "size-3.5" }: { className?: string }) {
  return (
    <Glyph className={className}>
      <GlyphParts parts={WARNING_GLYPH} />
    </Glyph>
  );
}

// Items and their links as picture primitives, at the positions the shared layout gives them:
// bars, milestone diamonds, labels, critical path and date-problem marks, slack and forecast text.

import { arrowPath, DIAMOND_HALF, lagText } from "@/lib/planning/timeline-arrows";
import {
  BAR_HEIGHT,
  labelWidth,
  MILESTONE_BOX,
  ROW_HEIGHT,
  type PlacedItem,
  type TimelineLayout,
  type TimeScale,
} from "@/lib/planning/timeline-layout";
import {
  CRITICAL_COLOUR,
  STATUS_COLOURS,
  STATUS_GLYPHS,
  STATUS_SYMBOLS,
  VIOLATION_COLOUR,
} from "@/lib/planning/timeline-style";
import { COLOURS, TEXT } from "./palette";
import { progressRects } from "./progress-fill";
import { AUDIENCE_RULES, type PictureInput, type PictureItem, type PictureLane } from "./picture-model";
import type { ArrowPrim, GroupPrim, Prim } from "./primitives";
import type { TextShaper } from "./text-shaper";
import { plainLine } from "./xml-text";

export type PictureLayout = TimelineLayout<PictureItem, PictureLane>;

export interface ItemContext {
  input: PictureInput;
  scale: TimeScale;
  shaper: TextShaper;
  /** Where the range's last day ends: bars are cut there (the tail after it holds labels only). */
  rangeWidth: number;
  /** A text size in the picture, raised to the format's smallest (slides: 12 pt). */
  size: (px: number) => number;
}

/** A key milestone's 19px square and a milestone's 14px one, as half diagonals. */
const KEY_HALF = 13.4;
const MILESTONE_HALF = 9.9;
const GLYPH = 14;

/**
 * What is written beside an item: its title, the slack an engineer follows after it, and (under a
 * key milestone's title, for executives) the forecast's P80 and the chance to be on time.
 */
export function labelParts(
  input: PictureInput,
  item: PictureItem,
): { title: string; suffix: string; second: string } {
  const rules = AUDIENCE_RULES[input.audience];
  const title = plainLine(item.title);
  const outlook = rules.p80 && item.isKey ? input.forecast.get(item.id) : undefined;
  const second = outlook?.p80
    ? `P80 ${input.dates.date(outlook.p80)}${outlook.onTimeProbability === null ? "" : ` · ${Math.round(outlook.onTimeProbability * 100)}% on time`}`
    : "";
  const at = rules.slack ? input.schedule.get(item.id) : undefined;
  const suffix = at && !at.critical && at.slackDays > 0 ? ` · ${at.slackDays}d slack` : "";
  return { title, suffix, second };
}

/** The text whose room the layout keeps free beside an item: its longest line. */
export function labelText(input: PictureInput, item: PictureItem): string {
  const { title, suffix, second } = labelParts(input, item);
  const first = title + suffix;
  return second.length > first.length ? second : first;
}

/** The title cut to fit `room` with the suffix kept whole (the figures matter more than the tail of a name). */
function fitLabel(
  ctx: ItemContext,
  parts: { title: string; suffix: string },
  size: number,
  room: number,
  bold = false,
): string {
  const suffixWidth = parts.suffix ? ctx.shaper.width(parts.suffix, size, bold) : 0;
  const title = ctx.shaper.fit(parts.title, size, room - suffixWidth, bold);
  return title ? title + parts.suffix : ctx.shaper.fit(parts.title + parts.suffix, size, room, bold);
}

function flags(ctx: ItemContext, item: PictureItem) {
  const rules = AUDIENCE_RULES[ctx.input.audience];
  const at = ctx.input.schedule.get(item.id);
  return { critical: rules.critical && !!at?.critical, violation: rules.violations && !!at?.violation };
}

function barPrims(ctx: ItemContext, p: PlacedItem<PictureItem>): Prim[] {
  const parts = labelParts(ctx.input, p.item);
  const label = labelText(ctx.input, p.item);
  const { item } = p;
  const { critical, violation } = flags(ctx, item);
  const colours = STATUS_COLOURS[item.status];
  const x0 = Math.max(0, p.x);
  const x1 = Math.min(ctx.rangeWidth, p.x + p.width);
  const w = Math.max(2, x1 - x0);
  const y = p.row * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2;
  const out: Prim[] = [];
  if (violation)
    out.push({
      t: "rect",
      x: x0 - 4,
      y: y - 4,
      w: w + 8,
      h: BAR_HEIGHT + 8,
      radius: 9,
      stroke: { colour: VIOLATION_COLOUR, width: 2 },
    });
  const withGlyph = w >= 26;
  const textX = withGlyph ? 28 : 8;
  const inside = !p.labelOutside ? fitLabel(ctx, parts, ctx.size(TEXT.label), w - textX - 8) : "";
  const strike = item.status === "cut";
  // The progress fill sits between the bar's fill and its outline and title, as on the page.
  const under = progressRects(p, x0, y, w);
  out.push(...under);
  out.push({
    t: "rect",
    x: x0,
    y,
    w,
    h: BAR_HEIGHT,
    radius: Math.min(6, w / 2),
    fill: under.length ? undefined : colours.fill,
    stroke: critical
      ? { colour: CRITICAL_COLOUR, width: 2 }
      : { colour: colours.stroke, width: 1, dashed: colours.dashed },
    label: inside
      ? { text: inside, size: ctx.size(TEXT.label), colour: colours.text, strike, padLeft: textX }
      : undefined,
    name: plainLine(item.title),
  });
  // The critical path's underline, inside the bar.
  if (critical && w > 8)
    out.push({ t: "rect", x: x0 + 2, y: y + BAR_HEIGHT - 4, w: w - 4, h: 3, fill: CRITICAL_COLOUR });
  if (withGlyph)
    out.push({
      t: "glyph",
      x: x0 + 8,
      y: y + (BAR_HEIGHT - GLYPH) / 2,
      size: GLYPH,
      parts: STATUS_GLYPHS[item.status],
      colour: colours.text,
      symbol: STATUS_SYMBOLS[item.status],
    });
  if (p.labelOutside) {
    const text = fitLabel(ctx, parts, ctx.size(TEXT.label), labelWidth(label) + 30);
    out.push({
      t: "text",
      x: x1 + 8,
      y: y + BAR_HEIGHT / 2,
      text,
      size: ctx.size(TEXT.label),
      colour: COLOURS.inkSoft,
      strike,
    });
  }
  return out;
}

function milestonePrims(ctx: ItemContext, p: PlacedItem<PictureItem>): Prim[] {
  const parts = labelParts(ctx.input, p.item);
  const label = labelText(ctx.input, p.item);
  const { item } = p;
  const { critical, violation } = flags(ctx, item);
  const cx = p.x + MILESTONE_BOX / 2;
  const cy = p.row * ROW_HEIGHT + ROW_HEIGHT / 2;
  const colours = STATUS_COLOURS[item.status];
  const out: Prim[] = [];
  const half = item.isKey ? KEY_HALF : MILESTONE_HALF;
  if (violation)
    out.push({
      t: "diamond",
      cx,
      cy,
      half: half + 5,
      fill: "none",
      stroke: { colour: VIOLATION_COLOUR, width: 2 },
    });
  const planned = item.status === "planned";
  out.push({
    t: "diamond",
    cx,
    cy,
    half,
    fill: item.isKey ? COLOURS.accent800 : planned ? COLOURS.surface : colours.fill,
    stroke: critical
      ? { colour: CRITICAL_COLOUR, width: 3 }
      : {
          colour: item.isKey ? COLOURS.accent900 : planned ? COLOURS.milestoneStroke : colours.stroke,
          width: 2,
          dashed: colours.dashed,
        },
    name: plainLine(item.title),
  });
  let x = p.x + MILESTONE_BOX + 4;
  if (!planned) {
    out.push({
      t: "glyph",
      x,
      y: cy - 6,
      size: 12,
      parts: STATUS_GLYPHS[item.status],
      colour: colours.text,
      symbol: STATUS_SYMBOLS[item.status],
    });
    x += 16;
  }
  const room = p.x + MILESTONE_BOX + 4 + labelWidth(label) + 14 - x;
  const size = ctx.size(TEXT.label);
  const small = ctx.size(TEXT.small);
  // With a second line, the two share the row: the title a little up, the forecast under it.
  const titleY = parts.second ? cy - small / 2 - 1 : cy;
  out.push({
    t: "text",
    x,
    y: titleY,
    text: fitLabel(ctx, parts, size, room, item.isKey),
    size,
    bold: item.isKey,
    colour: item.isKey ? COLOURS.ink : COLOURS.inkSoft,
    strike: item.status === "cut",
  });
  if (parts.second)
    out.push({
      t: "text",
      x,
      y: titleY + size / 2 + small / 2 + 2,
      text: ctx.shaper.fit(parts.second, small, room),
      size: small,
      colour: COLOURS.accent800,
    });
  return out;
}

/** One group per visible item, titled with its whole title. */
export function itemGroup(ctx: ItemContext, p: PlacedItem<PictureItem>): GroupPrim {
  return {
    t: "group",
    kind: "item",
    id: p.item.id,
    title: plainLine(p.item.title),
    children: p.item.kind === "milestone" ? milestonePrims(ctx, p) : barPrims(ctx, p),
  };
}

export interface PlacedArrow {
  fromRow: number;
  toRow: number;
  group: GroupPrim;
}

/** The links between visible items whose route stays on the picture (engineering only). */
export function arrowGroups(ctx: ItemContext, layout: PictureLayout): PlacedArrow[] {
  if (!AUDIENCE_RULES[ctx.input.audience].arrows) return [];
  const out: PlacedArrow[] = [];
  const right = ctx.scale.width;
  for (const dependency of ctx.input.dependencies) {
    const from = layout.placed.get(dependency.fromId);
    const to = layout.placed.get(dependency.toId);
    if (!from || !to) continue;
    const path = arrowPath(from, to);
    if (path.points.some(([x]) => x < -DIAMOND_HALF || x > right)) continue;
    const critical = flags(ctx, from.item).critical && flags(ctx, to.item).critical;
    const colour = critical ? CRITICAL_COLOUR : COLOURS.arrow;
    const arrow: ArrowPrim = {
      t: "arrow",
      d: path.d,
      points: path.points,
      stroke: { colour, width: critical ? 2.25 : 1.25 },
      fromId: from.item.id,
      toId: to.item.id,
    };
    const children: Prim[] = [arrow];
    if (dependency.lagDays !== 0) {
      children.push({
        t: "text",
        x: path.labelX,
        y: path.labelY,
        text: lagText(dependency.lagDays),
        size: ctx.size(TEXT.small),
        bold: true,
        colour: critical ? CRITICAL_COLOUR : COLOURS.lagText,
        halo: true,
      });
    }
    const title = `${plainLine(from.item.title)} → ${plainLine(to.item.title)}${dependency.lagDays ? ` (${lagText(dependency.lagDays)})` : ""}`;
    out.push({
      fromRow: from.row,
      toRow: to.row,
      group: { t: "group", kind: "dependency", id: dependency.id, title, children },
    });
  }
  return out;
}

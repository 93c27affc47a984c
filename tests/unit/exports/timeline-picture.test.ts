import { describe, expect, it } from "vitest";
import { MARGIN } from "@/lib/exports/timeline/compose";
import { MAX_PNG_PIXELS, MIN_PNG_DENSITY, PNG_2X_PIXELS, pngDensity } from "@/lib/exports/timeline/png";
import { visibleItems } from "@/lib/exports/timeline/picture-model";
import { LANE_WIDTH, pictureDrawing, pictureScene } from "@/lib/exports/timeline/render";
import { drawingToSvg } from "@/lib/exports/timeline/svg";
import { plainLine } from "@/lib/exports/timeline/xml-text";
import { horizonEnd } from "@/lib/planning/calendar";
import {
  layoutTimeline,
  makeScale,
  MILESTONE_BOX,
  ROW_HEIGHT,
  BAR_HEIGHT,
  ZOOMS,
} from "@/lib/planning/timeline-layout";
import { pictureFonts } from "@/lib/exports/timeline/picture-fonts";
import { PROGRESS_FILLS } from "@/lib/planning/timeline-style";
import type { PictureInput } from "@/lib/exports/timeline/picture-model";
import { feature, HOSTILE_TITLES, milestone, samplePictureInput } from "../../helpers/pictures";
import { findAll, parseXml, textOf, type XmlNode } from "../../helpers/xml-tree";

const { shaper } = pictureFonts();

function svgOf(input: PictureInput, mode: "text" | "outlines" = "text"): string {
  const drawing = pictureDrawing(pictureScene(input, shaper));
  return drawingToSvg(drawing, mode === "text" ? { kind: "text" } : { kind: "outlines", shaper });
}

const groups = (doc: XmlNode, kind: string) =>
  findAll(doc, (n) => n.name === "g" && n.attributes["data-kind"] === kind);
const titleOf = (group: XmlNode) => group.children.find((c) => c.name === "title")?.text;
const allText = (doc: XmlNode) => findAll(doc, (n) => n.name === "text").map(textOf);

/** The translation of every <g transform="translate(x y)"> around `target`, summed. */
function offsetOf(doc: XmlNode, target: XmlNode): { x: number; y: number } {
  const path: XmlNode[] = [];
  const find = (n: XmlNode): boolean => {
    if (n === target) return true;
    for (const child of n.children) {
      if (find(child)) {
        path.push(n);
        return true;
      }
    }
    return false;
  };
  find(doc);
  let x = 0;
  let y = 0;
  for (const n of path) {
    const m = /translate\(([-\d.]+) ([-\d.]+)\)/.exec(n.attributes.transform ?? "");
    if (m) {
      x += Number(m[1]);
      y += Number(m[2]);
    }
  }
  return { x, y };
}

describe("the picture's layout is the page's", () => {
  it("puts every bar and diamond where the page's layout puts it, for the whole horizon at the quarter zoom", () => {
    const base = samplePictureInput("product");
    const items = base.items.filter((i) => i.status !== "cut");
    const input = { ...base, items, from: "2027-01-04", to: horizonEnd("2027-01-04", 12) };
    // What components/timeline computes for the same board (timeline-workspace.tsx).
    const page = layoutTimeline(base.lanes, items, makeScale("2027-01-04", 12, ZOOMS.quarter.pxPerDay));
    const doc = parseXml(svgOf(input));
    const found = groups(doc, "item");
    expect(found).toHaveLength(items.length);
    const offsets = new Set<string>();
    for (const group of found) {
      const placed = page.placed.get(group.attributes["data-id"])!;
      const at = offsetOf(doc, group);
      if (placed.item.kind === "feature") {
        const bar = group.children.find((c) => c.name === "rect")!;
        expect(Number(bar.attributes.width)).toBeCloseTo(placed.width, 1);
        offsets.add(
          `${(at.x + Number(bar.attributes.x) - placed.x).toFixed(1)},${(at.y + Number(bar.attributes.y) - (placed.row * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2)).toFixed(1)}`,
        );
      } else {
        const [top] = group.children.find((c) => c.name === "polygon")!.attributes.points.split(" ");
        const [cx, y] = top.split(",").map(Number);
        const diamond = group.children
          .find((c) => c.name === "polygon")!
          .attributes.points.split(" ")[1]
          .split(",")
          .map(Number);
        offsets.add(
          `${(at.x + cx - (placed.x + MILESTONE_BOX / 2)).toFixed(1)},${(at.y + diamond[1] - (placed.row * ROW_HEIGHT + ROW_HEIGHT / 2)).toFixed(1)}`,
        );
        expect(y).toBeLessThan(diamond[1]);
      }
    }
    // One translation for all: the body's origin, right of the lane column.
    expect(offsets.size).toBe(1);
    const [dx] = [...offsets][0].split(",").map(Number);
    expect(dx).toBe(MARGIN + LANE_WIDTH);
  });

  it("draws the range's dates at the page's 12 px a day when the scale is months", () => {
    const input = samplePictureInput("engineering", { detail: "months" });
    const scene = pictureScene(input, shaper);
    expect(scene.scale.pxPerDay).toBe(ZOOMS.month.pxPerDay);
    expect(allText(parseXml(svgOf(input)))).toContain("January 2027 · Q1");
  });
});

describe("the SVG", () => {
  it.each(["engineering", "executive", "product"] as const)(
    "is well-formed, with one element per visible item carrying its title (%s)",
    (audience) => {
      const input = samplePictureInput(audience);
      const doc = parseXml(svgOf(input));
      const svg = doc.children[0];
      expect(svg.name).toBe("svg");
      const found = groups(doc, "item");
      const visible = visibleItems(input);
      expect(found.map((g) => g.attributes["data-id"]).sort()).toEqual(visible.map((i) => i.id).sort());
      for (const group of found) {
        const item = visible.find((i) => i.id === group.attributes["data-id"])!;
        expect(titleOf(group)).toBe(item.title);
      }
    },
  );

  it("shows each audience what it follows", () => {
    const engineering = parseXml(svgOf(samplePictureInput("engineering")));
    expect(groups(engineering, "dependency").map(titleOf)).toEqual([
      "Payments API → Checkout funnel (+3d)",
      "Checkout funnel → Public launch",
    ]);
    expect(allText(engineering)).toEqual(expect.arrayContaining(["+3d", "Critical path"]));
    expect(allText(engineering).some((t) => t.includes("Ledger · 12d slack"))).toBe(true);

    const executive = parseXml(svgOf(samplePictureInput("executive")));
    expect(groups(executive, "dependency")).toHaveLength(0);
    expect(groups(executive, "item").map(titleOf)).not.toContain("Beta");
    expect(allText(executive)).toContain("P80 20 May 2027 · 42% on time");

    const product = parseXml(svgOf(samplePictureInput("product")));
    expect(groups(product, "dependency")).toHaveLength(0);
    expect(allText(product)).toEqual(expect.arrayContaining(["25% done", "0% done"]));
    expect(groups(product, "item").map(titleOf)).not.toContain("Legacy cleanup");
  });

  it("shows the phases with their gates, the today line and the legend", () => {
    const doc = parseXml(svgOf(samplePictureInput("engineering")));
    expect(groups(doc, "phase").map(titleOf)).toEqual([
      "Phase Build, 4 Jan – 31 Mar 2027, gate “Beta go”: Proceed",
      "Phase Grow, 1 Apr – 30 Sept 2027, subject to replanning",
    ]);
    expect(allText(doc)).toEqual(
      expect.arrayContaining(["Today", "◆ Proceed", "Q1 2027", "Checkout relaunch"]),
    );
    expect(groups(doc, "legend")).toHaveLength(1);
  });

  it("names the today line in the legend only when today is within the range drawn", () => {
    const legendText = (input: PictureInput) => groups(parseXml(svgOf(input)), "legend").flatMap(allText);
    // The sample's today is 1 Feb 2027.
    expect(legendText(samplePictureInput("engineering"))).toContain("Today");
    const later = samplePictureInput("engineering", { from: "2027-04-01", to: "2027-09-30" });
    expect(legendText(later)).not.toContain("Today");
    expect(allText(parseXml(svgOf(later)))).not.toContain("Today");
  });

  it("draws the arrows crisp only when asked (a large PNG), anti-aliased otherwise", () => {
    const drawing = pictureDrawing(pictureScene(samplePictureInput("engineering"), shaper));
    const arrows = (svg: string) =>
      findAll(parseXml(svg), (n) => n.name === "path" && n.attributes["marker-end"] !== undefined);
    const smooth = arrows(drawingToSvg(drawing, { kind: "outlines", shaper }));
    const crisp = arrows(drawingToSvg(drawing, { kind: "outlines", shaper, crispLinks: true }));
    expect(smooth.length).toBeGreaterThan(0);
    expect(smooth.every((a) => a.attributes["shape-rendering"] === undefined)).toBe(true);
    expect(crisp).toHaveLength(smooth.length);
    expect(crisp.every((a) => a.attributes["shape-rendering"] === "crispEdges")).toBe(true);
  });

  it("cuts items to the range asked and leaves out what lies outside it", () => {
    const input = samplePictureInput("engineering", { from: "2027-02-01", to: "2027-03-31" });
    const doc = parseXml(svgOf(input));
    const titles = groups(doc, "item").map(titleOf);
    expect(titles).toEqual(expect.arrayContaining(["Payments API", "Ledger", "Checkout funnel", "Beta"]));
    expect(titles).not.toContain("Public launch");
    // Payments API starts before the range: its bar begins at the range's first day.
    const api = groups(doc, "item").find((g) => titleOf(g) === "Payments API")!;
    expect(Number(api.children.find((c) => c.name === "rect")!.attributes.x)).toBe(0);
  });

  it("fills a bar's done share from its left edge in the page's progress colour, under its title", () => {
    const input = samplePictureInput("engineering");
    const api = input.items.find((i) => i.title === "Payments API")!;
    api.progress = 0.5;
    const doc = parseXml(svgOf(input));
    const group = groups(doc, "item").find((g) => g.attributes["data-id"] === api.id)!;
    const rects = findAll(group, (n) => n.name === "rect");
    const fill = rects.find((r) => r.attributes.fill === PROGRESS_FILLS.in_progress)!;
    const bar = rects.find((r) => r.attributes.fill === "none")!;
    expect(Number(fill.attributes.width)).toBeCloseTo(Number(bar.attributes.width) / 2, 0);
    expect(fill.attributes.x).toBe(bar.attributes.x);
    expect(rects.indexOf(fill)).toBeLessThan(rects.indexOf(bar));
    const planned = groups(doc, "item").find((g) => titleOf(g) === "Ledger")!;
    expect(findAll(planned, (n) => n.attributes.fill === PROGRESS_FILLS.planned)).toEqual([]);
  });

  it("escapes hostile titles in every place a title appears, in text and in outlines", () => {
    const lanes = [{ id: "lane-x", name: HOSTILE_TITLES[0], position: 0 }];
    const items = HOSTILE_TITLES.map((title, i) =>
      i % 2 === 0
        ? feature(title, "2027-02-01", "2027-03-15", { workstreamId: "lane-x" })
        : milestone(title, "2027-04-01", { workstreamId: "lane-x", isKey: true }),
    );
    const input = samplePictureInput("engineering", {
      title: `${HOSTILE_TITLES[0]} ${"y".repeat(180)}`,
      lanes,
      items,
      dependencies: [],
      phases: [
        {
          id: "p",
          name: HOSTILE_TITLES[1],
          startDate: "2027-01-04",
          endDate: "2027-06-30",
          position: 0,
          subjectToReplanning: false,
          gate: { title: HOSTILE_TITLES[0], decision: null },
        },
      ],
    });
    for (const mode of ["text", "outlines"] as const) {
      const svg = svgOf(input, mode);
      const doc = parseXml(svg);
      expect(findAll(doc, (n) => n.name === "script" || n.name === "b")).toHaveLength(0);
      expect(groups(doc, "item").map(titleOf)).toEqual(expect.arrayContaining(HOSTILE_TITLES.map(plainLine)));
      expect(groups(doc, "lane").map(titleOf)).toEqual([`Lane ${HOSTILE_TITLES[0]}`]);
      expect(svg).not.toContain("<script");
    }
  });

  it("drops characters XML cannot hold instead of breaking the file", () => {
    const input = samplePictureInput("engineering", {
      items: [feature("Bell\u0007 and \u0000null \ud800 lone", "2027-02-01", "2027-03-01")],
      lanes: [],
      dependencies: [],
    });
    const doc = parseXml(svgOf(input));
    expect(groups(doc, "item").map(titleOf)).toEqual(["Bell and null lone"]);
  });

  it("says nothing is planned yet for an empty roadmap, and stays a valid picture", () => {
    for (const lanes of [[], samplePictureInput().lanes]) {
      const input = samplePictureInput("executive", { items: [], lanes, dependencies: [], phases: [] });
      const doc = parseXml(svgOf(input));
      expect(groups(doc, "item")).toHaveLength(0);
      expect(allText(doc)).toContain("Nothing planned yet");
    }
  });
});

describe("the PNG's density", () => {
  it("is 2x for a picture that fits a slide or a screen", () => {
    expect(pngDensity({ width: 1400, height: 900 })).toBe(2);
  });

  it("goes down toward 1x past the 2x budget, keeping about that many pixels", () => {
    const density = pngDensity({ width: 2000, height: 3000 })!;
    expect(density).toBeGreaterThan(1);
    expect(density).toBeLessThan(2);
    expect(2000 * 3000 * density ** 2).toBeLessThanOrEqual(PNG_2X_PIXELS);
    expect(pngDensity({ width: 2000, height: 6000 })).toBe(1);
  });

  it("goes below 1x only to stay within the pixel limit, and gives up below the least density", () => {
    const density = pngDensity({ width: 2057, height: 11878 })!;
    expect(density).toBeLessThan(1);
    expect(density).toBeGreaterThanOrEqual(MIN_PNG_DENSITY);
    expect(2057 * 11878 * density ** 2).toBeLessThanOrEqual(MAX_PNG_PIXELS);
    expect(pngDensity({ width: 4000, height: 40000 })).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { pageRows } from "@/lib/exports/timeline/compose";
import { pdfDrawings } from "@/lib/exports/timeline/render";
import { buildScene, frameToFit } from "@/lib/exports/timeline/scene";
import { escapeXml, plainLine } from "@/lib/exports/timeline/xml-text";
import { pictureFonts } from "@/lib/exports/timeline/picture-fonts";
import { feature, samplePictureInput } from "../../helpers/pictures";

const { shaper } = pictureFonts();

/** Lanes of the given sizes, each item overlapping the others so that every item takes a row. */
function sceneWithLanes(rowsPerLane: number[]) {
  const lanes = rowsPerLane.map((_, i) => ({ id: `lane-${i}`, name: `Lane ${i}`, position: i }));
  const items = rowsPerLane.flatMap((rows, lane) =>
    Array.from({ length: rows }, (_, k) =>
      feature(`Item ${lane}.${k}`, "2027-02-01", "2027-06-30", { workstreamId: `lane-${lane}` }),
    ),
  );
  const input = samplePictureInput("product", { lanes, items, dependencies: [] });
  return buildScene(input, frameToFit(1000, input.from, input.to, 160), shaper);
}

describe("pages by lanes", () => {
  it("ends every page at a lane boundary, filling pages greedily", () => {
    const scene = sceneWithLanes([3, 4, 2, 5, 1]);
    expect(scene.layout.lanes.map((l) => l.rowCount)).toEqual([3, 4, 2, 5, 1]);
    expect(pageRows(scene, 8)).toEqual([
      [0, 7],
      [7, 15],
    ]);
    const boundaries = new Set(scene.layout.lanes.map((l) => l.firstRow + l.rowCount));
    for (const [, end] of pageRows(scene, 8)) expect(boundaries.has(end)).toBe(true);
  });

  it("continues a lane taller than a page on the next one, whole rows at a time", () => {
    const scene = sceneWithLanes([2, 11, 1]);
    // Lane 1 runs over three pages; its last rows share a page with lane 2.
    expect(pageRows(scene, 4)).toEqual([
      [0, 2],
      [2, 6],
      [6, 10],
      [10, 14],
    ]);
  });

  it("gives one page to a roadmap with nothing planned", () => {
    expect(pageRows(sceneWithLanes([]), 5)).toEqual([[0, 0]]);
  });

  it("repeats the title on every PDF page and numbers them", () => {
    const lanes = Array.from({ length: 6 }, (_, i) => ({ id: `lane-${i}`, name: `Lane ${i}`, position: i }));
    const items = lanes.flatMap((lane) =>
      Array.from({ length: 5 }, (_, k) =>
        feature(`${lane.name} work ${k}`, "2027-02-01", "2027-06-30", { workstreamId: lane.id }),
      ),
    );
    const pages = pdfDrawings(
      samplePictureInput("engineering", { lanes, items, dependencies: [] }),
      shaper,
      "a4",
    );
    expect(pages.length).toBeGreaterThan(1);
    const texts = (prims: unknown): string[] => JSON.stringify(prims).match(/"text":"[^"]*"/g) ?? [];
    pages.forEach((page, i) => {
      expect(texts(page.prims)).toContain('"text":"Checkout relaunch"');
      expect(texts(page.prims).some((t) => t.includes(`page ${i + 1} of ${pages.length}`))).toBe(true);
    });
  });
});

describe("text on pictures", () => {
  it("fits text with an ellipsis at a grapheme boundary, never splitting an emoji", () => {
    const text = "Launch 👩🏽‍💻👩🏽‍💻👩🏽‍💻👩🏽‍💻 team";
    const width = shaper.width(text, 12);
    for (let room = 10; room < width; room += 7) {
      const fitted = shaper.fit(text, 12, room);
      expect(shaper.width(fitted, 12)).toBeLessThanOrEqual(room);
      if (fitted) expect(fitted.endsWith("…")).toBe(true);
      expect(text.startsWith(fitted.slice(0, -1).trimEnd())).toBe(true);
      expect(fitted).not.toMatch(/\u200d…$|[\ud800-\udbff]…$/);
    }
    expect(shaper.fit(text, 12, width)).toBe(text);
  });

  it("draws each script with a font that has it", () => {
    const fonts = (text: string) => shaper.runs(text, 12).map((r) => r.font);
    expect(fonts("Payments")).toEqual(["regular"]);
    expect(fonts("支付平台")).toEqual(["cjk"]);
    expect(fonts("🚀")).toEqual(["symbols"]);
    expect(shaper.runs("Payments", 12, true).map((r) => r.font)).toEqual(["bold"]);
  });

  it("lays out a right-to-left title right to left", () => {
    const runs = shaper.runs("שלום 2027", 12);
    // The paragraph starts in Hebrew: the number comes first from the left.
    expect(runs.map((r) => r.rtl)).toEqual([false, true]);
    expect(runs[0].text).toBe("2027");
    expect(runs[1].x).toBeCloseTo(runs[0].width, 5);
  });

  it("escapes markup and drops what XML cannot hold", () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
    expect(escapeXml("a\u0000b\u001fc\ufffe\ud800d\u202ee")).toBe("abcde");
    expect(escapeXml("😀")).toBe("😀");
    expect(plainLine("  two\n\tlines  ")).toBe("two lines");
  });
});

// The PDF: landscape pages drawn as vectors from the same drawings as the SVG, with real text in
// the project's fonts (embedded as subsets, so it is searchable and crisp), a page number and the
// title on every page.

import PDFDocument from "pdfkit";
import type { PaperSize } from "@/lib/validation/pictures";
export { FOOTER_PX, PAPER, PT_PER_PX } from "./paper";
import { COLOURS } from "./palette";
import { FOOTER_PX, PAPER, PT_PER_PX } from "./paper";
import type { Drawing, Prim, Stroke, TextPrim } from "./primitives";
import type { FontKey, TextShaper } from "./text-shaper";

const BASELINE = 0.35;

type Doc = InstanceType<typeof PDFDocument>;

function applyStroke(doc: Doc, stroke: Stroke) {
  doc.lineWidth(stroke.width).strokeColor(stroke.colour);
  if (stroke.dashed) doc.dash(stroke.width * 4, { space: stroke.width * 3 });
  else doc.undash();
}

function paint(doc: Doc, fill: string | undefined, stroke: Stroke | undefined) {
  if (stroke) applyStroke(doc, stroke);
  if (fill && fill !== "none" && stroke) doc.fillColor(fill).fillAndStroke(fill, stroke.colour);
  else if (fill && fill !== "none") doc.fill(fill);
  else if (stroke) doc.stroke();
}

function drawText(doc: Doc, shaper: TextShaper, p: TextPrim) {
  if (!p.text) return;
  const width = shaper.width(p.text, p.size, p.bold);
  const x0 = p.anchor === "middle" ? p.x - width / 2 : p.anchor === "end" ? p.x - width : p.x;
  const baseline = p.y + p.size * BASELINE;
  for (const run of shaper.runs(p.text, p.size, p.bold)) {
    doc.font(run.font).fontSize(p.size);
    const options = { lineBreak: false, baseline: "alphabetic" as const, oblique: p.italic ? 11 : undefined };
    if (p.halo) {
      doc.save().lineWidth(3).lineJoin("round").strokeColor("#ffffff");
      doc.text(run.text, x0 + run.x, baseline, { ...options, stroke: true, fill: false });
      doc.restore();
    }
    doc.fillColor(p.colour).text(run.text, x0 + run.x, baseline, options);
  }
  if (p.strike) {
    const y = baseline - p.size * 0.3;
    doc
      .save()
      .lineWidth(1)
      .undash()
      .strokeColor(p.colour)
      .moveTo(x0, y)
      .lineTo(x0 + width, y)
      .stroke()
      .restore();
  }
}

/** An arrowhead at the route's end, along its last segment. */
function arrowHead(doc: Doc, points: Array<[number, number]>, colour: string, width: number) {
  const [x2, y2] = points[points.length - 1];
  const [x1, y1] = points[points.length - 2];
  const angle = Math.atan2(y2 - y1, x2 - x1);
  const size = 3.5 + width * 1.6;
  const at = (a: number, r: number): [number, number] => [x2 + Math.cos(a) * r, y2 + Math.sin(a) * r];
  doc
    .undash()
    .polygon([x2, y2], at(angle + Math.PI - 0.45, size), at(angle + Math.PI + 0.45, size))
    .fill(colour);
}

function draw(doc: Doc, shaper: TextShaper, prims: readonly Prim[]) {
  for (const p of prims) {
    switch (p.t) {
      case "layer":
        doc.save().translate(p.dx, p.dy);
        draw(doc, shaper, p.children);
        doc.restore();
        break;
      case "group":
        draw(doc, shaper, p.children);
        break;
      case "rect":
        if (p.radius) doc.roundedRect(p.x, p.y, p.w, p.h, p.radius);
        else doc.rect(p.x, p.y, p.w, p.h);
        paint(doc, p.fill, p.stroke);
        if (p.label) {
          const { text, size, colour, bold, strike, padLeft } = p.label;
          drawText(doc, shaper, {
            t: "text",
            x: p.x + padLeft,
            y: p.y + p.h / 2,
            text,
            size,
            colour,
            bold,
            strike,
          });
        }
        break;
      case "diamond":
        doc.polygon(
          [p.cx, p.cy - p.half],
          [p.cx + p.half, p.cy],
          [p.cx, p.cy + p.half],
          [p.cx - p.half, p.cy],
        );
        doc.lineJoin("round");
        paint(doc, p.fill, p.stroke);
        break;
      case "line":
        applyStroke(doc, p.stroke);
        doc.moveTo(p.x1, p.y1).lineTo(p.x2, p.y2).stroke();
        break;
      case "arrow":
        applyStroke(doc, p.stroke);
        doc.path(p.d).stroke();
        arrowHead(doc, p.points, p.stroke.colour, p.stroke.width);
        break;
      case "glyph":
        doc
          .save()
          .translate(p.x, p.y)
          .scale(p.size / 16)
          .undash();
        for (const part of p.parts) {
          const colour = (v: string | undefined) => (v === "current" ? p.colour : v);
          doc.lineCap(part.round ? "round" : "butt").lineJoin(part.round ? "round" : "miter");
          doc.path(part.d);
          const fill = colour(part.fill);
          const stroke = colour(part.stroke);
          if (stroke) doc.lineWidth(part.strokeWidth ?? 1).strokeColor(stroke);
          if (fill && stroke) doc.fillAndStroke(fill, stroke);
          else if (fill) doc.fill(fill);
          else if (stroke) doc.stroke();
        }
        doc.restore();
        break;
      case "text":
        drawText(doc, shaper, p);
        break;
    }
  }
}

/**
 * The pages as one PDF of `paper` size, landscape: each drawing scaled by PT_PER_PX from the top
 * left, "title · page n of N" at its foot. Yields to the event loop between pages.
 */
export async function drawingsToPdf(
  drawings: Drawing[],
  paper: PaperSize,
  shaper: TextShaper,
  fonts: Record<FontKey, Buffer>,
  meta: { title: string; subject: string; createdAt: Date },
): Promise<Buffer> {
  const size = PAPER[paper];
  const doc = new PDFDocument({
    size: [size.width, size.height],
    margin: 0,
    autoFirstPage: false,
    info: { Title: meta.title, Subject: meta.subject, Creator: "Cairn", CreationDate: meta.createdAt },
  });
  for (const [key, data] of Object.entries(fonts)) doc.registerFont(key, data);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  for (const [index, drawing] of drawings.entries()) {
    doc.addPage({ size: [size.width, size.height], margin: 0 });
    doc.save().scale(PT_PER_PX);
    draw(doc, shaper, drawing.prims);
    const pageNumber = ` · page ${index + 1} of ${drawings.length}`;
    const footer = `${shaper.fit(meta.title, 10, (size.width / PT_PER_PX) * 0.6)}${pageNumber}`;
    const footY = size.height / PT_PER_PX - FOOTER_PX / 2;
    drawText(doc, shaper, {
      t: "text",
      x: size.width / PT_PER_PX / 2,
      y: footY,
      text: footer,
      size: 10,
      colour: COLOURS.muted,
      anchor: "middle",
    });
    doc.restore();
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  doc.end();
  return done;
}

// The deck's last step. pptxgenjs writes every line as a plain shape: here each dependency becomes a
// real connector attached to its two items' shapes (right side to left side), so that when a person
// nudges a bar in PowerPoint its links follow it. pptxgenjs hands over its parts uncompressed, and
// they are compressed once, by fflate on worker threads, off the event loop.

import { strFromU8, strToU8, unzipSync, zip, type Zippable } from "fflate";
import type { SlideLink, SlideShapes } from "./pptx-shapes";

const EMU_PER_POINT = 12_700;
/** Connection sites of rectangles and diamonds: 1 is the left side, 3 the right. */
const LEFT_SITE = 1;
const RIGHT_SITE = 3;

const emu = (points: number) => Math.round(points * EMU_PER_POINT);
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The id of the shape whose name ends with `token`, on this slide's XML. */
function shapeId(xml: string, token: string): string | null {
  const match = new RegExp(`<p:cNvPr id="(\\d+)" name="[^"]*${escapeRegExp(token)}"`).exec(xml);
  return match ? match[1] : null;
}

/**
 * An elbow connector from `start` to `end`: across, then up or down at the route's first bend (8
 * points out), then across into the successor; a straight one when both are on one row.
 */
function connectorXml(id: string, name: string, link: SlideLink, from: string, to: string): string {
  const [x1, y1] = link.start;
  const [x2, y2] = link.end;
  const flipH = x2 < x1;
  const flipV = y2 < y1;
  const width = Math.max(Math.abs(x2 - x1), 1);
  const height = Math.abs(y2 - y1);
  const straight = height < 0.5;
  const bend = Math.round((8 / width) * 100_000) * (flipH ? -1 : 1);
  const geometry = straight
    ? '<a:prstGeom prst="straightConnector1"><a:avLst/></a:prstGeom>'
    : `<a:prstGeom prst="bentConnector3"><a:avLst><a:gd name="adj1" fmla="val ${bend}"/></a:avLst></a:prstGeom>`;
  const flips = `${flipH ? ' flipH="1"' : ""}${flipV ? ' flipV="1"' : ""}`;
  const dash = link.stroke.dashed ? '<a:prstDash val="dash"/>' : "";
  return (
    `<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="${id}" name="${name}"/>` +
    `<p:cNvCxnSpPr><a:stCxn id="${from}" idx="${RIGHT_SITE}"/><a:endCxn id="${to}" idx="${LEFT_SITE}"/></p:cNvCxnSpPr><p:nvPr/></p:nvCxnSpPr>` +
    `<p:spPr><a:xfrm${flips}><a:off x="${emu(Math.min(x1, x2))}" y="${emu(Math.min(y1, y2))}"/><a:ext cx="${emu(width)}" cy="${emu(height)}"/></a:xfrm>${geometry}` +
    `<a:ln w="${emu(link.stroke.width)}"><a:solidFill><a:srgbClr val="${link.stroke.colour.replace("#", "").toUpperCase()}"/></a:solidFill>${dash}<a:tailEnd type="triangle"/></a:ln></p:spPr></p:cxnSp>`
  );
}

/** Replaces one link's drawn shape with a connector; leaves it as drawn when an end is missing. */
function attach(xml: string, link: SlideLink, shapes: SlideShapes): string {
  const fromToken = shapes.items.get(link.fromId);
  const toToken = shapes.items.get(link.toId);
  const from = fromToken && shapeId(xml, fromToken);
  const to = toToken && shapeId(xml, toToken);
  const token = escapeRegExp(link.token);
  const shape = new RegExp(
    `<p:sp>(?:(?!<p:sp>)[\\s\\S])*?<p:cNvPr id="(\\d+)" name="([^"]*${token})"[\\s\\S]*?</p:sp>`,
  );
  const match = shape.exec(xml);
  if (!from || !to || !match) return xml;
  return (
    xml.slice(0, match.index) +
    connectorXml(match[1], match[2], link, from, to) +
    xml.slice(match.index + match[0].length)
  );
}

/** Compresses the parts (in their order: [Content_Types].xml first) on fflate's worker threads. */
function compress(parts: Zippable): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    zip(parts, { level: 1 }, (error, data) => (error ? reject(error) : resolve(Buffer.from(data)))),
  );
}

/**
 * The finished deck from pptxgenjs's uncompressed one: the timeline slides' dependencies attached
 * as connectors (when `slides` has links), every part compressed.
 */
export async function finishDeck(
  stored: Uint8Array,
  slides: Array<{ slide: number; shapes: SlideShapes }>,
): Promise<Buffer> {
  const parts: Zippable = unzipSync(stored);
  for (const { slide, shapes } of slides) {
    const path = `ppt/slides/slide${slide}.xml`;
    const part = parts[path];
    if (shapes.links.length === 0 || !(part instanceof Uint8Array)) continue;
    let xml = strFromU8(part);
    for (const link of shapes.links) xml = attach(xml, link, shapes);
    parts[path] = strToU8(xml);
  }
  return compress(parts);
}

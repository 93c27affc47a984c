import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { pictureDrawerOffThread } from "@/lib/server/picture-draw";
import { drawPictureHere, exportPicture, type PictureContext } from "@/lib/services/exports/picture";
import {
  MAX_RUNNING_PICTURES,
  MAX_WAITING_PICTURES,
  withPictureSlot,
} from "@/lib/services/exports/picture-slots";
import { AppError } from "@/lib/services/kernel/errors";
import type { PictureOptions } from "@/lib/validation/pictures";
import { expectApiError } from "../helpers/assertions";
import { describeEachDatabase } from "../helpers/database";
import { createCast, createCastTeam, type Cast } from "../helpers/fixtures";
import { createPictureFixture, PICTURE_NOW, type PictureFixture } from "../helpers/picture-fixture";
import { exportPictureAs } from "../helpers/picture-requests";

const options = (format: PictureOptions["format"]): PictureOptions => ({
  format,
  audience: "engineering",
  scale: "quarters",
  paper: "a4",
});

describeEachDatabase("timeline pictures: drawn in worker threads", (getCtx) => {
  let cast: Cast;
  let fx: PictureFixture;
  const ctx = (draw?: PictureContext["draw"]): PictureContext => ({
    now: PICTURE_NOW,
    locale: "en-GB",
    draw,
  });

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: PICTURE_NOW });
    const { db } = getCtx();
    cast = await createCast(db);
    const { team } = await createCastTeam(db, cast);
    fx = await createPictureFixture(db, cast.owner.actor, team.id, cast.editor.user.id);
  });
  afterAll(() => {
    vi.useRealTimers();
  });

  it("gives the same PNG from a worker as from the server's own thread", async () => {
    const { db } = getCtx();
    const draw = async (drawer: PictureContext["draw"]) =>
      Buffer.from(
        (await exportPicture(db, cast.viewer.actor, fx.roadmapId, options("png"), ctx(drawer))).body,
      );
    const there = await draw(pictureDrawerOffThread());
    expect(there.subarray(1, 4).toString()).toBe("PNG");
    expect(there.equals(await draw(drawPictureHere))).toBe(true);
  });

  it("refuses a picture that takes longer than its deadline with 422 too_large_for_picture and advice", async () => {
    const { db } = getCtx();
    const error = await exportPicture(
      db,
      cast.viewer.actor,
      fx.roadmapId,
      options("pdf"),
      ctx(pictureDrawerOffThread(undefined, 1)),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("too_large_for_picture");
    expect((error as AppError).message).toMatch(/longer than .* seconds.*shorter range/);
  });

  it("answers 503 service_busy with Retry-After while every picture slot and the queue are taken", async () => {
    const releases: Array<() => void> = [];
    const held = Array.from({ length: MAX_RUNNING_PICTURES + MAX_WAITING_PICTURES }, () =>
      withPictureSlot(() => new Promise<void>((release) => releases.push(release))),
    );
    try {
      const res = await exportPictureAs(cast.viewer, fx.roadmapId, {
        format: "png",
        audience: "engineering",
      });
      expectApiError(res, 503, "service_busy");
      expect(res.headers.get("retry-after")).toBe("5");
      // A small SVG needs no worker: it is still answered.
      expect((await exportPictureAs(cast.viewer, fx.roadmapId, { format: "svg" })).status).toBe(200);
    } finally {
      // The waiting ones get a slot as the running ones give theirs back.
      let settled = false;
      const all = Promise.all(held).then(() => (settled = true));
      while (!settled) {
        releases.splice(0).forEach((release) => release());
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await all;
    }
    expect((await exportPictureAs(cast.viewer, fx.roadmapId, { format: "png" })).status).toBe(200);
  });

  it("frees a picture's slot as soon as its client gives up, its worker abandoned", async () => {
    const { db } = getCtx();
    const releases: Array<() => void> = [];
    const hold = () => withPictureSlot(() => new Promise<void>((release) => releases.push(release)));
    // Every slot but one is taken; the picture below takes the last one and is being drawn.
    const held = Array.from({ length: MAX_RUNNING_PICTURES - 1 }, hold);
    const client = new AbortController();
    const drawing = exportPicture(
      db,
      cast.viewer.actor,
      fx.roadmapId,
      options("png"),
      ctx(pictureDrawerOffThread(client.signal)),
    ).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 50));
    client.abort(new Error("the client left"));
    expect(((await drawing) as Error).message).toBe("the client left");
    try {
      // Had the abandoned picture kept its slot, the last of these would be refused (503).
      held.push(...Array.from({ length: MAX_WAITING_PICTURES + 1 }, hold));
      const refused = await exportPictureAs(cast.viewer, fx.roadmapId, { format: "png" });
      expectApiError(refused, 503, "service_busy");
    } finally {
      let settled = false;
      const all = Promise.all(held).then(() => (settled = true));
      while (!settled) {
        releases.splice(0).forEach((release) => release());
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await all;
    }
    // Two more pictures at once are drawn, without 503.
    const [a, b] = await Promise.all([
      exportPictureAs(cast.viewer, fx.roadmapId, { format: "png" }),
      exportPictureAs(cast.viewer, fx.roadmapId, { format: "pdf" }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
  });
});

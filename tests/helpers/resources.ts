import { asc, eq, inArray } from "drizzle-orm";
import { expect } from "vitest";
import * as eventsRoute from "@/app/api/roadmaps/[roadmapId]/events/route";
import {
  activity,
  items,
  riskItems,
  risks,
  roadmaps,
  staffingPlans,
  staffingRows,
  timeEntries,
} from "@/db/schema";
import type { Database } from "@/db/types";
import { api, buildRequest, type ApiResponse, type LooseJson } from "./api";
import type { TestUser } from "./fixtures";
import { SseReader } from "./sse";

/**
 * Everything the resource routes can change for a roadmap, straight from the tables (deleted risks
 * and links to deleted items included), for before/after comparisons.
 */
export async function resourceState(db: Database, roadmapId: string) {
  const [roadmap] = await db.select({ seq: roadmaps.seq }).from(roadmaps).where(eq(roadmaps.id, roadmapId));
  const riskRows = await db.select().from(risks).where(eq(risks.roadmapId, roadmapId)).orderBy(asc(risks.id));
  const riskIds = riskRows.map((r) => r.id);
  return {
    seq: roadmap.seq,
    plan: (await db.select().from(staffingPlans).where(eq(staffingPlans.roadmapId, roadmapId)))[0] ?? null,
    rows: await db
      .select()
      .from(staffingRows)
      .where(eq(staffingRows.roadmapId, roadmapId))
      .orderBy(asc(staffingRows.quarter), asc(staffingRows.skillId)),
    risks: riskRows,
    riskItems:
      riskIds.length === 0
        ? []
        : await db
            .select()
            .from(riskItems)
            .where(inArray(riskItems.riskId, riskIds))
            .orderBy(asc(riskItems.riskId), asc(riskItems.itemId)),
    timeEntries: await db
      .select({ entry: timeEntries })
      .from(timeEntries)
      .innerJoin(items, eq(items.id, timeEntries.itemId))
      .where(eq(items.roadmapId, roadmapId))
      .orderBy(asc(timeEntries.id)),
    activity: (
      await db
        .select({ id: activity.id })
        .from(activity)
        .where(eq(activity.roadmapId, roadmapId))
        .orderBy(asc(activity.id))
    ).map((a) => a.id),
  };
}

/** Answers the body of a response of the expected status (fails loudly, with the body, otherwise). */
export function ok(res: ApiResponse, status = 200): LooseJson {
  expect({ status: res.status, body: res.status === status ? null : res.json }).toEqual({
    status,
    body: null,
  });
  return res.json;
}

export const putStaffing = (
  token: string,
  roadmapId: string,
  ifMatch: number | string | undefined,
  json: unknown,
) => api("PUT /api/roadmaps/{roadmapId}/staffing", { params: { roadmapId }, token, ifMatch, json });

export const getStaffing = (token: string, roadmapId: string) =>
  api("GET /api/roadmaps/{roadmapId}/staffing", { params: { roadmapId }, token });

export const postRisk = (token: string, roadmapId: string, json: unknown) =>
  api("POST /api/roadmaps/{roadmapId}/risks", { params: { roadmapId }, token, json });

export const patchRisk = (token: string, riskId: string, ifMatch: number | undefined, json: unknown) =>
  api("PATCH /api/risks/{riskId}", { params: { riskId }, token, ifMatch, json });

export const deleteRisk = (token: string, riskId: string, ifMatch?: number) =>
  api("DELETE /api/risks/{riskId}", { params: { riskId }, token, ifMatch });

export const restoreRisk = (token: string, riskId: string) =>
  api("POST /api/risks/{riskId}/restore", { params: { riskId }, token });

export const listRisks = (token: string, roadmapId: string) =>
  api("GET /api/roadmaps/{roadmapId}/risks", { params: { roadmapId }, token });

/** Opens the roadmap's event stream as `who`, as a browser's EventSource would. */
export async function openEventStream(roadmapId: string, who: TestUser) {
  const abort = new AbortController();
  const base = buildRequest("GET", `/api/roadmaps/${roadmapId}/events`, { token: who.token });
  const res = await eventsRoute.GET(new Request(base, { signal: abort.signal }), {
    params: Promise.resolve({ roadmapId }),
  });
  expect(res.status).toBe(200);
  const reader = new SseReader(res, abort);
  const hello = await reader.waitFor((d) => d.type === "hello");
  return { reader, hello: hello.data as { connectionId: string; seq: number } };
}

// Calling the import route (POST /api/teams/:teamId/imports) in tests, and checking that a refused
// import wrote nothing.
import { count, eq } from "drizzle-orm";
import { expect } from "vitest";
import type { Database } from "@/db/types";
import { roadmaps } from "@/db/schema";
import { api, ROUTES, type ApiResponse, type CallOptions, type LooseJson } from "./api";
import type { TestUser } from "./fixtures";

/** The file as the raw body, with its media type (JSON unless `type` says otherwise). */
export const importAs = (
  who: TestUser | undefined,
  teamId: string,
  body: string | Uint8Array,
  options: CallOptions & { type?: string } = {},
) =>
  api("POST /api/teams/{teamId}/imports", {
    ...options,
    params: { teamId },
    token: who?.token,
    body,
    headers: { "content-type": options.type ?? "application/json", ...options.headers },
  });

/**
 * POST to the import route reading the answer as text (the api() helper parses any "json" media
 * type, which NDJSON is not as a whole); `body` may be a stream.
 */
export async function postImport(
  who: TestUser,
  teamId: string,
  body: BodyInit,
  headers: Record<string, string>,
): Promise<ApiResponse> {
  const req = new Request(`http://localhost/api/teams/${teamId}/imports`, {
    method: "POST",
    headers: { authorization: `Bearer ${who.token}`, ...headers },
    body,
    duplex: "half",
  } as RequestInit);
  const res = await ROUTES["POST /api/teams/{teamId}/imports"](req, { params: Promise.resolve({ teamId }) });
  const text = await res.text();
  const json: LooseJson = res.headers.get("content-type")?.startsWith("application/json")
    ? JSON.parse(text)
    : undefined;
  return { status: res.status, text, headers: res.headers, json } satisfies ApiResponse;
}

/** The NDJSON lines of a streamed import. */
export const ndjsonLines = (res: ApiResponse): LooseJson[] =>
  res.text
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l));

async function roadmapCount(db: Database, teamId: string): Promise<number> {
  return (await db.select({ n: count() }).from(roadmaps).where(eq(roadmaps.teamId, teamId)))[0].n;
}

/** Runs `attempt` and checks that it left the team's roadmaps as they were. */
export async function createsNothing(
  db: Database,
  teamId: string,
  attempt: () => Promise<ApiResponse>,
): Promise<ApiResponse> {
  const before = await roadmapCount(db, teamId);
  const res = await attempt();
  expect(await roadmapCount(db, teamId)).toBe(before);
  return res;
}

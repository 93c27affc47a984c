import { beforeAll, expect, it } from "vitest";
import { api } from "../helpers/api";
import { expectInvalidRequest } from "../helpers/assertions";
import { describeEachDatabase } from "../helpers/database";
import { createTeamWithMembers, createUser, teamState, type TestUser } from "../helpers/fixtures";
import { readFingerprint } from "../helpers/fuzz/fingerprint";
import { createBoardFixture, timelineState, type BoardFixture } from "../helpers/timeline";
import type { Team } from "@/lib/validation/teams";

/**
 * Bugs the fuzzer (fuzz.test.ts) found, each pinned by the request that found it: the answer the
 * request gets now and the database left as it was.
 */
describeEachDatabase("fuzzer findings", (getCtx) => {
  let owner: TestUser;
  let team: Team;
  let board: BoardFixture;

  beforeAll(async () => {
    const { db } = getCtx();
    owner = await createUser(db, "owner");
    team = await createTeamWithMembers(db, owner);
    board = await createBoardFixture(db, owner.actor, team.id);
  });

  // PostgreSQL text cannot hold U+0000: these answered 500 (FUZZ_SEED=1 FUZZ_CASES=4000).
  it("POST /api/teams with U+0000 in the name: 400 naming the field, no team", async () => {
    const before = await readFingerprint(getCtx().db);
    const res = await api("POST /api/teams", {
      token: owner.token,
      json: { name: "ledger Über donnéesnul\u0000inside" },
    });
    expect(expectInvalidRequest(res)).toEqual(["name"]);
    expect(res.json.error.message).toMatch(/NUL/);
    expect(await readFingerprint(getCtx().db)).toEqual(before);
  });

  it("POST /api/teams/{teamId}/skills with U+0000 in the name: 400, the catalogue unchanged", async () => {
    const before = await teamState(getCtx().db, team.id);
    const res = await api("POST /api/teams/{teamId}/skills", {
      params: { teamId: team.id },
      token: owner.token,
      json: { name: "Backend\u0000" },
    });
    expect(expectInvalidRequest(res)).toEqual(["name"]);
    expect(await teamState(getCtx().db, team.id)).toEqual(before);
  });

  it("PATCH /api/workstreams/{workstreamId} with U+0000 in the name: 400, the lane unchanged", async () => {
    const before = await timelineState(getCtx().db, team.id);
    const res = await api("PATCH /api/workstreams/{workstreamId}", {
      params: { workstreamId: board.lane.id },
      token: owner.token,
      ifMatch: board.lane.version,
      json: { name: "v2 mobile 計画 donnéesnul\u0000inside", position: 10 },
    });
    expect(expectInvalidRequest(res)).toEqual(["name"]);
    expect(await timelineState(getCtx().db, team.id)).toEqual(before);
  });

  // A lone surrogate became U+FFFD in the lane's text column but failed the jsonb activity row: 500
  // (FUZZ_SEED=2 FUZZ_CASES=6000).
  it("PATCH /api/workstreams/{workstreamId} with a lone surrogate as the name: 400, the lane unchanged", async () => {
    const before = await timelineState(getCtx().db, team.id);
    const res = await api("PATCH /api/workstreams/{workstreamId}", {
      params: { workstreamId: board.lane.id },
      token: owner.token,
      ifMatch: board.lane.version,
      body: '{"name":"\\ud800","position":3869}',
    });
    expect(expectInvalidRequest(res)).toEqual(["name"]);
    expect(res.json.error.message).toMatch(/lone surrogate/);
    expect(await timelineState(getCtx().db, team.id)).toEqual(before);
  });

  it("U+0000 inside a list or in a query string (%00): 400 with its path", async () => {
    const before = await timelineState(getCtx().db, team.id);
    const deep = await api("POST /api/roadmaps/{roadmapId}/items", {
      params: { roadmapId: board.roadmap.id },
      token: owner.token,
      json: {
        kind: "feature",
        title: "Fine",
        startDate: "2027-02-01",
        endDate: "2027-02-05",
        description: ["\u0000"],
      },
    });
    expect(expectInvalidRequest(deep)).toEqual(["description.0"]);
    const query = await api("POST /api/teams/{teamId}/imports", {
      params: { teamId: team.id },
      token: owner.token,
      query: { title: "Plan\u0000" },
      body: "title\r\nA feature",
      headers: { "content-type": "text/csv" },
    });
    expect(expectInvalidRequest(query)).toEqual(["title"]);
    expect(await timelineState(getCtx().db, team.id)).toEqual(before);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { createDependency } from "@/lib/services/dependencies/edges";
import { createItem } from "@/lib/services/items/create";
import { deleteItem } from "@/lib/services/items/delete";
import { createRoadmap } from "@/lib/services/roadmaps/create";
import { createSkill } from "@/lib/services/staffing/skills";
import { createWorkstream, deleteWorkstream } from "@/lib/services/workstreams/workstreams";
import type { Skill, Team } from "@/lib/validation/teams";
import { api, etagVersion, type ApiResponse } from "../helpers/api";
import { expectApiError, expectInvalidRequest } from "../helpers/assertions";
import { describeEachDatabase } from "../helpers/database";
import { createTeamWithMembers, createUser, type TestUser } from "../helpers/fixtures";
import { featureInput, milestoneInput, MONDAY, timelineState } from "../helpers/timeline";

const NOBODY = "00000000-0000-4000-8000-000000000000";

describeEachDatabase("timeline rules and error paths", (getCtx) => {
  let owner: TestUser;
  let editor: TestUser;
  let viewer: TestUser;
  let stranger: TestUser;
  let team: Team;
  let otherTeam: Team;
  let skill: Skill;
  let foreignSkill: Skill;

  beforeAll(async () => {
    const { db } = getCtx();
    [owner, editor, viewer, stranger] = await Promise.all(
      ["owner", "editor", "viewer", "stranger"].map((label) => createUser(db, label)),
    );
    team = await createTeamWithMembers(db, owner, [
      { member: editor, role: "editor" },
      { member: viewer, role: "viewer" },
    ]);
    otherTeam = await createTeamWithMembers(db, stranger);
    skill = await createSkill(db, owner.actor, team.id, { name: "Backend" });
    foreignSkill = await createSkill(db, stranger.actor, otherTeam.id, { name: "Backend" });
  });

  /** A roadmap starting on MONDAY (horizon 12 months: up to 2028-01-03), made through the service. */
  const newRoadmap = (horizonMonths = 12, title = "Rules roadmap") =>
    createRoadmap(getCtx().db, owner.actor, team.id, { title, startDate: MONDAY, horizonMonths });
  const state = () => timelineState(getCtx().db, team.id);

  const postRoadmap = (json: unknown) =>
    api("POST /api/teams/{teamId}/roadmaps", { params: { teamId: team.id }, token: editor.token, json });
  const patchRoadmap = (roadmapId: string, ifMatch: number, json: unknown) =>
    api("PATCH /api/roadmaps/{roadmapId}", { params: { roadmapId }, token: editor.token, ifMatch, json });
  const postItem = (roadmapId: string, json: unknown) =>
    api("POST /api/roadmaps/{roadmapId}/items", { params: { roadmapId }, token: editor.token, json });
  const patchItem = (itemId: string, ifMatch: number, json: unknown) =>
    api("PATCH /api/items/{itemId}", { params: { itemId }, token: editor.token, ifMatch, json });
  const postLink = (roadmapId: string, json: unknown) =>
    api("POST /api/roadmaps/{roadmapId}/dependencies", { params: { roadmapId }, token: editor.token, json });

  /** Runs a request that must be refused and checks that nothing in the team changed. */
  async function refused(request: () => Promise<ApiResponse>): Promise<ApiResponse> {
    const before = await state();
    const res = await request();
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await state()).toEqual(before);
    return res;
  }

  describe("roadmap horizon", () => {
    for (const months of [2, 40, 0, -12]) {
      it(`POST with horizonMonths ${months}: 422 horizon_out_of_range, no roadmap`, async () => {
        const res = await refused(() =>
          postRoadmap({ title: "Bad horizon", startDate: MONDAY, horizonMonths: months }),
        );
        expectApiError(res, 422, "horizon_out_of_range");
      });
    }

    it("the bounds 3 and 36 are allowed", async () => {
      for (const months of [3, 36]) {
        const res = await postRoadmap({
          title: `Horizon ${months}`,
          startDate: MONDAY,
          horizonMonths: months,
        });
        expect(res.status).toBe(201);
        expect(res.json.roadmap.horizonMonths).toBe(months);
      }
    });

    it("without horizonMonths: 201 with the default of 12 months, ETag = version", async () => {
      const res = await postRoadmap({ title: "  Default horizon  ", startDate: MONDAY });
      expect(res.status).toBe(201);
      expect(res.json.roadmap).toMatchObject({
        teamId: team.id,
        title: "Default horizon",
        startDate: MONDAY,
        horizonMonths: 12,
        kind: "roadmap",
        baseRoadmapId: null,
        version: 1,
      });
      expect(etagVersion(res)).toBe(1);
      const listed = await api("GET /api/teams/{teamId}/roadmaps", {
        params: { teamId: team.id },
        token: viewer.token,
      });
      expect(listed.json.items).toContainEqual(
        expect.objectContaining({
          id: res.json.roadmap.id,
          horizonMonths: 12,
          itemCount: 0,
          milestoneCount: 0,
        }),
      );
    });

    it("a fractional horizon or an impossible start date: 400 naming the field", async () => {
      const fractional = await refused(() =>
        postRoadmap({ title: "x", startDate: MONDAY, horizonMonths: 12.5 }),
      );
      expect(expectInvalidRequest(fractional)).toEqual(["horizonMonths"]);
      const impossible = await refused(() => postRoadmap({ title: "x", startDate: "2027-02-30" }));
      expect(expectInvalidRequest(impossible)).toEqual(["startDate"]);
      const missing = await refused(() => postRoadmap({}));
      expect(expectInvalidRequest(missing).sort()).toEqual(["startDate", "title"]);
    });

    for (const months of [2, 40]) {
      it(`PATCH to horizonMonths ${months}: 422 horizon_out_of_range, the roadmap is unchanged`, async () => {
        const roadmap = await newRoadmap();
        const res = await refused(() => patchRoadmap(roadmap.id, roadmap.version, { horizonMonths: months }));
        expectApiError(res, 422, "horizon_out_of_range");
      });
    }

    it("a PATCH that would leave items outside the new horizon: 422 outside_horizon listing exactly them", async () => {
      const { db } = getCtx();
      const roadmap = await newRoadmap();
      const early = await createItem(
        db,
        owner.actor,
        roadmap.id,
        featureInput("Early", "2027-01-11", "2027-02-26"),
      );
      const june = await createItem(
        db,
        owner.actor,
        roadmap.id,
        featureInput("June", "2027-06-01", "2027-06-30"),
      );
      const autumn = await createItem(db, owner.actor, roadmap.id, milestoneInput("Autumn", "2027-10-01"));
      // A deleted item does not hold the horizon open.
      const gone = await createItem(
        db,
        owner.actor,
        roadmap.id,
        featureInput("Gone", "2027-11-01", "2027-11-05"),
      );
      await deleteItem(db, owner.actor, gone.id, gone.version);

      // Three months: 2027-01-04 to 2027-04-03.
      const shrink = await refused(() => patchRoadmap(roadmap.id, roadmap.version, { horizonMonths: 3 }));
      expectApiError(shrink, 422, "outside_horizon");
      expect([...shrink.json.error.details.itemIds].sort()).toEqual([june.id, autumn.id].sort());

      // Moving the start past the first item strands it (and nothing else).
      const later = await refused(() =>
        patchRoadmap(roadmap.id, roadmap.version, { startDate: "2027-02-01" }),
      );
      expectApiError(later, 422, "outside_horizon");
      expect(later.json.error.details.itemIds).toEqual([early.id]);

      // A horizon that still holds every live item is fine.
      const ok = await patchRoadmap(roadmap.id, roadmap.version, { horizonMonths: 10 });
      expect(ok.status).toBe(200);
      expect(ok.json.roadmap).toMatchObject({ horizonMonths: 10, version: roadmap.version + 1 });
    });
  });

  describe("item shape", () => {
    it("a feature whose end is before its start: 400 with details path endDate", async () => {
      const roadmap = await newRoadmap();
      const res = await refused(() =>
        postItem(roadmap.id, featureInput("Backwards", "2027-03-10", "2027-03-01")),
      );
      expect(expectInvalidRequest(res)).toEqual(["endDate"]);
    });

    it("a milestone without an outcome (missing, null or blank): 400 with details path outcome", async () => {
      const roadmap = await newRoadmap();
      for (const outcome of [undefined, null, "   "]) {
        const res = await refused(() =>
          postItem(roadmap.id, { kind: "milestone", title: "Launch", startDate: "2027-03-01", outcome }),
        );
        expect(expectInvalidRequest(res)).toEqual(["outcome"]);
      }
    });

    it("a milestone whose endDate differs from its startDate: 400 with details path endDate", async () => {
      const roadmap = await newRoadmap();
      const res = await refused(() =>
        postItem(roadmap.id, { ...milestoneInput("Launch", "2027-03-01"), endDate: "2027-03-02" }),
      );
      expect(expectInvalidRequest(res)).toEqual(["endDate"]);
    });

    it("a milestone with an estimate: 400 with details path estimate (hours go on features)", async () => {
      const roadmap = await newRoadmap();
      const res = await refused(() =>
        postItem(roadmap.id, {
          ...milestoneInput("Launch", "2027-03-01"),
          estimate: { optimisticHours: 1, likelyHours: 2, pessimisticHours: 3 },
        }),
      );
      expect(expectInvalidRequest(res)).toEqual(["estimate"]);
    });

    it("the same skill listed twice: 400 naming the second row", async () => {
      const roadmap = await newRoadmap();
      const res = await refused(() =>
        postItem(
          roadmap.id,
          featureInput("F", "2027-02-01", "2027-02-12", {
            skills: [
              { skillId: skill.id, hours: 4 },
              { skillId: skill.id, hours: 8 },
            ],
          }),
        ),
      );
      expect(expectInvalidRequest(res)).toEqual(["skills.1.skillId"]);
    });

    it("a milestone without endDate is one date: 201 with endDate = startDate", async () => {
      const roadmap = await newRoadmap();
      const { endDate: _omitted, ...input } = milestoneInput("Launch", "2027-03-01");
      const res = await postItem(roadmap.id, input);
      expect(res.status).toBe(201);
      expect(res.json.item).toMatchObject({
        kind: "milestone",
        startDate: "2027-03-01",
        endDate: "2027-03-01",
      });
      expect(etagVersion(res)).toBe(res.json.item.version);
    });

    it("an unknown kind, a missing title and a malformed date are each listed", async () => {
      const roadmap = await newRoadmap();
      const res = await refused(() => postItem(roadmap.id, { kind: "epic", startDate: "March" }));
      expect([...new Set(expectInvalidRequest(res))].sort()).toEqual(["kind", "startDate", "title"]);
    });

    it("PATCH that breaks the shape of the merged item: 400, nothing changes", async () => {
      const { db } = getCtx();
      const roadmap = await newRoadmap();
      const feature = await createItem(
        db,
        owner.actor,
        roadmap.id,
        featureInput("F", "2027-03-01", "2027-03-12"),
      );
      const backwards = await refused(() =>
        patchItem(feature.id, feature.version, { endDate: "2027-02-26" }),
      );
      expect(expectInvalidRequest(backwards)).toEqual(["endDate"]);
      // A feature turned milestone keeps its two dates and has no outcome.
      const turned = await refused(() => patchItem(feature.id, feature.version, { kind: "milestone" }));
      expect(expectInvalidRequest(turned).sort()).toEqual(["endDate", "outcome"]);
    });

    it("PATCH of a milestone's startDate moves it as a whole", async () => {
      const { db } = getCtx();
      const roadmap = await newRoadmap();
      const m = await createItem(db, owner.actor, roadmap.id, milestoneInput("M", "2027-03-01"));
      const res = await patchItem(m.id, m.version, { startDate: "2027-03-15" });
      expect(res.status).toBe(200);
      expect(res.json.item).toMatchObject({
        startDate: "2027-03-15",
        endDate: "2027-03-15",
        version: m.version + 1,
      });
    });
  });

  describe("dates inside the horizon", () => {
    it("create: before the roadmap start or after the horizon end: 422 outside_horizon; the last day is inside", async () => {
      const roadmap = await newRoadmap();
      const before = await refused(() =>
        postItem(roadmap.id, featureInput("Too early", "2027-01-01", "2027-01-08")),
      );
      expectApiError(before, 422, "outside_horizon");
      const after = await refused(() =>
        postItem(roadmap.id, featureInput("Too late", "2027-12-20", "2028-01-04")),
      );
      expectApiError(after, 422, "outside_horizon");
      const milestone = await refused(() => postItem(roadmap.id, milestoneInput("Next year", "2028-02-01")));
      expectApiError(milestone, 422, "outside_horizon");

      const edge = await postItem(roadmap.id, featureInput("Edge", MONDAY, "2028-01-03"));
      expect(edge.status).toBe(201);
    });

    it("PATCH that moves an item out of the horizon: 422 outside_horizon, the item is unchanged", async () => {
      const { db } = getCtx();
      const roadmap = await newRoadmap(3); // 2027-01-04 to 2027-04-03
      const item = await createItem(
        db,
        owner.actor,
        roadmap.id,
        featureInput("Inside", "2027-02-01", "2027-02-12"),
      );
      const end = await refused(() => patchItem(item.id, item.version, { endDate: "2027-04-05" }));
      expectApiError(end, 422, "outside_horizon");
      const start = await refused(() => patchItem(item.id, item.version, { startDate: "2026-12-28" }));
      expectApiError(start, 422, "outside_horizon");
      const read = await api("GET /api/items/{itemId}", { params: { itemId: item.id }, token: viewer.token });
      expect(read.json.item).toMatchObject({
        startDate: "2027-02-01",
        endDate: "2027-02-12",
        version: item.version,
      });
    });
  });

  describe("estimates and hours", () => {
    const cases: [string, unknown, string[]][] = [
      [
        "optimistic > likely",
        { optimisticHours: 30, likelyHours: 20, pessimisticHours: 40 },
        ["estimate.likelyHours"],
      ],
      [
        "likely > pessimistic",
        { optimisticHours: 10, likelyHours: 50, pessimisticHours: 40 },
        ["estimate.pessimisticHours"],
      ],
      [
        "negative hours",
        { optimisticHours: -5, likelyHours: 20, pessimisticHours: 40 },
        ["estimate.optimisticHours"],
      ],
      [
        "absurd hours",
        { optimisticHours: 10, likelyHours: 20, pessimisticHours: 1e9 },
        ["estimate.pessimisticHours"],
      ],
      [
        "hours as text",
        { optimisticHours: "10", likelyHours: 20, pessimisticHours: 40 },
        ["estimate.optimisticHours"],
      ],
    ];
    for (const [label, estimate, paths] of cases) {
      it(`${label}: 400 naming ${paths.join(", ")} on create and on PATCH`, async () => {
        const { db } = getCtx();
        const roadmap = await newRoadmap();
        const created = await refused(() =>
          postItem(roadmap.id, featureInput("Estimated", "2027-02-01", "2027-02-12", { estimate } as object)),
        );
        expect(expectInvalidRequest(created)).toEqual(paths);
        const item = await createItem(
          db,
          owner.actor,
          roadmap.id,
          featureInput("F", "2027-02-01", "2027-02-12"),
        );
        const patched = await refused(() => patchItem(item.id, item.version, { estimate }));
        expect(expectInvalidRequest(patched)).toEqual(paths);
      });
    }

    it("negative or absurd skill hours: 400 naming the skill row", async () => {
      const roadmap = await newRoadmap();
      const negative = await refused(() =>
        postItem(
          roadmap.id,
          featureInput("F", "2027-02-01", "2027-02-12", { skills: [{ skillId: skill.id, hours: -1 }] }),
        ),
      );
      expect(expectInvalidRequest(negative)).toEqual(["skills.0.hours"]);
      const absurd = await refused(() =>
        postItem(
          roadmap.id,
          featureInput("F", "2027-02-01", "2027-02-12", { skills: [{ skillId: skill.id, hours: 5e6 }] }),
        ),
      );
      expect(expectInvalidRequest(absurd)).toEqual(["skills.0.hours"]);
    });

    it("a valid estimate and skills are stored and answered", async () => {
      const roadmap = await newRoadmap();
      const estimate = { optimisticHours: 8, likelyHours: 16, pessimisticHours: 40 };
      const res = await postItem(
        roadmap.id,
        featureInput("F", "2027-02-01", "2027-02-12", {
          estimate,
          skills: [{ skillId: skill.id, hours: 16 }],
        }),
      );
      expect(res.status).toBe(201);
      expect(res.json.item).toMatchObject({ estimate, skills: [{ skillId: skill.id, hours: 16 }] });
    });
  });

  describe("references: 422 invalid_reference", () => {
    it("an unknown lane, a lane of another roadmap and a removed lane", async () => {
      const { db } = getCtx();
      const roadmap = await newRoadmap();
      const elsewhere = await newRoadmap(12, "Elsewhere");
      const foreignLane = await createWorkstream(db, owner.actor, elsewhere.id, { name: "Theirs" });
      const removed = await createWorkstream(db, owner.actor, roadmap.id, { name: "Removed" });
      await deleteWorkstream(db, owner.actor, removed.id, removed.version);
      for (const workstreamId of [NOBODY, foreignLane.id, removed.id]) {
        const res = await refused(() =>
          postItem(roadmap.id, featureInput("F", "2027-02-01", "2027-02-12", { workstreamId })),
        );
        expectApiError(res, 422, "invalid_reference");
        expect(res.json.error.details).toEqual([{ path: "workstreamId", message: expect.any(String) }]);
      }
      const item = await createItem(
        db,
        owner.actor,
        roadmap.id,
        featureInput("F", "2027-02-01", "2027-02-12"),
      );
      const patched = await refused(() => patchItem(item.id, item.version, { workstreamId: foreignLane.id }));
      expectApiError(patched, 422, "invalid_reference");
    });

    it("an owner who is not a member of the team; a member (even a viewer) is fine", async () => {
      const { db } = getCtx();
      const roadmap = await newRoadmap();
      for (const ownerId of [stranger.user.id, NOBODY]) {
        const res = await refused(() =>
          postItem(roadmap.id, featureInput("F", "2027-02-01", "2027-02-12", { ownerId })),
        );
        expectApiError(res, 422, "invalid_reference");
        expect(res.json.error.details).toEqual([{ path: "ownerId", message: expect.any(String) }]);
      }
      const item = await createItem(
        db,
        owner.actor,
        roadmap.id,
        featureInput("F", "2027-02-01", "2027-02-12"),
      );
      const patched = await refused(() => patchItem(item.id, item.version, { ownerId: stranger.user.id }));
      expectApiError(patched, 422, "invalid_reference");
      const ok = await patchItem(item.id, item.version, { ownerId: viewer.user.id });
      expect(ok.status).toBe(200);
      expect(ok.json.item.ownerId).toBe(viewer.user.id);
    });

    it("a skill of another team", async () => {
      const { db } = getCtx();
      const roadmap = await newRoadmap();
      const res = await refused(() =>
        postItem(
          roadmap.id,
          featureInput("F", "2027-02-01", "2027-02-12", {
            skills: [
              { skillId: skill.id, hours: 4 },
              { skillId: foreignSkill.id, hours: 4 },
            ],
          }),
        ),
      );
      expectApiError(res, 422, "invalid_reference");
      expect(res.json.error.details).toEqual([{ path: "skills", message: expect.any(String) }]);
      const item = await createItem(
        db,
        owner.actor,
        roadmap.id,
        featureInput("F", "2027-02-01", "2027-02-12"),
      );
      const patched = await refused(() =>
        patchItem(item.id, item.version, { skills: [{ skillId: foreignSkill.id, hours: 4 }] }),
      );
      expectApiError(patched, 422, "invalid_reference");
    });
  });

  describe("dependencies", () => {
    it("an item onto itself: 422 dependency_cycle with cycle [id]", async () => {
      const { db } = getCtx();
      const roadmap = await newRoadmap();
      const a = await createItem(db, owner.actor, roadmap.id, featureInput("A", "2027-02-01", "2027-02-05"));
      const res = await refused(() => postLink(roadmap.id, { fromId: a.id, toId: a.id }));
      expectApiError(res, 422, "dependency_cycle");
      expect(res.json.error.details).toEqual({ cycle: [a.id] });
    });

    it("the link that closes a five-item loop: 422 dependency_cycle naming all five in link order", async () => {
      const { db } = getCtx();
      const roadmap = await newRoadmap();
      const ids: string[] = [];
      for (let i = 1; i <= 5; i++) {
        const item = await createItem(
          db,
          owner.actor,
          roadmap.id,
          featureInput(`Step ${i}`, `2027-0${i + 1}-01`, `2027-0${i + 1}-05`),
        );
        ids.push(item.id);
      }
      for (let i = 0; i < 4; i++) {
        const link = await postLink(roadmap.id, { fromId: ids[i], toId: ids[i + 1] });
        expect(link.status).toBe(201);
      }
      const res = await refused(() => postLink(roadmap.id, { fromId: ids[4], toId: ids[0] }));
      expectApiError(res, 422, "dependency_cycle");
      const cycle = res.json.error.details.cycle as string[];
      expect([...cycle].sort()).toEqual([...ids].sort());
      // In link order: each depends on the one before it, the first on the last.
      const links = new Set([...ids.slice(1).map((id, i) => `${ids[i]}>${id}`), `${ids[4]}>${ids[0]}`]);
      for (let i = 0; i < cycle.length; i++) {
        expect(links.has(`${cycle[i]}>${cycle[(i + 1) % cycle.length]}`)).toBe(true);
      }
    });

    it("a duplicate link: 409 conflict, one link stored; the reverse link is a cycle", async () => {
      const { db } = getCtx();
      const roadmap = await newRoadmap();
      const a = await createItem(db, owner.actor, roadmap.id, featureInput("A", "2027-02-01", "2027-02-05"));
      const b = await createItem(db, owner.actor, roadmap.id, featureInput("B", "2027-02-08", "2027-02-12"));
      const first = await postLink(roadmap.id, { fromId: a.id, toId: b.id, lagDays: 1 });
      expect(first.status).toBe(201);
      expect(first.json.dependency).toEqual({
        id: expect.any(String),
        roadmapId: roadmap.id,
        fromId: a.id,
        toId: b.id,
        lagDays: 1,
      });
      const again = await refused(() => postLink(roadmap.id, { fromId: a.id, toId: b.id, lagDays: 3 }));
      expectApiError(again, 409, "conflict");
      const reverse = await refused(() => postLink(roadmap.id, { fromId: b.id, toId: a.id }));
      expectApiError(reverse, 422, "dependency_cycle");
      expect(reverse.json.error.details.cycle).toEqual([b.id, a.id]);
      const board = await api("GET /api/roadmaps/{roadmapId}", {
        params: { roadmapId: roadmap.id },
        token: viewer.token,
      });
      expect(board.json.dependencies).toEqual([first.json.dependency]);
    });

    it("an item of another roadmap of the team: 422 cross_roadmap at either end", async () => {
      const { db } = getCtx();
      const roadmap = await newRoadmap();
      const elsewhere = await newRoadmap(12, "Elsewhere");
      const a = await createItem(db, owner.actor, roadmap.id, featureInput("A", "2027-02-01", "2027-02-05"));
      const x = await createItem(
        db,
        owner.actor,
        elsewhere.id,
        featureInput("X", "2027-02-01", "2027-02-05"),
      );
      expectApiError(
        await refused(() => postLink(roadmap.id, { fromId: a.id, toId: x.id })),
        422,
        "cross_roadmap",
      );
      expectApiError(
        await refused(() => postLink(roadmap.id, { fromId: x.id, toId: a.id })),
        422,
        "cross_roadmap",
      );
    });

    it("an item of another team, or none at all: 404, its existence not revealed", async () => {
      const { db } = getCtx();
      const roadmap = await newRoadmap();
      const a = await createItem(db, owner.actor, roadmap.id, featureInput("A", "2027-02-01", "2027-02-05"));
      const theirs = await createRoadmap(db, stranger.actor, otherTeam.id, {
        title: "Theirs",
        startDate: MONDAY,
      });
      const x = await createItem(
        db,
        stranger.actor,
        theirs.id,
        featureInput("X", "2027-02-01", "2027-02-05"),
      );
      for (const json of [
        { fromId: a.id, toId: x.id },
        { fromId: x.id, toId: a.id },
        { fromId: a.id, toId: NOBODY },
      ]) {
        expectApiError(await refused(() => postLink(roadmap.id, json)), 404, "not_found");
      }
      expect(await timelineState(db, otherTeam.id)).toMatchObject({ dependencies: [] });
    });

    it("lagDays that is not a whole number, or not a number: 400 naming lagDays; a lead is fine", async () => {
      const { db } = getCtx();
      const roadmap = await newRoadmap();
      const a = await createItem(db, owner.actor, roadmap.id, featureInput("A", "2027-02-01", "2027-02-05"));
      const b = await createItem(db, owner.actor, roadmap.id, featureInput("B", "2027-02-08", "2027-02-12"));
      for (const lagDays of [1.5, "2", 1000]) {
        const res = await refused(() => postLink(roadmap.id, { fromId: a.id, toId: b.id, lagDays }));
        expect(expectInvalidRequest(res)).toEqual(["lagDays"]);
      }
      const ids = await refused(() => postLink(roadmap.id, { fromId: "a", toId: b.id }));
      expect(expectInvalidRequest(ids)).toEqual(["fromId"]);
      const lead = await postLink(roadmap.id, { fromId: a.id, toId: b.id, lagDays: -2 });
      expect(lead.status).toBe(201);
      expect(lead.json.dependency.lagDays).toBe(-2);
    });

    it("DELETE /api/dependencies/{id}: 200, the link is gone; a second DELETE: 404", async () => {
      const { db } = getCtx();
      const roadmap = await newRoadmap();
      const a = await createItem(db, owner.actor, roadmap.id, featureInput("A", "2027-02-01", "2027-02-05"));
      const b = await createItem(db, owner.actor, roadmap.id, featureInput("B", "2027-02-08", "2027-02-12"));
      const link = await createDependency(db, owner.actor, roadmap.id, { fromId: a.id, toId: b.id });
      const del = () =>
        api("DELETE /api/dependencies/{dependencyId}", {
          params: { dependencyId: link.id },
          token: editor.token,
        });
      const ok = await del();
      expect(ok.status).toBe(200);
      expect(ok.json).toEqual({ ok: true });
      expectApiError(await refused(del), 404, "not_found");
      const board = await api("GET /api/roadmaps/{roadmapId}", {
        params: { roadmapId: roadmap.id },
        token: viewer.token,
      });
      expect(board.json.dependencies).toEqual([]);
    });
  });

  describe("lanes", () => {
    it("deleting a lane that still holds items: 422 workstream_not_empty; an empty lane: 200 and it is gone", async () => {
      const { db } = getCtx();
      const roadmap = await newRoadmap();
      const busy = await createWorkstream(db, owner.actor, roadmap.id, { name: "Busy" });
      const empty = await createWorkstream(db, owner.actor, roadmap.id, { name: "Empty" });
      await createItem(
        db,
        owner.actor,
        roadmap.id,
        featureInput("F", "2027-02-01", "2027-02-12", { workstreamId: busy.id }),
      );
      const del = (id: string, ifMatch: number) =>
        api("DELETE /api/workstreams/{workstreamId}", {
          params: { workstreamId: id },
          token: editor.token,
          ifMatch,
        });

      const notEmpty = await refused(() => del(busy.id, busy.version));
      expectApiError(notEmpty, 422, "workstream_not_empty");

      const ok = await del(empty.id, empty.version);
      expect(ok.status).toBe(200);
      expect(ok.json).toEqual({ ok: true });
      const board = await api("GET /api/roadmaps/{roadmapId}", {
        params: { roadmapId: roadmap.id },
        token: viewer.token,
      });
      expect(board.json.workstreams.map((w: { id: string }) => w.id)).toEqual([busy.id]);
      // A removed lane is gone for good: further changes answer 404.
      expectApiError(
        await api("PATCH /api/workstreams/{workstreamId}", {
          params: { workstreamId: empty.id },
          token: editor.token,
          ifMatch: empty.version + 1,
          json: { name: "Back" },
        }),
        404,
        "not_found",
      );
    });

    it("POST lanes: positions default to the end; an empty name or a negative position: 400", async () => {
      const roadmap = await newRoadmap();
      const post = (json: unknown) =>
        api("POST /api/roadmaps/{roadmapId}/workstreams", {
          params: { roadmapId: roadmap.id },
          token: editor.token,
          json,
        });
      const first = await post({ name: "First" });
      const second = await post({ name: "Second" });
      expect([first.status, second.status]).toEqual([201, 201]);
      expect([first.json.workstream.position, second.json.workstream.position]).toEqual([0, 1]);
      expect(first.json.workstream).toMatchObject({ roadmapId: roadmap.id, name: "First", version: 1 });
      expect(expectInvalidRequest(await refused(() => post({ name: "  " })))).toEqual(["name"]);
      expect(expectInvalidRequest(await refused(() => post({ name: "x", position: -1 })))).toEqual([
        "position",
      ]);
    });
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { createItem } from "@/lib/services/items/create";
import { deleteItem } from "@/lib/services/items/delete";
import { createRoadmap } from "@/lib/services/roadmaps/create";
import { createSkill } from "@/lib/services/staffing/skills";
import { createWorkstream } from "@/lib/services/workstreams/workstreams";
import type { Roadmap } from "@/lib/validation/roadmaps";
import type { Skill, Team } from "@/lib/validation/teams";
import type { Workstream } from "@/lib/validation/timeline";
import { api } from "../helpers/api";
import { expectApiError } from "../helpers/assertions";
import { describeEachDatabase } from "../helpers/database";
import { createTeamWithMembers, createUser, type TestUser } from "../helpers/fixtures";
import { ok, putStaffing, resourceState } from "../helpers/resources";
import { featureInput, milestoneInput, MONDAY } from "../helpers/timeline";

const QUARTERS = ["2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4", "2028-Q1"];

/** A quarter's figures, hours already rounded as the API rounds them. */
const cell = (quarter: string, demandHours: number, capacityHours: number) => ({
  quarter,
  demandHours,
  capacityHours,
  gapHours: demandHours - capacityHours,
  overAllocated: demandHours - capacityHours > 0.5,
});

const hours = (byQuarter: Record<string, number>) =>
  QUARTERS.map((quarter) => ({ quarter, hours: byQuarter[quarter] ?? 0 }));

/**
 * The roadmap runs 2027-01-04 (a Monday) for 12 months, to 2028-01-03: working days inside it are
 * 63 in 2027-Q1 (from Jan 4), 65 in Q2, 66 in Q3, 66 in Q4 and 1 in 2028-Q1 (Monday Jan 3).
 */
describeEachDatabase("capacity", (getCtx) => {
  let owner: TestUser;
  let viewer: TestUser;
  let outsider: TestUser;
  let team: Team;
  let backend: Skill;
  let design: Skill;
  let roadmap: Roadmap;
  let platform: Workstream;
  let studio: Workstream;

  beforeAll(async () => {
    const { db } = getCtx();
    [owner, viewer, outsider] = await Promise.all(
      ["owner", "viewer", "outsider"].map((label) => createUser(db, label)),
    );
    team = await createTeamWithMembers(db, owner, [{ member: viewer, role: "viewer" }]);
    await createTeamWithMembers(db, outsider);
    backend = await createSkill(db, owner.actor, team.id, { name: "Backend" });
    design = await createSkill(db, owner.actor, team.id, { name: "Design" });
    roadmap = await createRoadmap(db, owner.actor, team.id, { title: "Staffed", startDate: MONDAY });
    platform = await createWorkstream(db, owner.actor, roadmap.id, { name: "Platform" });
    studio = await createWorkstream(db, owner.actor, roadmap.id, { name: "Studio" });
    const add = (input: Parameters<typeof createItem>[3]) => createItem(db, owner.actor, roadmap.id, input);

    // 80 Backend hours over 10 working days, all in Q1; estimate mean (60 + 4 x 80 + 100) / 6 = 80.
    await add(
      featureInput("API", "2027-02-01", "2027-02-12", {
        workstreamId: platform.id,
        estimate: { optimisticHours: 60, likelyHours: 80, pessimisticHours: 100 },
        skills: [{ skillId: backend.id, hours: 80 }],
      }),
    );
    // 600 Backend hours in Q2, in no lane, no estimate: more than one person gives that quarter.
    await add(
      featureInput("Migration", "2027-04-05", "2027-04-16", {
        skills: [{ skillId: backend.id, hours: 600 }],
      }),
    );
    // 100 Design hours over 10 working days: 4 in September (Q3), 6 in October (Q4); estimate mean
    // (100 + 480 + 200) / 6 = 130, so 30 hours are asked of no skill.
    await add(
      featureInput("Redesign", "2027-09-27", "2027-10-08", {
        workstreamId: studio.id,
        estimate: { optimisticHours: 100, likelyHours: 120, pessimisticHours: 200 },
        skills: [{ skillId: design.id, hours: 100 }],
      }),
    );
    // Neither a cut feature, nor a deleted one, nor a milestone asks for hours.
    await add(
      featureInput("Cut", "2027-07-05", "2027-07-16", {
        status: "cut",
        skills: [{ skillId: backend.id, hours: 5_000 }],
      }),
    );
    const gone = await add(
      featureInput("Deleted", "2027-11-01", "2027-11-12", {
        skills: [{ skillId: backend.id, hours: 5_000 }],
      }),
    );
    await deleteItem(db, owner.actor, gone.id, gone.version);
    await add(milestoneInput("Launch", "2027-10-29"));
  });

  const getCapacity = (token: string) =>
    api("GET /api/roadmaps/{roadmapId}/capacity", { params: { roadmapId: roadmap.id }, token });

  it("with no staffing plan: all demand, no capacity, and a ramp-up row for every short quarter", async () => {
    const body = ok(await getCapacity(viewer.token));
    expect(body.skills).toEqual([
      {
        skillId: backend.id,
        name: "Backend",
        quarters: [
          cell("2027-Q1", 80, 0),
          cell("2027-Q2", 600, 0),
          ...QUARTERS.slice(2).map((q) => cell(q, 0, 0)),
        ],
      },
      {
        skillId: design.id,
        name: "Design",
        quarters: [
          cell("2027-Q1", 0, 0),
          cell("2027-Q2", 0, 0),
          cell("2027-Q3", 40, 0),
          cell("2027-Q4", 60, 0),
          cell("2028-Q1", 0, 0),
        ],
      },
    ]);
    // One person unplanned gives 32 h/week: Q1 63 days -> 403.2 h, Q2 65 -> 416 h, Q3 66 -> 422.4 h.
    // 600 h in Q2 need two; the Design person found for Q3 also covers Q4.
    expect(body.rampUp).toEqual([
      { skillId: backend.id, quarter: "2027-Q1", addHeadcount: 1, startBy: "2026-11-09", phaseId: null },
      { skillId: backend.id, quarter: "2027-Q2", addHeadcount: 1, startBy: "2027-02-04", phaseId: null },
      { skillId: design.id, quarter: "2027-Q3", addHeadcount: 1, startBy: "2027-05-06", phaseId: null },
    ]);
    // No phases yet: nothing per phase, and no ramp-up row names one.
    expect(body.byPhase).toEqual([]);
  });

  it("one person at 40 h/week: demand 80 against capacity 40 x 63 / 5 = 504 in Q1; Q2 is short by 80 and gets a ramp-up row", async () => {
    const { db } = getCtx();
    ok(
      await putStaffing(owner.token, roadmap.id, 0, {
        rows: [
          { skillId: backend.id, quarter: "2027-Q1", headcount: 1, hoursPerWeek: 40 },
          { skillId: backend.id, quarter: "2027-Q2", headcount: 1, hoursPerWeek: 40 },
          { skillId: backend.id, quarter: "2027-Q3", headcount: 2, hoursPerWeek: 30 },
          { skillId: backend.id, quarter: "2028-Q1", headcount: 1, hoursPerWeek: 40 },
        ],
      }),
    );
    const before = await resourceState(db, roadmap.id);
    const res = await getCapacity(viewer.token);
    expect(ok(res)).toEqual({
      quarters: QUARTERS,
      skills: [
        {
          skillId: backend.id,
          name: "Backend",
          quarters: [
            cell("2027-Q1", 80, 504), // 1 x 40 h x 63 / 5
            cell("2027-Q2", 600, 520), // 1 x 40 h x 65 / 5
            cell("2027-Q3", 0, 792), // 2 x 30 h x 66 / 5
            cell("2027-Q4", 0, 0), // no row
            cell("2028-Q1", 0, 8), // 1 x 40 h x 1 / 5
          ],
        },
        {
          skillId: design.id,
          name: "Design",
          quarters: [
            cell("2027-Q1", 0, 0),
            cell("2027-Q2", 0, 0),
            cell("2027-Q3", 40, 0),
            cell("2027-Q4", 60, 0),
            cell("2028-Q1", 0, 0),
          ],
        },
      ],
      workstreams: [
        { workstreamId: platform.id, name: "Platform", quarters: hours({ "2027-Q1": 80 }) },
        { workstreamId: studio.id, name: "Studio", quarters: hours({ "2027-Q3": 52, "2027-Q4": 78 }) },
        { workstreamId: null, name: "No lane", quarters: hours({ "2027-Q2": 600 }) },
      ],
      unassigned: hours({ "2027-Q3": 12, "2027-Q4": 18 }),
      rampUp: [
        // 80 h short; one more person at the planned 40 h/week covers it; hired 8 weeks before Apr 1.
        { skillId: backend.id, quarter: "2027-Q2", addHeadcount: 1, startBy: "2027-02-04", phaseId: null },
        { skillId: design.id, quarter: "2027-Q3", addHeadcount: 1, startBy: "2027-05-06", phaseId: null },
      ],
      hiringLeadWeeks: 8,
      byPhase: [],
    });
    expect(res.headers.get("etag")).toBeNull();
    // Reading computes; it writes nothing.
    expect(await resourceState(db, roadmap.id)).toEqual(before);
  });

  it("follows the plan: a longer lead time moves startBy, enough people remove the ramp-up row", async () => {
    ok(
      await putStaffing(owner.token, roadmap.id, 1, {
        rows: [
          { skillId: backend.id, quarter: "2027-Q1", headcount: 1, hoursPerWeek: 40 },
          { skillId: backend.id, quarter: "2027-Q2", headcount: 2, hoursPerWeek: 40 },
        ],
        hiringLeadWeeks: 4,
      }),
    );
    const body = ok(await getCapacity(viewer.token));
    expect(body.skills[0].quarters[1]).toEqual(cell("2027-Q2", 600, 1040));
    expect(body.rampUp).toEqual([
      { skillId: design.id, quarter: "2027-Q3", addHeadcount: 1, startBy: "2027-06-03", phaseId: null },
    ]);
    expect(body.hiringLeadWeeks).toBe(4);
  });

  describe("per phase", () => {
    const addPhase = async (name: string, startDate: string, endDate: string) =>
      ok(
        await api("POST /api/roadmaps/{roadmapId}/phases", {
          params: { roadmapId: roadmap.id },
          token: owner.token,
          json: { name, startDate, endDate, gate: { title: `${name} go`, outcome: `${name} is done` } },
        }),
        201,
      ).phase as { id: string; version: number };
    const skillCell = (skill: Skill, demandHours: number, capacityHours: number) => ({
      skillId: skill.id,
      name: skill.name,
      demandHours,
      capacityHours,
      gapHours: demandHours - capacityHours,
      overAllocated: demandHours - capacityHours > 0.5,
    });
    let build: { id: string; version: number };

    it("demand against capacity per phase and skill; a feature across two phases splits by working days; the ramp-up row names the phase it staffs", async () => {
      // The plan now: Backend 1 x 40 h in Q1, 2 x 40 h in Q2, nothing later; Design unstaffed.
      const discovery = await addPhase("Discovery", "2027-01-04", "2027-03-31");
      const launch = await addPhase("Launch", "2027-10-01", "2027-12-31");
      build = await addPhase("Build", "2027-04-01", "2027-09-30");
      const body = ok(await getCapacity(viewer.token));
      expect(body.byPhase).toEqual([
        {
          phaseId: discovery.id,
          name: "Discovery",
          startDate: "2027-01-04",
          endDate: "2027-03-31",
          // Backend: API's 80 h against 1 x 40 h x 63 / 5.
          demandHours: 80,
          capacityHours: 504,
          gapHours: -424,
          skills: [skillCell(backend, 80, 504), skillCell(design, 0, 0)],
        },
        {
          phaseId: build.id,
          name: "Build",
          startDate: "2027-04-01",
          endDate: "2027-09-30",
          // Backend: Migration's 600 h against 2 x 40 h x 65 / 5 in Q2 (Q3 unstaffed); Design:
          // Redesign's 4 September days of 10.
          demandHours: 640,
          capacityHours: 1040,
          gapHours: -400,
          skills: [skillCell(backend, 600, 1040), skillCell(design, 40, 0)],
        },
        {
          phaseId: launch.id,
          name: "Launch",
          startDate: "2027-10-01",
          endDate: "2027-12-31",
          demandHours: 60,
          capacityHours: 0,
          gapHours: 60,
          skills: [skillCell(backend, 0, 0), skillCell(design, 60, 0)],
        },
      ]);
      // The Design hire for Q3 staffs Build, the phase inside Q3 where Design is short.
      expect(body.rampUp).toEqual([
        { skillId: design.id, quarter: "2027-Q3", addHeadcount: 1, startBy: "2027-06-03", phaseId: build.id },
      ]);
    });

    it("follows the phases: with no phase over the quarter, the ramp-up row names none", async () => {
      ok(
        await api("PATCH /api/phases/{phaseId}", {
          params: { phaseId: build.id },
          token: owner.token,
          ifMatch: build.version,
          json: { endDate: "2027-06-30" },
        }),
      );
      const body = ok(await getCapacity(viewer.token));
      const shortened = body.byPhase.find((p: { phaseId: string }) => p.phaseId === build.id);
      expect(shortened).toMatchObject({ endDate: "2027-06-30", demandHours: 600, capacityHours: 1040 });
      expect(body.rampUp).toEqual([
        { skillId: design.id, quarter: "2027-Q3", addHeadcount: 1, startBy: "2027-06-03", phaseId: null },
      ]);
    });
  });

  it("another team's member: 404; anonymous: 401", async () => {
    expectApiError(await getCapacity(outsider.token), 404, "not_found");
    expectApiError(
      await api("GET /api/roadmaps/{roadmapId}/capacity", { params: { roadmapId: roadmap.id } }),
      401,
      "unauthenticated",
    );
  });
});

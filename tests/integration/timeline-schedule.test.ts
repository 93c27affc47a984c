import { beforeAll, describe, expect, it } from "vitest";
import type { Team } from "@/lib/validation/teams";
import { api } from "../helpers/api";
import { describeEachDatabase } from "../helpers/database";
import { createTeamWithMembers, createUser, type TestUser } from "../helpers/fixtures";
import { featureInput, milestoneInput, MONDAY } from "../helpers/timeline";

interface ScheduledItem {
  id: string;
  durationDays: number;
  earlyStart: string;
  earlyFinish: string;
  lateStart: string;
  lateFinish: string;
  totalSlackDays: number;
  critical: boolean;
  plannedStartViolation: boolean;
  targetMissed: boolean;
}

describeEachDatabase("timeline schedule through the API", (getCtx) => {
  let editor: TestUser;
  let viewer: TestUser;
  let team: Team;

  beforeAll(async () => {
    const { db } = getCtx();
    [editor, viewer] = await Promise.all([createUser(db, "editor"), createUser(db, "viewer")]);
    team = await createTeamWithMembers(db, editor, [{ member: viewer, role: "viewer" }]);
  });

  async function postRoadmap(startDate: string) {
    const res = await api("POST /api/teams/{teamId}/roadmaps", {
      params: { teamId: team.id },
      token: editor.token,
      json: { title: "Scheduled", startDate },
    });
    expect(res.status).toBe(201);
    return res.json.roadmap as { id: string; version: number };
  }
  async function postItem(roadmapId: string, json: unknown) {
    const res = await api("POST /api/roadmaps/{roadmapId}/items", {
      params: { roadmapId },
      token: editor.token,
      json,
    });
    expect(res.status).toBe(201);
    return res.json.item as { id: string; version: number };
  }
  async function postLink(roadmapId: string, fromId: string, toId: string, lagDays?: number) {
    const res = await api("POST /api/roadmaps/{roadmapId}/dependencies", {
      params: { roadmapId },
      token: editor.token,
      json: { fromId, toId, lagDays },
    });
    expect(res.status).toBe(201);
    return res.json.dependency as { id: string };
  }
  async function getSchedule(roadmapId: string) {
    const res = await api("GET /api/roadmaps/{roadmapId}/schedule", {
      params: { roadmapId },
      token: viewer.token,
    });
    expect(res.status).toBe(200);
    const byId = new Map((res.json.items as ScheduledItem[]).map((i) => [i.id, i]));
    return { body: res.json, byId };
  }

  describe("a hand-checked network", () => {
    // Roadmap from Monday 2027-01-04. Working-day offsets: 0 = Mon 01-04 ... 5 = Mon 01-11, 7 = Wed 01-13,
    // 9 = Fri 01-15.
    //   A  feature 01-04..01-08 (5 days)                      es 0, ef 5
    //   B  feature 01-11..01-13 (3 days), A -> B lag 2        es 7 (Wed 01-13), ef 10 (last day Fri 01-15)
    //   M  milestone 01-14, B -> M                            reached Fri 01-15, after its date
    //   C  feature 01-04..01-06 (3 days), unlinked            slack 10 - 3 - 0 = 7
    //   D  feature 01-04..01-29 (20 days), cut, A -> D -> M   left out with its links
    let roadmapId: string;
    let a: { id: string };
    let b: { id: string };
    let m: { id: string };
    let c: { id: string };
    let d: { id: string; version: number };

    beforeAll(async () => {
      roadmapId = (await postRoadmap(MONDAY)).id;
      a = await postItem(roadmapId, featureInput("A", "2027-01-04", "2027-01-08"));
      b = await postItem(roadmapId, featureInput("B", "2027-01-11", "2027-01-13"));
      m = await postItem(roadmapId, milestoneInput("M", "2027-01-14", { isKey: true }));
      c = await postItem(roadmapId, featureInput("C", "2027-01-04", "2027-01-06"));
      d = await postItem(roadmapId, featureInput("D", "2027-01-04", "2027-01-29", { status: "cut" }));
      await postLink(roadmapId, a.id, b.id, 2);
      await postLink(roadmapId, b.id, m.id);
      await postLink(roadmapId, a.id, d.id);
      await postLink(roadmapId, d.id, m.id);
    });

    it("answers the project dates, the critical path in order and the calendar", async () => {
      const { body } = await getSchedule(roadmapId);
      expect(body.calendar).toBe("mon-fri");
      expect(body.projectStart).toBe("2027-01-04");
      expect(body.projectFinish).toBe("2027-01-15");
      expect(body.criticalPath).toEqual([a.id, b.id, m.id]);
    });

    it("A: five days from the start, on the critical path", async () => {
      const { byId } = await getSchedule(roadmapId);
      expect(byId.get(a.id)).toMatchObject({
        id: a.id,
        durationDays: 5,
        earlyStart: "2027-01-04",
        earlyFinish: "2027-01-08",
        lateStart: "2027-01-04",
        lateFinish: "2027-01-08",
        totalSlackDays: 0,
        critical: true,
        plannedStartViolation: false,
        targetMissed: false,
      });
    });

    it("B: starts two working days after A, planned too early (plannedStartViolation)", async () => {
      const { byId } = await getSchedule(roadmapId);
      expect(byId.get(b.id)).toMatchObject({
        id: b.id,
        durationDays: 3,
        earlyStart: "2027-01-13",
        earlyFinish: "2027-01-15",
        lateStart: "2027-01-13",
        lateFinish: "2027-01-15",
        totalSlackDays: 0,
        critical: true,
        plannedStartViolation: true,
        targetMissed: false,
      });
    });

    it("M: reached on B's last day, after its own date (targetMissed)", async () => {
      const { byId } = await getSchedule(roadmapId);
      expect(byId.get(m.id)).toMatchObject({
        id: m.id,
        durationDays: 0,
        earlyStart: "2027-01-15",
        earlyFinish: "2027-01-15",
        lateStart: "2027-01-15",
        lateFinish: "2027-01-15",
        totalSlackDays: 0,
        critical: true,
        plannedStartViolation: false,
        targetMissed: true,
      });
    });

    it("C: unlinked, seven working days of slack, not critical", async () => {
      const { byId } = await getSchedule(roadmapId);
      // The projection (an extension of api.md) sees the same miss: B is planned to end after M.
      expect(byId.get(m.id)).toMatchObject({ plannedTargetMissed: true });
      expect(byId.get(c.id)).toMatchObject({
        id: c.id,
        durationDays: 3,
        earlyStart: "2027-01-04",
        earlyFinish: "2027-01-06",
        lateStart: "2027-01-13",
        lateFinish: "2027-01-15",
        totalSlackDays: 7,
        critical: false,
        plannedStartViolation: false,
        targetMissed: false,
      });
    });

    it("the cut item D is left out with its links; planned again, it takes over the critical path", async () => {
      const cut = await getSchedule(roadmapId);
      expect([...cut.byId.keys()].sort()).toEqual([a.id, b.id, m.id, c.id].sort());
      // The board still shows D and its links: cutting is a status, not a delete.
      const board = await api("GET /api/roadmaps/{roadmapId}", {
        params: { roadmapId },
        token: viewer.token,
      });
      expect(board.json.items.map((i: { id: string }) => i.id)).toContain(d.id);
      expect(board.json.dependencies).toHaveLength(4);

      const planned = await api("PATCH /api/items/{itemId}", {
        params: { itemId: d.id },
        token: editor.token,
        ifMatch: d.version,
        json: { status: "planned" },
      });
      expect(planned.status).toBe(200);
      const withD = await getSchedule(roadmapId);
      // D runs offsets 5..24 (Mon 01-11 to Fri 02-05); M follows it.
      expect(withD.body.projectFinish).toBe("2027-02-05");
      expect(withD.body.criticalPath).toEqual([a.id, d.id, m.id]);
      expect(withD.byId.get(d.id)).toMatchObject({
        durationDays: 20,
        earlyStart: "2027-01-11",
        earlyFinish: "2027-02-05",
      });
      expect(withD.byId.get(m.id)).toMatchObject({ earlyStart: "2027-02-05", targetMissed: true });
      expect(withD.byId.get(b.id)).toMatchObject({ totalSlackDays: 15, critical: false });

      const again = await api("PATCH /api/items/{itemId}", {
        params: { itemId: d.id },
        token: editor.token,
        ifMatch: planned.json.item.version,
        json: { status: "cut" },
      });
      expect(again.status).toBe(200);
      expect((await getSchedule(roadmapId)).body).toEqual(cut.body);
    });
  });

  describe("calendar edges", () => {
    it("a roadmap starting on a Saturday schedules from the Monday after", async () => {
      const roadmapId = (await postRoadmap("2027-01-02")).id;
      const f = await postItem(roadmapId, featureInput("F", "2027-01-04", "2027-01-08"));
      const { body, byId } = await getSchedule(roadmapId);
      expect(body.projectStart).toBe("2027-01-04");
      expect(body.projectFinish).toBe("2027-01-08");
      expect(byId.get(f.id)).toMatchObject({
        durationDays: 5,
        earlyStart: "2027-01-04",
        earlyFinish: "2027-01-08",
      });
    });

    it("a lead (negative lag) overlaps the successor with its predecessor; lag 0 starts the next working day", async () => {
      const roadmapId = (await postRoadmap(MONDAY)).id;
      const p = await postItem(roadmapId, featureInput("P", "2027-01-04", "2027-01-08"));
      const lead = await postItem(roadmapId, featureInput("Lead", "2027-01-07", "2027-01-11"));
      const next = await postItem(roadmapId, featureInput("Next", "2027-01-11", "2027-01-11"));
      await postLink(roadmapId, p.id, lead.id, -2);
      await postLink(roadmapId, p.id, next.id, 0);
      const { byId } = await getSchedule(roadmapId);
      // P finishes Fri 01-08 (offset 5); a lead of 2 starts at offset 3, Thu 01-07.
      expect(byId.get(lead.id)).toMatchObject({
        earlyStart: "2027-01-07",
        earlyFinish: "2027-01-11",
        plannedStartViolation: false,
      });
      expect(byId.get(next.id)).toMatchObject({ earlyStart: "2027-01-11", earlyFinish: "2027-01-11" });
    });

    it("an empty roadmap: no items, the project starts and finishes on its first working day", async () => {
      const roadmapId = (await postRoadmap(MONDAY)).id;
      const { body } = await getSchedule(roadmapId);
      expect(body).toEqual({
        calendar: "mon-fri",
        projectStart: MONDAY,
        projectFinish: MONDAY,
        criticalPath: [],
        items: [],
      });
    });
  });
});

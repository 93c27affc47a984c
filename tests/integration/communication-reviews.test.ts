import { beforeAll, describe, expect, it } from "vitest";
import { addDays, addMonths } from "@/lib/planning/civil-date";
import { createItem } from "@/lib/services/items/create";
import { api, etagVersion, type ApiResponse, type RouteKey } from "../helpers/api";
import { expectApiError, expectInvalidRequest } from "../helpers/assertions";
import { describeEachDatabase } from "../helpers/database";
import {
  createCast,
  createCastTeam,
  createTeamWithMembers,
  type Cast,
  type TestUser,
} from "../helpers/fixtures";
import { ok } from "../helpers/resources";
import { createBoardFixture, milestoneInput, roadmapActivity, type BoardFixture } from "../helpers/timeline";

const today = () => new Date().toISOString().slice(0, 10);
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

/** Who calls: a cast member, or {} for nobody signed in. */
type Who = Pick<TestUser, "token"> | { token?: undefined };

const getCadence = (who: Who, roadmapId: string) =>
  api("GET /api/roadmaps/{roadmapId}/cadence", { params: { roadmapId }, token: who.token });
const putCadence = (who: Who, roadmapId: string, json: unknown, ifMatch?: number) =>
  api("PUT /api/roadmaps/{roadmapId}/cadence", { params: { roadmapId }, token: who.token, json, ifMatch });
const postReview = (who: Who, roadmapId: string, json: unknown) =>
  api("POST /api/roadmaps/{roadmapId}/reviews", { params: { roadmapId }, token: who.token, json });
const listReviews = (who: Who, roadmapId: string) =>
  api("GET /api/roadmaps/{roadmapId}/reviews", { params: { roadmapId }, token: who.token });
const postSnapshot = (who: Who, roadmapId: string, label: string) =>
  api("POST /api/roadmaps/{roadmapId}/snapshots", {
    params: { roadmapId },
    token: who.token,
    json: { label },
  });
const listSnapshots = (who: Who, roadmapId: string) =>
  api("GET /api/roadmaps/{roadmapId}/snapshots", { params: { roadmapId }, token: who.token });
const getSnapshot = (who: Who, snapshotId: string) =>
  api("GET /api/snapshots/{snapshotId}", { params: { snapshotId }, token: who.token });
const getDiff = (who: Who, roadmapId: string, query: Record<string, string>) =>
  api("GET /api/roadmaps/{roadmapId}/diff", { params: { roadmapId }, token: who.token, query });
const getCalendar = (who: Who, roadmapId: string) =>
  api("GET /api/roadmaps/{roadmapId}/calendar.ics", { params: { roadmapId }, token: who.token });

/** The content lines of an iCalendar text: CRLF-separated, folded lines joined again (RFC 5545 3.1). */
function unfold(ics: string): string[] {
  return ics
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .slice(0, -1);
}

/** Each VEVENT's properties, by name (parameters dropped). */
function events(ics: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of unfold(ics)) {
    if (line === "BEGIN:VEVENT") current = {};
    else if (line === "END:VEVENT") {
      out.push(current!);
      current = null;
    } else if (current) {
      const colon = line.indexOf(":");
      current[line.slice(0, colon).split(";")[0]] = line.slice(colon + 1);
    }
  }
  return out;
}

describeEachDatabase("reviews, cadence, snapshots, diff and calendar", (getCtx) => {
  let cast: Cast;
  let teamId: string;
  let board: BoardFixture;
  /** Another roadmap of the same team. */
  let sibling: BoardFixture;
  /** A roadmap of a team none of the cast is in (the outsider owns it). */
  let foreign: BoardFixture;
  let siblingSnapshotId: string;
  let foreignSnapshotId: string;

  beforeAll(async () => {
    const { db } = getCtx();
    cast = await createCast(db);
    teamId = (await createCastTeam(db, cast)).team.id;
    board = await createBoardFixture(db, cast.owner.actor, teamId, { title: "Payments 2027" });
    sibling = await createBoardFixture(db, cast.owner.actor, teamId, { title: "Sibling plan" });
    const otherTeam = await createTeamWithMembers(db, cast.outsider);
    foreign = await createBoardFixture(db, cast.outsider.actor, otherTeam.id, { title: "Foreign" });
    siblingSnapshotId = ok(await postSnapshot(cast.editor, sibling.roadmap.id, "Sibling baseline"), 201)
      .snapshot.id;
    foreignSnapshotId = ok(await postSnapshot(cast.outsider, foreign.roadmap.id, "Foreign baseline"), 201)
      .snapshot.id;
  });

  describe("who may do what", () => {
    type Case = { key: RouteKey; call: (who: Who) => Promise<ApiResponse>; minimum: "viewer" | "editor" };
    const cases = (): Case[] => {
      const roadmapId = board.roadmap.id;
      return [
        {
          key: "GET /api/roadmaps/{roadmapId}/cadence",
          call: (w) => getCadence(w, roadmapId),
          minimum: "viewer",
        },
        {
          key: "PUT /api/roadmaps/{roadmapId}/cadence",
          call: (w) =>
            putCadence(w, roadmapId, { rules: [{ audience: "product", every: "2w", nextOn: today() }] }),
          minimum: "editor",
        },
        {
          key: "GET /api/roadmaps/{roadmapId}/reviews",
          call: (w) => listReviews(w, roadmapId),
          minimum: "viewer",
        },
        {
          key: "POST /api/roadmaps/{roadmapId}/reviews",
          call: (w) => postReview(w, roadmapId, { audience: "product", heldOn: "2026-01-05" }),
          minimum: "editor",
        },
        {
          key: "GET /api/roadmaps/{roadmapId}/snapshots",
          call: (w) => listSnapshots(w, roadmapId),
          minimum: "viewer",
        },
        {
          key: "POST /api/roadmaps/{roadmapId}/snapshots",
          call: (w) => postSnapshot(w, roadmapId, "Role check"),
          minimum: "editor",
        },
        {
          key: "GET /api/snapshots/{snapshotId}",
          call: (w) => getSnapshot(w, siblingSnapshotId),
          minimum: "viewer",
        },
        {
          key: "GET /api/roadmaps/{roadmapId}/diff",
          call: (w) => getDiff(w, roadmapId, { from: "now" }),
          minimum: "viewer",
        },
        {
          key: "GET /api/roadmaps/{roadmapId}/calendar.ics",
          call: (w) => getCalendar(w, roadmapId),
          minimum: "viewer",
        },
      ];
    };

    it("viewers read, editors write; too low a role is 403, an outsider 404, no identity 401", async () => {
      const { db } = getCtx();
      const before = (await roadmapActivity(db, board.roadmap.id)).length;
      let writes = 0;
      for (const { key, call, minimum } of cases()) {
        const expected: Record<string, number> = {
          owner: key.startsWith("POST") && !key.includes("cadence") ? 201 : 200,
          editor: key.startsWith("POST") ? 201 : 200,
          commenter: minimum === "editor" ? 403 : 200,
          viewer: minimum === "editor" ? 403 : 200,
          outsider: 404,
        };
        for (const role of ["owner", "editor", "commenter", "viewer", "outsider"] as const) {
          const res = await call(cast[role]);
          expect({ key, role, status: res.status }).toEqual({ key, role, status: expected[role] });
          if (res.status >= 400)
            expectApiError(res, res.status, { 403: "forbidden", 404: "not_found" }[res.status]!);
          if (minimum === "editor" && res.status < 300) writes++;
        }
        const anonymous = await call({});
        expectApiError(anonymous, 401, "unauthenticated");
      }
      // Every successful write left an activity row (a review leaves two: its snapshot and itself).
      const after = (await roadmapActivity(db, board.roadmap.id)).length;
      expect(after - before).toBe(writes + 2);
    });
  });

  describe("cadence", () => {
    it("never saved: version 0 with no rules; the first PUT creates it, If-Match optional", async () => {
      const { db } = getCtx();
      const fresh = await createBoardFixture(db, cast.owner.actor, teamId, { title: "Cadence" });
      const first = await getCadence(cast.viewer, fresh.roadmap.id);
      expect(ok(first).cadence).toEqual({ roadmapId: fresh.roadmap.id, version: 0, rules: [], upcoming: [] });
      expect(etagVersion(first)).toBe(0);

      const t = today();
      const rules = [
        { audience: "executive", every: "1m", nextOn: addDays(t, -40) },
        { audience: "engineering", every: "1w", nextOn: addDays(t, 3) },
      ];
      const saved = await putCadence(cast.editor, fresh.roadmap.id, { rules }, 0);
      const { cadence } = ok(saved);
      expect(etagVersion(saved)).toBe(1);
      expect(cadence.version).toBe(1);
      expect(cadence.rules).toEqual(rules);
      // Soonest owed first: the executive review overdue for 40 days, then engineering. Monthly from
      // 40 days ago, the next due date on or after today is two months after the anchor.
      const anchor = addDays(t, -40);
      expect(cadence.upcoming).toEqual([
        {
          audience: "executive",
          every: "1m",
          nextDue: addMonths(anchor, 2),
          overdue: true,
          daysOverdue: 40,
          overdueSince: anchor,
          lastHeldOn: null,
          following: [addMonths(anchor, 3), addMonths(anchor, 4)],
        },
        {
          audience: "engineering",
          every: "1w",
          nextDue: addDays(t, 3),
          overdue: false,
          daysOverdue: 0,
          overdueSince: null,
          lastHeldOn: null,
          // Weekly after nextDue, up to 90 days from today.
          following: [10, 17, 24, 31, 38, 45, 52, 59, 66, 73, 80, 87].map((d) => addDays(t, d)),
        },
      ]);

      // A review held today covers the executive due dates up to today.
      ok(await postReview(cast.editor, fresh.roadmap.id, { audience: "executive", heldOn: t }), 201);
      const after = ok(await getCadence(cast.viewer, fresh.roadmap.id)).cadence;
      const executive = after.upcoming.find((u: { audience: string }) => u.audience === "executive");
      expect(executive).toMatchObject({ overdue: false, daysOverdue: 0, lastHeldOn: t });
      expect(executive.nextDue > t).toBe(true);
      expect(after.upcoming.map((u: { audience: string }) => u.audience)).toEqual([
        "engineering",
        "executive",
      ]);

      // Without If-Match the PUT replaces the rules too; a stale If-Match is 412 with the current cadence.
      const replaced = ok(await putCadence(cast.owner, fresh.roadmap.id, { rules: [] })).cadence;
      expect(replaced).toMatchObject({ version: 2, rules: [], upcoming: [] });
      const stale = await putCadence(cast.editor, fresh.roadmap.id, { rules }, 1);
      expectApiError(stale, 412, "version_mismatch");
      expect(stale.json.current).toMatchObject({ roadmapId: fresh.roadmap.id, version: 2, rules: [] });
      expect(etagVersion(stale)).toBe(2);

      const log = (await roadmapActivity(db, fresh.roadmap.id)).filter((a) => a.entity === "cadence");
      expect(log.map((a) => [a.action, (a.changes as { version: number }).version])).toEqual([
        ["created", 1],
        ["updated", 2],
      ]);
      expect(log[0].changes).toMatchObject({ rules: { from: [], to: rules } });
    });

    it("two PUTs with the same If-Match: exactly one wins, the other gets 412", async () => {
      const { db } = getCtx();
      const fresh = await createBoardFixture(db, cast.owner.actor, teamId, { title: "Race" });
      const rule = (every: string) => ({ rules: [{ audience: "product", every, nextOn: "2027-03-01" }] });
      const answers = await Promise.all([
        putCadence(cast.editor, fresh.roadmap.id, rule("1w"), 0),
        putCadence(cast.owner, fresh.roadmap.id, rule("1q"), 0),
      ]);
      expect(answers.map((r) => r.status).sort()).toEqual([200, 412]);
      const winner = answers.find((r) => r.status === 200)!;
      const loser = answers.find((r) => r.status === 412)!;
      expect(loser.json.current).toEqual(winner.json.cadence);
      expect(ok(await getCadence(cast.viewer, fresh.roadmap.id)).cadence).toEqual(winner.json.cadence);
    });

    it("a bad interval, audience or date, or two rules for one audience: 400 with paths, nothing saved", async () => {
      const roadmapId = sibling.roadmap.id;
      const before = ok(await getCadence(cast.viewer, roadmapId)).cadence;
      const rule = { audience: "executive", every: "1m", nextOn: "2027-03-01" };
      const cases: [unknown, string[]][] = [
        [{ rules: [{ ...rule, every: "1y" }] }, ["rules.0.every"]],
        [{ rules: [{ ...rule, audience: "board" }] }, ["rules.0.audience"]],
        [{ rules: [{ ...rule, nextOn: "2027-02-30" }] }, ["rules.0.nextOn"]],
        [{ rules: [{ ...rule, nextOn: "next monday" }] }, ["rules.0.nextOn"]],
        [{ rules: [rule, { ...rule, every: "1w" }] }, ["rules.1.audience"]],
        [{ rules: [{ ...rule, extra: 1 }] }, ["rules.0"]],
        [{}, ["rules"]],
      ];
      for (const [json, paths] of cases) {
        const res = await putCadence(cast.editor, roadmapId, json);
        expect({ json, paths: expectInvalidRequest(res) }).toEqual({ json, paths });
      }
      expect(ok(await getCadence(cast.viewer, roadmapId)).cadence).toEqual(before);
    });
  });

  describe("reviews", () => {
    it("a review takes a review snapshot in the same write; the list is latest heldOn first, with people", async () => {
      const { db } = getCtx();
      const fresh = await createBoardFixture(db, cast.owner.actor, teamId, { title: "Reviewed" });
      const older = ok(
        await postReview(cast.editor, fresh.roadmap.id, {
          audience: "engineering",
          heldOn: "2026-09-01",
          notes: "  Capacity is short in Q2.  ",
          decisions: ["Hire two backend engineers", "Move the beta a month"],
        }),
        201,
      ).review;
      expect(older).toMatchObject({
        roadmapId: fresh.roadmap.id,
        audience: "engineering",
        heldOn: "2026-09-01",
        notes: "Capacity is short in Q2.",
        decisions: ["Hire two backend engineers", "Move the beta a month"],
        createdBy: { id: cast.editor.user.id, name: cast.editor.user.name, email: cast.editor.user.email },
        snapshot: {
          roadmapId: fresh.roadmap.id,
          label: "Engineering review 2026-09-01",
          kind: "review",
          itemCount: 3,
          createdBy: { id: cast.editor.user.id, name: cast.editor.user.name, email: cast.editor.user.email },
        },
      });
      // Recorded the day after it was held (UTC tomorrow is still allowed).
      const latest = ok(
        await postReview(cast.owner, fresh.roadmap.id, {
          audience: "executive",
          heldOn: addDays(today(), 1),
        }),
        201,
      ).review;
      expect(latest).toMatchObject({
        notes: "",
        decisions: [],
        snapshot: { label: `Executive review ${addDays(today(), 1)}` },
      });

      const listed = ok(await listReviews(cast.viewer, fresh.roadmap.id)).items;
      expect(listed.map((r: { id: string }) => r.id)).toEqual([latest.id, older.id]);
      expect(listed[1]).toEqual(older);

      // The snapshot is a real one: listed, readable, and its document is the roadmap as reviewed.
      const snapshots = ok(await listSnapshots(cast.viewer, fresh.roadmap.id)).items;
      expect(snapshots.map((s: { id: string }) => s.id)).toEqual([latest.snapshot.id, older.snapshot.id]);
      const { document } = ok(await getSnapshot(cast.viewer, older.snapshot.id));
      expect(document.items.map((i: { title: string }) => i.title).sort()).toEqual([
        "Fixture feature",
        "Fixture milestone",
        "Second feature",
      ]);

      const log = (await roadmapActivity(db, fresh.roadmap.id)).filter(
        (a) => a.entity === "review" || a.entity === "snapshot",
      );
      expect(log.map((a) => [a.entity, a.entityId, a.action])).toEqual([
        ["snapshot", older.snapshot.id, "created"],
        ["review", older.id, "created"],
        ["snapshot", latest.snapshot.id, "created"],
        ["review", latest.id, "created"],
      ]);
      expect(log[1].changes).toEqual({ audience: "engineering", heldOn: "2026-09-01" });
    });

    it("heldOn after tomorrow, a bad date or audience, too many decisions: 400, no review and no snapshot", async () => {
      const { db } = getCtx();
      const roadmapId = sibling.roadmap.id;
      const before = await roadmapActivity(db, roadmapId);
      const future = await postReview(cast.editor, roadmapId, {
        audience: "executive",
        heldOn: addDays(today(), 2),
      });
      expect(expectInvalidRequest(future)).toEqual(["heldOn"]);
      const cases: [unknown, string[]][] = [
        [{ audience: "board", heldOn: "2026-09-01" }, ["audience"]],
        [{ audience: "executive", heldOn: "2026-02-29" }, ["heldOn"]],
        [{ audience: "executive" }, ["heldOn"]],
        [{ audience: "executive", heldOn: "2026-09-01", decisions: Array(51).fill("x") }, ["decisions"]],
        [{ audience: "executive", heldOn: "2026-09-01", decisions: ["  "] }, ["decisions.0"]],
      ];
      for (const [json, paths] of cases) {
        const res = await postReview(cast.editor, roadmapId, json);
        expect({ json, paths: expectInvalidRequest(res) }).toEqual({ json, paths });
      }
      expect(await roadmapActivity(db, roadmapId)).toEqual(before);
      expect(ok(await listReviews(cast.viewer, roadmapId)).items).toEqual([]);
    });
  });

  describe("snapshots", () => {
    it("are immutable: changing the roadmap afterwards leaves the snapshot's document as it was", async () => {
      const { db } = getCtx();
      const fresh = await createBoardFixture(db, cast.owner.actor, teamId, { title: "Frozen" });
      const created = await postSnapshot(cast.editor, fresh.roadmap.id, "  Before the replan  ");
      const { snapshot } = ok(created, 201);
      expect(snapshot).toMatchObject({
        roadmapId: fresh.roadmap.id,
        label: "Before the replan",
        kind: "manual",
        itemCount: 3,
        createdBy: { id: cast.editor.user.id },
      });
      const frozen = ok(await getSnapshot(cast.viewer, snapshot.id));
      expect(frozen.snapshot).toEqual(snapshot);
      expect(frozen.document).toMatchObject({
        format: "cairn.roadmap",
        version: 1,
        roadmap: { title: "Frozen" },
      });

      ok(
        await api("PATCH /api/items/{itemId}", {
          params: { itemId: fresh.feature.id },
          token: cast.editor.token,
          ifMatch: fresh.feature.version,
          json: { title: "Renamed afterwards" },
        }),
      );
      ok(
        await api("DELETE /api/items/{itemId}", {
          params: { itemId: fresh.second.id },
          token: cast.editor.token,
          ifMatch: fresh.second.version,
        }),
      );
      expect(ok(await getSnapshot(cast.viewer, snapshot.id))).toEqual(frozen);
      expect(frozen.document.items.find((i: { id: string }) => i.id === fresh.feature.id).title).toBe(
        "Fixture feature",
      );

      const newer = ok(await postSnapshot(cast.owner, fresh.roadmap.id, "After"), 201).snapshot;
      expect(newer.itemCount).toBe(2);
      expect(newer.seq).toBeGreaterThan(snapshot.seq);
      const listed = ok(await listSnapshots(cast.viewer, fresh.roadmap.id)).items;
      expect(listed).toEqual([newer, snapshot]);
      expect(listed[0]).not.toHaveProperty("document");
    });

    it("an unknown snapshot, another team's, or a label that is blank: 404 / 400", async () => {
      expectApiError(await getSnapshot(cast.viewer, UNKNOWN_ID), 404, "not_found");
      expectApiError(await getSnapshot(cast.owner, foreignSnapshotId), 404, "not_found");
      expectApiError(await getSnapshot(cast.owner, "not-a-uuid"), 404, "not_found");
      expect(expectInvalidRequest(await postSnapshot(cast.editor, board.roadmap.id, "   "))).toEqual([
        "label",
      ]);
      expect(
        expectInvalidRequest(await postSnapshot(cast.editor, board.roadmap.id, "x".repeat(201))),
      ).toEqual(["label"]);
    });
  });

  describe("diff", () => {
    it("shows an item moved through the API with its days, from a snapshot to now and back", async () => {
      const { db } = getCtx();
      const fresh = await createBoardFixture(db, cast.owner.actor, teamId, { title: "Moving" });
      const { snapshot } = ok(await postSnapshot(cast.editor, fresh.roadmap.id, "Baseline"), 201);

      // The feature (2027-02-01..02-12) moves a week later and gets a new title.
      ok(
        await api("PATCH /api/items/{itemId}", {
          params: { itemId: fresh.feature.id },
          token: cast.editor.token,
          ifMatch: fresh.feature.version,
          json: { startDate: "2027-02-08", endDate: "2027-02-19", title: "Checkout v2" },
        }),
      );
      const added = await createItem(
        db,
        cast.editor.actor,
        fresh.roadmap.id,
        milestoneInput("Launch", "2027-05-03"),
      );

      const res = await getDiff(cast.viewer, fresh.roadmap.id, { from: snapshot.id, to: "now" });
      const body = ok(res);
      expect(body.from).toEqual({ id: snapshot.id, label: "Baseline", at: snapshot.createdAt });
      expect(body.to).toMatchObject({ id: "now", label: "Now" });
      expect(Number.isNaN(Date.parse(body.to.at))).toBe(false);
      const { diff } = body;
      expect(diff.summary).toEqual({
        added: 1,
        removed: 0,
        moved: 1,
        changed: 1,
        dependenciesAdded: 0,
        dependenciesRemoved: 0,
        risksAdded: 0,
        risksRemoved: 0,
        risksChanged: 0,
      });
      expect(diff.items.moved).toEqual([
        {
          id: fresh.feature.id,
          title: "Checkout v2",
          kind: "feature",
          isKey: false,
          startDate: "2027-02-08",
          endDate: "2027-02-19",
          workstream: "Platform",
          fromStart: "2027-02-01",
          fromEnd: "2027-02-12",
          startDays: 7,
          endDays: 7,
        },
      ]);
      expect(diff.items.changed[0].fields).toEqual([
        { field: "title", from: "Fixture feature", to: "Checkout v2" },
      ]);
      expect(diff.items.added.map((i: { id: string }) => i.id)).toEqual([added.id]);
      // feature -> second is the critical chain both times; the durations did not change.
      expect(diff.criticalPath.before.map((s: { id: string }) => s.id)).toEqual([
        fresh.feature.id,
        fresh.second.id,
      ]);
      expect(diff.projectFinish.days).toBe(0);

      const back = ok(await getDiff(cast.viewer, fresh.roadmap.id, { from: "now", to: snapshot.id })).diff;
      expect(back.items.moved[0]).toMatchObject({ startDays: -7, endDays: -7, startDate: "2027-02-01" });
      expect(back.items.removed.map((i: { id: string }) => i.id)).toEqual([added.id]);

      // Two snapshots: to defaults to now when left out, and a snapshot against itself is empty.
      const after = ok(await postSnapshot(cast.editor, fresh.roadmap.id, "After"), 201).snapshot;
      const between = ok(await getDiff(cast.viewer, fresh.roadmap.id, { from: snapshot.id, to: after.id }));
      expect(between.diff).toEqual(diff);
      expect(between.to).toEqual({ id: after.id, label: "After", at: after.createdAt });
      expect(ok(await getDiff(cast.viewer, fresh.roadmap.id, { from: snapshot.id })).diff.summary).toEqual(
        diff.summary,
      );
      const self = ok(await getDiff(cast.viewer, fresh.roadmap.id, { from: after.id, to: after.id })).diff;
      expect(Object.values(self.summary).every((n) => n === 0)).toBe(true);
    });

    it("a snapshot of another roadmap of the team: 422 cross_roadmap naming it; unknown or another team's: 404", async () => {
      const roadmapId = board.roadmap.id;
      const cross = await getDiff(cast.viewer, roadmapId, { from: siblingSnapshotId, to: "now" });
      expectApiError(cross, 422, "cross_roadmap");
      expect(cross.json.error.message).toContain("Sibling baseline");
      expect(cross.json.error.message).toContain("Sibling plan");
      expect(cross.json.error.details).toEqual({
        snapshotId: siblingSnapshotId,
        roadmapId: sibling.roadmap.id,
      });
      expectApiError(
        await getDiff(cast.viewer, roadmapId, { from: "now", to: siblingSnapshotId }),
        422,
        "cross_roadmap",
      );

      expectApiError(await getDiff(cast.viewer, roadmapId, { from: UNKNOWN_ID }), 404, "not_found");
      const foreignDiff = await getDiff(cast.viewer, roadmapId, { from: foreignSnapshotId });
      expectApiError(foreignDiff, 404, "not_found");
      expect(foreignDiff.json.error.message).not.toContain("Foreign");

      expect(expectInvalidRequest(await getDiff(cast.viewer, roadmapId, { from: "yesterday" }))).toEqual([
        "from",
      ]);
      expect(expectInvalidRequest(await getDiff(cast.viewer, roadmapId, {}))).toEqual(["from"]);
    });
  });

  describe("calendar.ics", () => {
    it("lists review due dates for 12 months and key milestones not cut, as valid iCalendar", async () => {
      const { db } = getCtx();
      const fresh = await createBoardFixture(db, cast.owner.actor, teamId, { title: "Café roadmap, 2027" });
      const key = await createItem(
        db,
        cast.editor.actor,
        fresh.roadmap.id,
        milestoneInput("General availability; everywhere", "2027-06-01", {
          isKey: true,
          outcome: "Every region can sign up, and pay",
        }),
      );
      await createItem(
        db,
        cast.editor.actor,
        fresh.roadmap.id,
        milestoneInput("Cut launch", "2027-07-01", { isKey: true, status: "cut" }),
      );
      const t = today();
      ok(
        await putCadence(cast.editor, fresh.roadmap.id, {
          rules: [
            { audience: "executive", every: "1q", nextOn: addDays(t, 5) },
            { audience: "engineering", every: "1w", nextOn: addDays(t, -7) },
          ],
        }),
      );
      // An engineering review held today covers the due dates up to today.
      ok(await postReview(cast.editor, fresh.roadmap.id, { audience: "engineering", heldOn: t }), 201);

      const res = await getCalendar(cast.viewer, fresh.roadmap.id);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
      expect(res.headers.get("content-disposition")).toBe('inline; filename="cafe-roadmap-2027.ics"');
      expect(res.text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
      expect(res.text.endsWith("END:VCALENDAR\r\n")).toBe(true);
      expect(res.text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
      for (const physical of res.text.split("\r\n"))
        expect(Buffer.byteLength(physical, "utf8")).toBeLessThanOrEqual(75);
      expect(unfold(res.text)).toContain("X-WR-CALNAME:Café roadmap\\, 2027");

      const all = events(res.text);
      const milestones = all.filter((e) => e.UID.startsWith("milestone-"));
      expect(milestones).toEqual([
        expect.objectContaining({
          UID: `milestone-${key.id}@cairn`,
          DTSTART: "20270601",
          DTEND: "20270602",
          SUMMARY: "◆ General availability\\; everywhere",
          DESCRIPTION: "Every region can sign up\\, and pay",
        }),
      ]);
      const reviewDates = (audience: string) =>
        all
          .filter((e) => e.UID.startsWith(`review-${fresh.roadmap.id}-${audience}-`))
          .map((e) => {
            expect(e.SUMMARY).toBe(
              `${audience === "executive" ? "Executive" : "Engineering"} roadmap review: Café roadmap\\, 2027`,
            );
            expect(e.UID).toBe(
              `review-${fresh.roadmap.id}-${audience}-${e.DTSTART.replace(/(\d{4})(\d{2})(\d{2})/, "$1-$2-$3")}@cairn`,
            );
            return e.DTSTART;
          });
      const compact = (iso: string) => iso.replace(/-/g, "");
      // Quarterly from today+5: 5 dates fit in 12 months only if the 5th is within them; 4 always do.
      const executive = reviewDates("executive");
      expect(executive.slice(0, 2)).toEqual([compact(addDays(t, 5)), expect.any(String)]);
      expect(executive.length).toBeGreaterThanOrEqual(4);
      expect(executive.length).toBeLessThanOrEqual(5);
      // Weekly, anchored a week ago: the first date not covered by today's review is today+7.
      const engineering = reviewDates("engineering");
      expect(engineering[0]).toBe(compact(addDays(t, 7)));
      expect(engineering.length).toBeGreaterThanOrEqual(51);
      expect(engineering.length).toBeLessThanOrEqual(53);
      // Sorted by date.
      const dates = all.map((e) => e.DTSTART);
      expect(dates).toEqual([...dates].sort());
    });
  });
});

import { asc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { feedbackResponses, feedbackRounds, snapshots } from "@/db/schema";
import { createItem } from "@/lib/services/items/create";
import { updateItem } from "@/lib/services/items/update";
import { api, etagVersion, type LooseJson } from "../helpers/api";
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
import {
  createBoardFixture,
  featureInput,
  roadmapActivity,
  roadmapSeq,
  type BoardFixture,
} from "../helpers/timeline";

const DAY_MS = 86_400_000;
/** A date `n` days from today (UTC). */
const inDays = (n: number) => new Date(Date.now() + n * DAY_MS).toISOString().slice(0, 10);

const ROUND_KEYS = [
  "audience",
  "closedAt",
  "closesOn",
  "createdAt",
  "createdBy",
  "id",
  "question",
  "respondentCount",
  "responseCount",
  "roadmapId",
  "snapshot",
  "status",
  "version",
];

const postRound = (who: TestUser | null, roadmapId: string, json: unknown) =>
  api("POST /api/roadmaps/{roadmapId}/feedback-rounds", { params: { roadmapId }, token: who?.token, json });
const listRounds = (who: TestUser | null, roadmapId: string) =>
  api("GET /api/roadmaps/{roadmapId}/feedback-rounds", { params: { roadmapId }, token: who?.token });
const getRound = (who: TestUser | null, roundId: string) =>
  api("GET /api/feedback-rounds/{roundId}", { params: { roundId }, token: who?.token });
const closeRound = (who: TestUser | null, roundId: string, ifMatch?: number) =>
  api("POST /api/feedback-rounds/{roundId}/close", { params: { roundId }, token: who?.token, ifMatch });
const respond = (who: TestUser | null, roundId: string, json: unknown) =>
  api("POST /api/feedback-rounds/{roundId}/responses", { params: { roundId }, token: who?.token, json });
const results = (who: TestUser | null, roundId: string) =>
  api("GET /api/feedback-rounds/{roundId}/results", { params: { roundId }, token: who?.token });

describeEachDatabase("feedback rounds", (getCtx) => {
  let cast: Cast;
  let board: BoardFixture;
  /** A roadmap of another team, with its own round. */
  let foreign: BoardFixture;
  let foreignRoundId: string;
  let stranger: TestUser;

  beforeAll(async () => {
    const { db } = getCtx();
    cast = await createCast(db);
    const { team } = await createCastTeam(db, cast);
    board = await createBoardFixture(db, cast.owner.actor, team.id, { title: "Feedback board" });
    stranger = cast.outsider;
    const otherTeam = await createTeamWithMembers(db, stranger);
    foreign = await createBoardFixture(db, stranger.actor, otherTeam.id, { title: "Foreign" });
    foreignRoundId = ok(
      await postRound(stranger, foreign.roadmap.id, {
        question: "Theirs?",
        audience: "product",
        closesOn: inDays(5),
      }),
      201,
    ).round.id;
  });

  const openRound = async (extra: Record<string, unknown> = {}, who: TestUser = cast.editor) =>
    ok(
      await postRound(who, board.roadmap.id, {
        question: "Is the plan right for the launch?",
        audience: "executive",
        closesOn: inDays(14),
        ...extra,
      }),
      201,
    ).round;

  const responseRows = (roundId: string) =>
    getCtx()
      .db.select()
      .from(feedbackResponses)
      .where(eq(feedbackResponses.roundId, roundId))
      .orderBy(asc(feedbackResponses.createdAt), asc(feedbackResponses.id));

  describe("opening a round", () => {
    it("takes a snapshot it asks about, records the change and answers the open round", async () => {
      const question =
        "How confident are you that the payments rework lands before the spring launch, given the hiring plan?";
      const before = await roadmapSeq(getCtx().db, board.roadmap.id);
      const res = await postRound(cast.editor, board.roadmap.id, {
        question,
        audience: "engineering",
        closesOn: inDays(10),
      });
      const { round } = ok(res, 201);
      expect(Object.keys(round).sort()).toEqual(ROUND_KEYS);
      expect(round).toMatchObject({
        roadmapId: board.roadmap.id,
        question,
        audience: "engineering",
        closesOn: inDays(10),
        status: "open",
        closedAt: null,
        createdBy: { id: cast.editor.user.id, name: cast.editor.user.name, email: cast.editor.user.email },
        version: 1,
        respondentCount: 0,
        responseCount: 0,
      });
      expect(etagVersion(res)).toBe(1);
      expect(round.snapshot).toMatchObject({ roadmapId: board.roadmap.id, kind: "feedback", itemCount: 3 });
      expect(round.snapshot.label.startsWith("Feedback: How confident are you that the payments")).toBe(true);
      expect(round.snapshot.label.endsWith("…")).toBe(true);
      expect(round.snapshot.label.length).toBeLessThanOrEqual("Feedback: ".length + 60);

      const activity = (await roadmapActivity(getCtx().db, board.roadmap.id)).filter(
        (a) => (a.seq ?? 0) > before,
      );
      expect(activity.map((a) => [a.entity, a.action])).toEqual([
        ["snapshot", "created"],
        ["feedback_round", "created"],
      ]);
      expect(activity[1]).toMatchObject({ entityId: round.id, actorId: cast.editor.user.id });
      expect(activity[1].changes).toMatchObject({
        question,
        audience: "engineering",
        snapshotId: round.snapshot.id,
      });
    });

    it("closesOn today is fine; before today: 400 on closesOn, and nothing is written", async () => {
      const { db } = getCtx();
      expect((await openRound({ closesOn: inDays(0) })).status).toBe("open");
      const seq = await roadmapSeq(db, board.roadmap.id);
      const snapshotCount = (
        await db.select().from(snapshots).where(eq(snapshots.roadmapId, board.roadmap.id))
      ).length;
      const res = await postRound(cast.editor, board.roadmap.id, {
        question: "Too late?",
        audience: "product",
        closesOn: inDays(-1),
      });
      expect(expectInvalidRequest(res)).toEqual(["closesOn"]);
      expect(await roadmapSeq(db, board.roadmap.id)).toBe(seq);
      expect(
        (await db.select().from(snapshots).where(eq(snapshots.roadmapId, board.roadmap.id))).length,
      ).toBe(snapshotCount);
    });

    it("a bad question, audience or date: 400 naming the field", async () => {
      const cases: [Record<string, unknown>, string[]][] = [
        [{ question: "  " }, ["question"]],
        [{ audience: "board" }, ["audience"]],
        [{ closesOn: "2027-02-30" }, ["closesOn"]],
        [{ closesOn: "next week" }, ["closesOn"]],
      ];
      for (const [extra, paths] of cases) {
        const res = await postRound(cast.editor, board.roadmap.id, {
          question: "Fine?",
          audience: "product",
          closesOn: inDays(3),
          ...extra,
        });
        expect({ extra, paths: expectInvalidRequest(res) }).toEqual({ extra, paths });
      }
    });

    it("owner and editor may open rounds; commenter and viewer 403; outsider 404; signed out 401", async () => {
      const body = { question: "Who may ask?", audience: "product", closesOn: inDays(3) };
      expect((await postRound(cast.owner, board.roadmap.id, body)).status).toBe(201);
      expect((await postRound(cast.editor, board.roadmap.id, body)).status).toBe(201);
      expectApiError(await postRound(cast.commenter, board.roadmap.id, body), 403, "forbidden");
      expectApiError(await postRound(cast.viewer, board.roadmap.id, body), 403, "forbidden");
      expectApiError(await postRound(cast.outsider, board.roadmap.id, body), 404, "not_found");
      expectApiError(await postRound(null, board.roadmap.id, body), 401, "unauthenticated");
    });
  });

  describe("reading rounds", () => {
    it("lists open rounds first, then closed ones, newest first within each; every member may read", async () => {
      const { db } = getCtx();
      const fx = await createBoardFixture(db, cast.owner.actor, board.roadmap.teamId, { title: "Ordering" });
      const ask = async (question: string) =>
        ok(
          await postRound(cast.editor, fx.roadmap.id, { question, audience: "product", closesOn: inDays(7) }),
          201,
        ).round;
      const first = await ask("First");
      const second = await ask("Second");
      const third = await ask("Third");
      const fourth = await ask("Fourth");
      ok(await closeRound(cast.editor, first.id));
      ok(await closeRound(cast.editor, third.id));
      // A round past its last day is closed without anyone closing it.
      await db
        .update(feedbackRounds)
        .set({ closesOn: inDays(-1) })
        .where(eq(feedbackRounds.id, second.id));
      for (const who of [cast.owner, cast.editor, cast.commenter, cast.viewer]) {
        const { items } = ok(await listRounds(who, fx.roadmap.id));
        expect(items.map((r: LooseJson) => [r.question, r.status])).toEqual([
          ["Fourth", "open"],
          ["Third", "closed"],
          ["Second", "closed"],
          ["First", "closed"],
        ]);
      }
      expectApiError(await listRounds(cast.outsider, fx.roadmap.id), 404, "not_found");
      expectApiError(await listRounds(null, fx.roadmap.id), 401, "unauthenticated");
      expect(fourth.status).toBe("open");
    });

    it("a round asks about its snapshot's milestones and features that are not cut, milestones first", async () => {
      const { db } = getCtx();
      const fx = await createBoardFixture(db, cast.owner.actor, board.roadmap.teamId, {
        title: "Asked about",
      });
      const cut = await createItem(
        db,
        cast.owner.actor,
        fx.roadmap.id,
        featureInput("Dropped", "2027-02-01", "2027-02-05"),
      );
      await updateItem(db, cast.owner.actor, cut.id, cut.version, { status: "cut" });
      const round = ok(
        await postRound(cast.editor, fx.roadmap.id, {
          question: "Right scope?",
          audience: "product",
          closesOn: inDays(7),
        }),
        201,
      ).round;
      // Added after the round opened: not asked about.
      await createItem(
        db,
        cast.owner.actor,
        fx.roadmap.id,
        featureInput("Later idea", "2027-02-01", "2027-02-05"),
      );

      const detail = ok(await getRound(cast.viewer, round.id));
      expect(Object.keys(detail).sort()).toEqual(["canRespond", "items", "myResponses", "round"]);
      expect(detail.round).toEqual(round);
      expect(detail.items).toEqual([
        {
          id: fx.milestone.id,
          title: "Fixture milestone",
          kind: "milestone",
          isKey: false,
          startDate: "2027-04-01",
          endDate: "2027-04-01",
          workstream: null,
        },
        {
          id: fx.feature.id,
          title: "Fixture feature",
          kind: "feature",
          isKey: false,
          startDate: "2027-02-01",
          endDate: "2027-02-12",
          workstream: "Platform",
        },
        {
          id: fx.second.id,
          title: "Second feature",
          kind: "feature",
          isKey: false,
          startDate: "2027-03-01",
          endDate: "2027-03-12",
          workstream: null,
        },
      ]);
      expect(detail.myResponses).toEqual([]);
    });

    it("canRespond: commenter and above while open; never a viewer, nobody once closed; outsider 404", async () => {
      const round = await openRound();
      const can = async (who: TestUser) => ok(await getRound(who, round.id)).canRespond;
      expect(await can(cast.owner)).toBe(true);
      expect(await can(cast.editor)).toBe(true);
      expect(await can(cast.commenter)).toBe(true);
      expect(await can(cast.viewer)).toBe(false);
      ok(await closeRound(cast.editor, round.id));
      for (const who of [cast.owner, cast.editor, cast.commenter, cast.viewer])
        expect(await can(who)).toBe(false);
      expectApiError(await getRound(cast.outsider, round.id), 404, "not_found");
      expectApiError(await getRound(cast.owner, foreignRoundId), 404, "not_found");
      expectApiError(await getRound(null, round.id), 401, "unauthenticated");
      expectApiError(await getRound(cast.owner, "00000000-0000-4000-8000-000000000000"), 404, "not_found");
    });
  });

  describe("responding", () => {
    it("the first answer is 201, answering again replaces it (200, next version); the caller sees their answers", async () => {
      const { db } = getCtx();
      const round = await openRound();
      const seq = await roadmapSeq(db, board.roadmap.id);
      const first = await respond(cast.commenter, round.id, {
        itemId: board.feature.id,
        rating: 2,
        text: "  Tight.  ",
      });
      const created = ok(first, 201).response;
      expect(created).toMatchObject({
        roundId: round.id,
        itemId: board.feature.id,
        rating: 2,
        text: "Tight.",
        author: {
          id: cast.commenter.user.id,
          name: cast.commenter.user.name,
          email: cast.commenter.user.email,
        },
        version: 1,
      });
      expect(etagVersion(first)).toBe(1);

      const again = await respond(cast.commenter, round.id, {
        itemId: board.feature.id,
        rating: 4,
        text: "",
      });
      const updated = ok(again, 200).response;
      expect(updated).toMatchObject({ id: created.id, rating: 4, text: null, version: 2 });
      expect(etagVersion(again)).toBe(2);
      // The overall rating (no item) is a response of its own.
      ok(await respond(cast.commenter, round.id, { rating: 5 }), 201);
      ok(await respond(cast.commenter, round.id, { itemId: null, rating: 3 }), 200);
      ok(await respond(cast.editor, round.id, { itemId: board.feature.id, rating: 1 }), 201);

      const rows = await responseRows(round.id);
      expect(rows.map((r) => [r.userId, r.itemId, r.rating, r.version])).toEqual([
        [cast.commenter.user.id, board.feature.id, 4, 2],
        [cast.commenter.user.id, null, 3, 2],
        [cast.editor.user.id, board.feature.id, 1, 1],
      ]);
      const detail = ok(await getRound(cast.commenter, round.id));
      expect(detail.myResponses.map((r: LooseJson) => [r.itemId, r.rating])).toEqual([
        [board.feature.id, 4],
        [null, 3],
      ]);
      expect(detail.round).toMatchObject({ respondentCount: 2, responseCount: 3 });

      const activity = (await roadmapActivity(db, board.roadmap.id)).filter((a) => (a.seq ?? 0) > seq);
      expect(activity.map((a) => [a.entity, a.action, a.changes])).toEqual([
        [
          "feedback_response",
          "created",
          { roundId: round.id, itemId: board.feature.id, rating: 2, version: 1 },
        ],
        [
          "feedback_response",
          "updated",
          { roundId: round.id, itemId: board.feature.id, rating: 4, version: 2 },
        ],
        ["feedback_response", "created", { roundId: round.id, itemId: null, rating: 5, version: 1 }],
        ["feedback_response", "updated", { roundId: round.id, itemId: null, rating: 3, version: 2 }],
        [
          "feedback_response",
          "created",
          { roundId: round.id, itemId: board.feature.id, rating: 1, version: 1 },
        ],
      ]);
    });

    it("two first answers at once from one person: one is created, the other replaces it", async () => {
      const round = await openRound();
      const answers = await Promise.all([
        respond(cast.commenter, round.id, { itemId: board.milestone.id, rating: 2 }),
        respond(cast.commenter, round.id, { itemId: board.milestone.id, rating: 5 }),
      ]);
      expect(answers.map((r) => r.status).sort()).toEqual([200, 201]);
      const rows = await responseRows(round.id);
      expect(rows).toHaveLength(1);
      expect(rows[0].version).toBe(2);
    });

    it("owner, editor, commenter may answer; viewer 403; outsider 404; signed out 401; nothing written", async () => {
      const round = await openRound();
      for (const who of [cast.owner, cast.editor, cast.commenter])
        ok(await respond(who, round.id, { rating: 4 }), 201);
      expectApiError(await respond(cast.viewer, round.id, { rating: 4 }), 403, "forbidden");
      expectApiError(await respond(cast.outsider, round.id, { rating: 4 }), 404, "not_found");
      expectApiError(await respond(cast.commenter, foreignRoundId, { rating: 4 }), 404, "not_found");
      expectApiError(await respond(null, round.id, { rating: 4 }), 401, "unauthenticated");
      expect((await responseRows(round.id)).map((r) => r.userId).sort()).toEqual(
        [cast.owner.user.id, cast.editor.user.id, cast.commenter.user.id].sort(),
      );
    });

    it("an item the round does not ask about: 422 invalid_reference on itemId, nothing written", async () => {
      const { db } = getCtx();
      const fx = await createBoardFixture(db, cast.owner.actor, board.roadmap.teamId, {
        title: "References",
      });
      const cut = await createItem(
        db,
        cast.owner.actor,
        fx.roadmap.id,
        featureInput("Dropped", "2027-02-01", "2027-02-05"),
      );
      await updateItem(db, cast.owner.actor, cut.id, cut.version, { status: "cut" });
      const round = ok(
        await postRound(cast.editor, fx.roadmap.id, {
          question: "Scope?",
          audience: "product",
          closesOn: inDays(7),
        }),
        201,
      ).round;
      const later = await createItem(
        db,
        cast.owner.actor,
        fx.roadmap.id,
        featureInput("Later", "2027-02-01", "2027-02-05"),
      );
      const seq = await roadmapSeq(db, fx.roadmap.id);
      for (const itemId of [
        cut.id,
        later.id,
        board.feature.id,
        foreign.feature.id,
        "00000000-0000-4000-8000-000000000000",
      ]) {
        const res = await respond(cast.commenter, round.id, { itemId, rating: 3 });
        expectApiError(res, 422, "invalid_reference");
        expect(res.json.error.details.map((d: LooseJson) => d.path)).toEqual(["itemId"]);
      }
      expect(await responseRows(round.id)).toEqual([]);
      expect(await roadmapSeq(db, fx.roadmap.id)).toBe(seq);
    });

    it("a rating outside 1-5, a fraction, a bad item id or an unknown field: 400", async () => {
      const round = await openRound();
      const cases: [Record<string, unknown>, string[]][] = [
        [{ rating: 0 }, ["rating"]],
        [{ rating: 6 }, ["rating"]],
        [{ rating: 2.5 }, ["rating"]],
        [{ rating: "5" }, ["rating"]],
        [{ rating: 3, itemId: "nope" }, ["itemId"]],
        [{ rating: 3, text: "x".repeat(5_001) }, ["text"]],
        [{ rating: 3, mood: "good" }, [""]],
      ];
      for (const [json, paths] of cases) {
        expect({ json, paths: expectInvalidRequest(await respond(cast.commenter, round.id, json)) }).toEqual({
          json,
          paths,
        });
      }
      expect(await responseRows(round.id)).toEqual([]);
    });
  });

  describe("closing", () => {
    it("an editor closes the round: closed, next version, the change recorded; closing again 422", async () => {
      const { db } = getCtx();
      const round = await openRound();
      ok(await respond(cast.commenter, round.id, { rating: 2 }), 201);
      const seq = await roadmapSeq(db, board.roadmap.id);
      const res = await closeRound(cast.editor, round.id, round.version);
      const closed = ok(res).round;
      expect(closed).toMatchObject({ id: round.id, status: "closed", version: 2, responseCount: 1 });
      expect(Date.parse(closed.closedAt)).toBeGreaterThan(Date.parse(round.createdAt) - 1);
      expect(etagVersion(res)).toBe(2);
      const [row] = await db.select().from(feedbackRounds).where(eq(feedbackRounds.id, round.id));
      expect(row.closedBy).toBe(cast.editor.user.id);
      const activity = (await roadmapActivity(db, board.roadmap.id)).filter((a) => (a.seq ?? 0) > seq);
      expect(activity).toEqual([
        {
          seq: seq + 1,
          actorId: cast.editor.user.id,
          entity: "feedback_round",
          entityId: round.id,
          action: "updated",
          changes: { status: { from: "open", to: "closed" }, version: 2 },
        },
      ]);

      expectApiError(await closeRound(cast.owner, round.id), 422, "feedback_round_closed");
      expect(await roadmapSeq(db, board.roadmap.id)).toBe(seq + 1);
    });

    it("a stale If-Match: 412 with the round as it is; without If-Match the close goes through", async () => {
      const round = await openRound();
      ok(await respond(cast.commenter, round.id, { rating: 2 }), 201);
      // Nobody changed `round`, but an If-Match naming another version is stale.
      const stale = await closeRound(cast.editor, round.id, round.version + 5);
      expectApiError(stale, 412, "version_mismatch");
      expect(stale.json.current).toMatchObject({
        id: round.id,
        status: "open",
        version: 1,
        responseCount: 1,
      });
      ok(await closeRound(cast.editor, round.id));
      // Closed by someone else since it was read: 412 shows it closed.
      const late = await closeRound(cast.owner, round.id, 1);
      expectApiError(late, 412, "version_mismatch");
      expect(late.json.current).toMatchObject({ status: "closed", version: 2 });
    });

    it("only editors and owners close rounds: commenter and viewer 403, outsider 404, signed out 401", async () => {
      const round = await openRound();
      expectApiError(await closeRound(cast.commenter, round.id), 403, "forbidden");
      expectApiError(await closeRound(cast.viewer, round.id), 403, "forbidden");
      expectApiError(await closeRound(cast.outsider, round.id), 404, "not_found");
      expectApiError(await closeRound(cast.owner, foreignRoundId), 404, "not_found");
      expectApiError(await closeRound(null, round.id), 401, "unauthenticated");
      expect(ok(await getRound(cast.viewer, round.id)).round.status).toBe("open");
      ok(await closeRound(cast.owner, round.id));
    });

    it("a response after the close: 422 feedback_round_closed, and nothing changes", async () => {
      const { db } = getCtx();
      const round = await openRound();
      ok(
        await respond(cast.commenter, round.id, { itemId: board.feature.id, rating: 2, text: "Before" }),
        201,
      );
      ok(await closeRound(cast.editor, round.id));
      const before = { rows: await responseRows(round.id), seq: await roadmapSeq(db, board.roadmap.id) };
      for (const json of [{ itemId: board.feature.id, rating: 5, text: "After" }, { rating: 4 }]) {
        expectApiError(await respond(cast.commenter, round.id, json), 422, "feedback_round_closed");
      }
      expect({ rows: await responseRows(round.id), seq: await roadmapSeq(db, board.roadmap.id) }).toEqual(
        before,
      );
    });

    it("after its last day a round is closed: no responses, no closing", async () => {
      const { db } = getCtx();
      const round = await openRound({ closesOn: inDays(1) });
      await db
        .update(feedbackRounds)
        .set({ closesOn: inDays(-1) })
        .where(eq(feedbackRounds.id, round.id));
      const detail = ok(await getRound(cast.commenter, round.id));
      expect(detail.round).toMatchObject({ status: "closed", closedAt: null });
      expect(detail.canRespond).toBe(false);
      expectApiError(await respond(cast.commenter, round.id, { rating: 3 }), 422, "feedback_round_closed");
      expectApiError(await closeRound(cast.editor, round.id), 422, "feedback_round_closed");
      expect(await responseRows(round.id)).toEqual([]);
    });

    it("a response racing a close has one outcome: it lands before the close, or fails and leaves nothing", async () => {
      const { db } = getCtx();
      for (let i = 0; i < 6; i++) {
        const round = await openRound();
        // Either request may start first; each must see the other wholly or not at all.
        const answering = () => respond(cast.commenter, round.id, { rating: 4, text: `Race ${i}` });
        const closing = () => closeRound(cast.editor, round.id);
        const [answer, close] =
          i % 2 === 0
            ? await Promise.all([answering(), closing()])
            : await Promise.all([closing(), answering()]).then(([c, a]) => [a, c] as const);
        const closed = ok(close).round;
        const rows = await responseRows(round.id);
        if (answer.status === 201) {
          expect(rows).toHaveLength(1);
          expect(rows[0].updatedAt.getTime()).toBeLessThanOrEqual(Date.parse(closed.closedAt));
          expect(closed.responseCount).toBe(1);
        } else {
          expectApiError(answer, 422, "feedback_round_closed");
          expect(rows).toEqual([]);
          expect(closed.responseCount).toBe(0);
        }
        const [{ count }] = await db
          .select({ count: sql<number>`count(*)::int` })
          .from(feedbackResponses)
          .where(eq(feedbackResponses.roundId, round.id));
        expect(count).toBe(answer.status === 201 ? 1 : 0);
      }
    });
  });

  describe("results", () => {
    it("counts, exact averages, distributions and comments (newest first, with author), lowest average first", async () => {
      const round = await openRound();
      const answer = async (who: TestUser, json: Record<string, unknown>, status = 201) =>
        ok(await respond(who, round.id, json), status);
      await answer(cast.owner, { itemId: board.feature.id, rating: 4, text: "Realistic." });
      await answer(cast.editor, { itemId: board.feature.id, rating: 2 });
      await answer(cast.commenter, { itemId: board.feature.id, rating: 2, text: "Too tight." });
      await answer(cast.commenter, { itemId: board.milestone.id, rating: 5, text: "   " });
      await answer(cast.owner, { itemId: board.milestone.id, rating: 4 });
      await answer(cast.owner, { rating: 3, text: "Good overall." });
      await answer(cast.editor, { rating: 4 });
      // The commenter changes their overall answer: only the latest counts.
      await answer(cast.commenter, { rating: 1, text: "First thought" });
      await answer(cast.commenter, { rating: 5, text: "On reflection, fine." }, 200);

      const person = (u: TestUser) => ({ id: u.user.id, name: u.user.name, email: u.user.email });
      for (const who of [cast.viewer, cast.commenter, cast.editor, cast.owner]) {
        const body = ok(await results(who, round.id));
        expect(Object.keys(body).sort()).toEqual(["items", "overall", "round"]);
        expect(body.round).toMatchObject({ id: round.id, respondentCount: 3, responseCount: 8 });
        expect(body.overall).toMatchObject({ count: 3, average: 4, distribution: [0, 0, 1, 1, 1] });
        expect(body.overall.comments.map((c: LooseJson) => [c.text, c.rating, c.author])).toEqual([
          ["On reflection, fine.", 5, person(cast.commenter)],
          ["Good overall.", 3, person(cast.owner)],
        ]);
        expect(body.items.map((i: LooseJson) => [i.item.id, i.count, i.average, i.distribution])).toEqual([
          [board.feature.id, 3, 8 / 3, [0, 2, 0, 1, 0]],
          [board.milestone.id, 2, 4.5, [0, 0, 0, 1, 1]],
        ]);
        expect(body.items[0].item).toMatchObject({
          title: "Fixture feature",
          kind: "feature",
          workstream: "Platform",
        });
        expect(body.items[0].comments.map((c: LooseJson) => c.text)).toEqual(["Too tight.", "Realistic."]);
        expect(body.items[1].comments).toEqual([]);
      }
    });

    it("a round without responses has empty results; outsider 404; signed out 401", async () => {
      const round = await openRound();
      const body = ok(await results(cast.viewer, round.id));
      expect(body.overall).toEqual({ count: 0, average: null, distribution: [0, 0, 0, 0, 0], comments: [] });
      expect(body.items).toEqual([]);
      expectApiError(await results(cast.outsider, round.id), 404, "not_found");
      expectApiError(await results(cast.viewer, foreignRoundId), 404, "not_found");
      expectApiError(await results(null, round.id), 401, "unauthenticated");
    });
  });
});

import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { activity, shareLinks } from "@/db/schema";
import { createComment } from "@/lib/services/comments/create";
import { AppError } from "@/lib/services/kernel/errors";
import { createItem } from "@/lib/services/items/create";
import { updateItem } from "@/lib/services/items/update";
import { createRisk } from "@/lib/services/risks/create";
import { deleteRoadmap } from "@/lib/services/roadmaps/delete";
import { newSecret } from "@/lib/services/kernel/secrets";
import { loadSharedView } from "@/lib/services/share-links/shared-view";
import { AUDIENCES } from "@/lib/validation/communication";
import { api, etagVersion, type ApiResponse, type LooseJson } from "../helpers/api";
import { expectApiError, expectInvalidRequest } from "../helpers/assertions";
import { describeEachDatabase } from "../helpers/database";
import {
  createCast,
  createCastTeam,
  createTeamWithMembers,
  withEnv,
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
/** An ISO timestamp `days` from now. */
const fromNow = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();

const LINK_KEYS = [
  "audience",
  "createdAt",
  "createdBy",
  "expiresAt",
  "id",
  "lastUsedAt",
  "revokedAt",
  "roadmapId",
  "status",
  "tokenHint",
  "version",
];

const postLink = (who: TestUser | null, roadmapId: string, json: unknown) =>
  api("POST /api/roadmaps/{roadmapId}/share-links", { params: { roadmapId }, token: who?.token, json });
const listLinks = (who: TestUser | null, roadmapId: string) =>
  api("GET /api/roadmaps/{roadmapId}/share-links", { params: { roadmapId }, token: who?.token });
const revokeLink = (who: TestUser | null, shareLinkId: string, ifMatch?: number) =>
  api("DELETE /api/share-links/{shareLinkId}", { params: { shareLinkId }, token: who?.token, ifMatch });
const sharedView = (token: string) => api("GET /api/share/{token}", { params: { token } });
const sharedCalendar = (token: string) => api("GET /api/share/{token}/calendar.ics", { params: { token } });

/** The token at the end of a share url. */
const tokenOf = (url: string) => decodeURIComponent(new URL(url).pathname.split("/").pop()!);

describeEachDatabase("share links", (getCtx) => {
  let cast: Cast;
  let board: BoardFixture;
  let foreign: BoardFixture;
  /** Every token handed out in this suite, to prove none is ever repeated back. */
  const tokens: string[] = [];

  beforeAll(async () => {
    const { db } = getCtx();
    cast = await createCast(db);
    const { team } = await createCastTeam(db, cast);
    board = await createBoardFixture(db, cast.owner.actor, team.id, { title: "Shared plan" });
    // People attached everywhere a share view must not show them.
    const owned = await createItem(
      db,
      cast.owner.actor,
      board.roadmap.id,
      featureInput("Owned feature", "2027-02-15", "2027-02-26", {
        ownerId: cast.editor.user.id,
        description: "Internal notes only the team reads",
        estimate: { optimisticHours: 5, likelyHours: 8, pessimisticHours: 13 },
      }),
    );
    const cut = await createItem(
      db,
      cast.owner.actor,
      board.roadmap.id,
      featureInput("Dropped", "2027-02-01", "2027-02-05"),
    );
    await updateItem(db, cast.owner.actor, cut.id, cut.version, { status: "cut" });
    await createRisk(db, cast.owner.actor, board.roadmap.id, {
      title: "Vendor slips",
      kind: "external",
      likelihood: 4,
      impact: 4,
      itemIds: [owned.id],
      ownerId: cast.viewer.user.id,
    });
    await createComment(db, cast.commenter.actor, owned.id, {
      body: "I doubt this fits",
      feasibility: "concerns",
    });
    ok(
      await api("POST /api/roadmaps/{roadmapId}/feedback-rounds", {
        params: { roadmapId: board.roadmap.id },
        token: cast.editor.token,
        json: { question: "Right order?", audience: "product", closesOn: fromNow(5).slice(0, 10) },
      }),
      201,
    );
    const otherTeam = await createTeamWithMembers(db, cast.outsider);
    foreign = await createBoardFixture(db, cast.outsider.actor, otherTeam.id, { title: "Foreign" });
  });

  const share = async (
    extra: Record<string, unknown> = {},
    roadmapId = board.roadmap.id,
    who = cast.editor,
  ) => {
    const body = ok(
      await postLink(who, roadmapId, { audience: "executive", expiresAt: fromNow(30), ...extra }),
      201,
    );
    tokens.push(tokenOf(body.url));
    return { ...body, token: tokenOf(body.url) } as { shareLink: LooseJson; url: string; token: string };
  };

  describe("creating", () => {
    it("answers the link and its url once; stores only the token's SHA-256 and last characters", async () => {
      const { db } = getCtx();
      const expiresAt = fromNow(30);
      const seq = await roadmapSeq(db, board.roadmap.id);
      const res = await postLink(cast.editor, board.roadmap.id, { audience: "product", expiresAt });
      const { shareLink, url } = ok(res, 201);
      const token = tokenOf(url);
      tokens.push(token);
      expect(Object.keys(shareLink).sort()).toEqual(LINK_KEYS);
      expect(shareLink).toMatchObject({
        roadmapId: board.roadmap.id,
        audience: "product",
        expiresAt,
        revokedAt: null,
        lastUsedAt: null,
        status: "active",
        tokenHint: token.slice(-4),
        createdBy: { id: cast.editor.user.id, name: cast.editor.user.name, email: cast.editor.user.email },
        version: 1,
      });
      expect(etagVersion(res)).toBe(1);
      expect(url).toBe(`http://localhost/share/${token}`);
      // 32 random bytes, base64url.
      expect(token).toMatch(/^share_[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token.slice("share_".length), "base64url")).toHaveLength(32);

      const [row] = await db.select().from(shareLinks).where(eq(shareLinks.id, shareLink.id));
      expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
      expect(JSON.stringify(row)).not.toContain(token);

      const changes = (await roadmapActivity(db, board.roadmap.id)).filter((a) => (a.seq ?? 0) > seq);
      expect(changes).toEqual([
        {
          seq: seq + 1,
          actorId: cast.editor.user.id,
          entity: "share_link",
          entityId: shareLink.id,
          action: "created",
          changes: { audience: "product", expiresAt, tokenHint: token.slice(-4), version: 1 },
        },
      ]);
    });

    it("the url names the public origin when one is configured", async () => {
      const { url, token } = await withEnv({ AUTH_URL: "https://cairn.example.com/api/auth" }, () => share());
      expect(url).toBe(`https://cairn.example.com/share/${token}`);
    });

    it("expiresAt in the past, now, over 365 days ahead or not a timestamp: 400 on expiresAt, nothing written", async () => {
      const { db } = getCtx();
      const before = {
        seq: await roadmapSeq(db, board.roadmap.id),
        links: (await db.select().from(shareLinks)).length,
      };
      for (const expiresAt of [
        fromNow(-1),
        new Date().toISOString(),
        fromNow(366),
        "2027-01-01",
        "soon",
        12,
      ]) {
        const res = await postLink(cast.editor, board.roadmap.id, { audience: "executive", expiresAt });
        expect({ expiresAt, paths: expectInvalidRequest(res) }).toEqual({ expiresAt, paths: ["expiresAt"] });
      }
      expect({
        seq: await roadmapSeq(db, board.roadmap.id),
        links: (await db.select().from(shareLinks)).length,
      }).toEqual(before);
      const res = await postLink(cast.editor, board.roadmap.id, { audience: "board", expiresAt: fromNow(2) });
      expect(expectInvalidRequest(res)).toEqual(["audience"]);
      // 364 days is within the year.
      expect((await share({ expiresAt: fromNow(364) })).shareLink.status).toBe("active");
    });

    it("owner and editor create links; commenter and viewer 403; outsider 404; signed out 401", async () => {
      const body = { audience: "engineering", expiresAt: fromNow(7) };
      for (const who of [cast.owner, cast.editor])
        tokens.push(tokenOf(ok(await postLink(who, board.roadmap.id, body), 201).url));
      expectApiError(await postLink(cast.commenter, board.roadmap.id, body), 403, "forbidden");
      expectApiError(await postLink(cast.viewer, board.roadmap.id, body), 403, "forbidden");
      expectApiError(await postLink(cast.outsider, board.roadmap.id, body), 404, "not_found");
      expectApiError(await postLink(null, board.roadmap.id, body), 401, "unauthenticated");
    });
  });

  describe("listing and revoking", () => {
    it("lists links newest first with their status; editors only", async () => {
      const { db } = getCtx();
      const fx = await createBoardFixture(db, cast.owner.actor, board.roadmap.teamId, { title: "Listed" });
      const active = await share({}, fx.roadmap.id);
      const expired = await share({ audience: "product" }, fx.roadmap.id);
      const revoked = await share({ audience: "engineering" }, fx.roadmap.id);
      await db
        .update(shareLinks)
        .set({ expiresAt: new Date(Date.now() - 60_000) })
        .where(eq(shareLinks.id, expired.shareLink.id));
      ok(await revokeLink(cast.editor, revoked.shareLink.id));

      for (const who of [cast.owner, cast.editor]) {
        const res = await listLinks(who, fx.roadmap.id);
        const { items } = ok(res);
        expect(items.map((l: LooseJson) => [l.id, l.status])).toEqual([
          [revoked.shareLink.id, "revoked"],
          [expired.shareLink.id, "expired"],
          [active.shareLink.id, "active"],
        ]);
        for (const token of tokens) expect(res.text).not.toContain(token);
      }
      expectApiError(await listLinks(cast.commenter, fx.roadmap.id), 403, "forbidden");
      expectApiError(await listLinks(cast.viewer, fx.roadmap.id), 403, "forbidden");
      expectApiError(await listLinks(cast.outsider, fx.roadmap.id), 404, "not_found");
      expectApiError(await listLinks(null, fx.roadmap.id), 401, "unauthenticated");
    });

    it("revoking: next version, the change recorded once; revoking again answers the link unchanged", async () => {
      const { db } = getCtx();
      const { shareLink, token } = await share();
      const seq = await roadmapSeq(db, board.roadmap.id);
      const res = await revokeLink(cast.editor, shareLink.id, 1);
      const revoked = ok(res).shareLink;
      expect(revoked).toMatchObject({ id: shareLink.id, status: "revoked", version: 2 });
      expect(Date.parse(revoked.revokedAt)).not.toBeNaN();
      expect(etagVersion(res)).toBe(2);
      const [row] = await db.select().from(shareLinks).where(eq(shareLinks.id, shareLink.id));
      expect(row.revokedBy).toBe(cast.editor.user.id);

      expect(ok(await revokeLink(cast.owner, shareLink.id))).toEqual({ shareLink: revoked });
      expect(ok(await revokeLink(cast.owner, shareLink.id, 1))).toEqual({ shareLink: revoked });
      const changes = (await roadmapActivity(db, board.roadmap.id)).filter((a) => (a.seq ?? 0) > seq);
      expect(changes.map((c) => [c.entity, c.entityId, c.action, c.changes])).toEqual([
        [
          "share_link",
          shareLink.id,
          "deleted",
          {
            status: { from: "active", to: "revoked" },
            audience: "executive",
            tokenHint: token.slice(-4),
            version: 2,
          },
        ],
      ]);
      expectApiError(await sharedView(token), 410, "share_link_gone");
    });

    it("a stale If-Match: 412 with the link as it is, nothing changes", async () => {
      const { shareLink, token } = await share();
      const res = await revokeLink(cast.editor, shareLink.id, 7);
      expectApiError(res, 412, "version_mismatch");
      expect(res.json.current).toMatchObject({ id: shareLink.id, status: "active", version: 1 });
      ok(await sharedView(token));
    });

    it("only editors and owners revoke: commenter and viewer 403, outsider 404, signed out 401", async () => {
      const { shareLink, token } = await share();
      expectApiError(await revokeLink(cast.commenter, shareLink.id), 403, "forbidden");
      expectApiError(await revokeLink(cast.viewer, shareLink.id), 403, "forbidden");
      expectApiError(await revokeLink(cast.outsider, shareLink.id), 404, "not_found");
      expectApiError(await revokeLink(null, shareLink.id), 401, "unauthenticated");
      expectApiError(await revokeLink(cast.owner, "00000000-0000-4000-8000-000000000000"), 404, "not_found");
      ok(await sharedView(token));
      const theirs = await share({}, foreign.roadmap.id, cast.outsider);
      expectApiError(await revokeLink(cast.owner, theirs.shareLink.id), 404, "not_found");
    });
  });

  describe("the shared view", () => {
    /** Every way a member of the cast could be named in an answer. */
    const traces = () =>
      Object.values(cast).flatMap((u: TestUser) => [
        u.user.email,
        u.user.name,
        u.user.id,
        u.user.email.split("@")[0],
      ]);

    it("opens without sign-in: the audience's dashboard and timeline, no people, never cached or indexed", async () => {
      for (const audience of AUDIENCES) {
        const { token, shareLink } = await share({ audience });
        const res = await sharedView(token);
        const view = ok(res);
        expect(res.headers.get("cache-control")).toBe("no-store");
        expect(res.headers.get("x-robots-tag")).toBe("noindex");
        expect(res.headers.get("referrer-policy")).toBe("no-referrer");
        expect(Object.keys(view).sort()).toEqual([
          "audience",
          "dashboard",
          "expiresAt",
          "roadmap",
          "timeline",
        ]);
        expect(view).toMatchObject({
          audience,
          expiresAt: shareLink.expiresAt,
          roadmap: {
            title: "Shared plan",
            startDate: board.roadmap.startDate,
            horizonMonths: board.roadmap.horizonMonths,
          },
        });
        expect(view.dashboard.audience).toBe(audience);
        expect(view.timeline.workstreams).toEqual([
          { id: board.lane.id, name: "Platform" },
          { id: board.emptyLane.id, name: "Empty lane" },
        ]);
        expect(view.timeline.items.map((i: LooseJson) => i.title)).toEqual([
          "Fixture feature",
          "Owned feature",
          "Second feature",
          "Fixture milestone",
        ]);
        expect(view.timeline.items[0]).toEqual({
          id: board.feature.id,
          title: "Fixture feature",
          kind: "feature",
          isKey: false,
          startDate: "2027-02-01",
          endDate: "2027-02-12",
          status: "planned",
          workstreamId: board.lane.id,
          workstream: "Platform",
        });
        for (const trace of traces())
          expect({ audience, trace, found: res.text.includes(trace) }).toMatchObject({ found: false });
        for (const secret of ["Internal notes", "I doubt this fits", "Right order?"])
          expect(res.text).not.toContain(secret);
      }
    });

    it("notes the visit in lastUsedAt at most once a minute, without recording a roadmap change", async () => {
      const { db } = getCtx();
      const { token, shareLink } = await share();
      const seq = await roadmapSeq(db, board.roadmap.id);
      const lastUsed = async () =>
        (
          await db
            .select({ at: shareLinks.lastUsedAt })
            .from(shareLinks)
            .where(eq(shareLinks.id, shareLink.id))
        )[0].at;
      ok(await sharedView(token));
      const first = await lastUsed();
      expect(first).not.toBeNull();
      ok(await sharedView(token));
      expect(await lastUsed()).toEqual(first);
      const earlier = new Date(first!.getTime() - 2 * 60_000);
      await db.update(shareLinks).set({ lastUsedAt: earlier }).where(eq(shareLinks.id, shareLink.id));
      ok(await sharedView(token));
      expect((await lastUsed())!.getTime()).toBeGreaterThan(earlier.getTime() + 60_000);
      expect(await roadmapSeq(db, board.roadmap.id)).toBe(seq);
      const listed = ok(await listLinks(cast.editor, board.roadmap.id)).items.find(
        (l: LooseJson) => l.id === shareLink.id,
      );
      expect(listed.lastUsedAt).toBe((await lastUsed())!.toISOString());
    });

    it("a guessed token or any garbage: 404, on the view and the calendar", async () => {
      const garbage = [
        newSecret("share"),
        "a",
        "share_",
        "x".repeat(43),
        "y".repeat(5_000),
        "../../etc/passwd",
        "tok en",
        "%00",
        "é",
      ];
      for (const token of garbage) {
        expectApiError(await sharedView(token), 404, "not_found");
        expectApiError(await sharedCalendar(token), 404, "not_found");
      }
      // A real token with one character changed names nothing either.
      const { token } = await share();
      const altered = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
      expectApiError(await sharedView(altered), 404, "not_found");
    });

    it("expired: 410 share_link_gone naming the date; the service takes the moment to judge by", async () => {
      const { db } = getCtx();
      const expiresAt = fromNow(1);
      const { token, shareLink } = await share({ expiresAt });
      const at = new Date(Date.parse(expiresAt) + 1_000);
      const error = await loadSharedView(db, token, at).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("share_link_gone");
      expect(await loadSharedView(db, token, new Date(Date.parse(expiresAt) - 1_000))).toMatchObject({
        audience: "executive",
      });

      const past = new Date(Date.now() - 3 * DAY_MS);
      await db.update(shareLinks).set({ expiresAt: past }).where(eq(shareLinks.id, shareLink.id));
      for (const res of [await sharedView(token), await sharedCalendar(token)]) {
        expectApiError(res, 410, "share_link_gone");
        expect(res.json.error.message).toBe(
          `This share link expired on ${past.toISOString().slice(0, 10)}. Ask the roadmap's owner for a new one.`,
        );
        expect(res.json.error.details).toEqual({ reason: "expired", expiresAt: past.toISOString() });
      }
    });

    it("revoked: 410 saying so, on the view and the calendar", async () => {
      const { token, shareLink } = await share();
      ok(await revokeLink(cast.editor, shareLink.id));
      for (const res of [await sharedView(token), await sharedCalendar(token)]) {
        expectApiError(res, 410, "share_link_gone");
        expect(res.json.error.message).toContain("was revoked");
        expect(res.json.error.details).toEqual({ reason: "revoked" });
      }
    });

    it("the roadmap deleted: 410", async () => {
      const { db } = getCtx();
      const fx = await createBoardFixture(db, cast.owner.actor, board.roadmap.teamId, { title: "Doomed" });
      const { token } = await share({}, fx.roadmap.id);
      ok(await sharedView(token));
      await deleteRoadmap(db, cast.owner.actor, fx.roadmap.id, fx.roadmap.version);
      for (const res of [await sharedView(token), await sharedCalendar(token)]) {
        expectApiError(res, 410, "share_link_gone");
        expect(res.json.error.details).toEqual({ reason: "roadmap_deleted" });
      }
    });

    it("the calendar feed: iCalendar text, not cached, not indexed, naming nobody", async () => {
      const { token } = await share({ audience: "engineering" });
      const res = await sharedCalendar(token);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("x-robots-tag")).toBe("noindex");
      expect(res.text.startsWith("BEGIN:VCALENDAR")).toBe(true);
      expect(res.text).toContain("Shared plan");
      for (const trace of traces().filter((t) => t.includes("@"))) expect(res.text).not.toContain(trace);
    });
  });

  it("no token ever appears in a list, the activity log or its API", async () => {
    const { db } = getCtx();
    expect(tokens.length).toBeGreaterThan(10);
    const answers: ApiResponse[] = [
      await listLinks(cast.owner, board.roadmap.id),
      await api("GET /api/roadmaps/{roadmapId}/activity", {
        params: { roadmapId: board.roadmap.id },
        token: cast.owner.token,
      }),
    ];
    const rows = JSON.stringify(await db.select().from(activity));
    for (const token of tokens) {
      for (const res of answers) expect(res.text).not.toContain(token);
      expect(rows).not.toContain(token);
      expect(rows).not.toContain(token.slice(6, 30));
    }
  });
});

import { beforeAll, beforeEach, expect, it, vi } from "vitest";
import { createComment } from "@/lib/services/comments/create";
import { updateComment } from "@/lib/services/comments/update";
import { api } from "../helpers/api";
import { expectApiError } from "../helpers/assertions";
import { describeEachDatabase } from "../helpers/database";
import { createTeamWithMembers, createUser, type TestUser } from "../helpers/fixtures";
import { createBoardFixture, type BoardFixture } from "../helpers/timeline";

// What happened, in order: the body's mention scan, and the roadmap lock being asked for.
const events = vi.hoisted(() => [] as string[]);

vi.mock("@/lib/collaboration/mention-tokens", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/collaboration/mention-tokens")>();
  return {
    ...actual,
    findMentionTokens: (body: string) => {
      events.push("scan");
      return actual.findMentionTokens(body);
    },
  };
});

vi.mock("@/lib/services/kernel/roadmap-access", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/services/kernel/roadmap-access")>();
  return {
    ...actual,
    accessRoadmap: (...args: Parameters<typeof actual.accessRoadmap>) => {
      if (args[4]?.lock) events.push("lock");
      return actual.accessRoadmap(...args);
    },
  };
});

describeEachDatabase("comment mentions are scanned before the roadmap lock", (getCtx) => {
  let owner: TestUser;
  let outsider: TestUser;
  let board: BoardFixture;

  beforeAll(async () => {
    const { db } = getCtx();
    [owner, outsider] = await Promise.all([createUser(db, "owner"), createUser(db, "outsider")]);
    const team = await createTeamWithMembers(db, owner);
    board = await createBoardFixture(db, owner.actor, team.id);
  });

  beforeEach(() => {
    events.length = 0;
  });

  it("creating and editing a comment scan its body first, then take the lock", async () => {
    const { db } = getCtx();
    const comment = await createComment(db, owner.actor, board.feature.id, {
      body: `cc @${owner.user.email}`,
    });
    expect(events).toEqual(["scan", "lock"]);
    expect(comment.mentions.map((m) => m.id)).toEqual([owner.user.id]);
    events.length = 0;
    await updateComment(db, owner.actor, comment.id, comment.version, { body: "no one now" });
    expect(events).toEqual(["scan", "lock"]);
  });

  it("a hostile 10,000-character body with mentions is posted quickly, its mention resolved", async () => {
    const body =
      `@${owner.user.email} ${"@a.".repeat(1_000)}${"`a".repeat(1_000)}${"@x".padEnd(5_000, ".")}`.slice(
        0,
        10_000,
      );
    const started = performance.now();
    const res = await api("POST /api/items/{itemId}/comments", {
      params: { itemId: board.feature.id },
      token: owner.token,
      json: { body },
    });
    const elapsed = performance.now() - started;
    expect(res.status).toBe(201);
    expect(res.json.comment.mentions.map((m: { id: string }) => m.id)).toEqual([owner.user.id]);
    // Generous: a loaded machine; the scan itself is about a millisecond (unit tests).
    expect(elapsed).toBeLessThan(5_000);
  });

  it("an outsider naming an unknown address learns nothing: 404, not 422", async () => {
    const res = await api("POST /api/items/{itemId}/comments", {
      params: { itemId: board.feature.id },
      token: outsider.token,
      json: { body: "@nobody@nowhere.test hello" },
    });
    expectApiError(res, 404, "not_found");
  });
});

import { beforeAll, beforeEach, expect, it } from "vitest";
import { updateItem } from "@/lib/services/items/update";
import { createShareLink, revokeShareLink } from "@/lib/services/share-links/share-links";
import { clearSharedViewCache, sharedViewLoad } from "@/lib/services/share-links/shared-view";
import { api, type LooseJson } from "../helpers/api";
import { expectApiError } from "../helpers/assertions";
import { describeEachDatabase } from "../helpers/database";
import { createTeamWithMembers, createUser, type TestUser } from "../helpers/fixtures";
import { createBoardFixture, type BoardFixture } from "../helpers/timeline";

const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString();
const tokenOf = (url: string) => decodeURIComponent(new URL(url).pathname.split("/").pop()!);
const view = (token: string) => api("GET /api/share/{token}", { params: { token } });
const titles = (body: LooseJson) => body.timeline.items.map((i: LooseJson) => i.title).sort();

describeEachDatabase("share views cached per roadmap change", (getCtx) => {
  let owner: TestUser;
  let board: BoardFixture;
  const links: Record<"first" | "second" | "engineering", { id: string; token: string; version: number }> =
    {} as never;

  beforeAll(async () => {
    const { db } = getCtx();
    owner = await createUser(db, "owner");
    const team = await createTeamWithMembers(db, owner);
    board = await createBoardFixture(db, owner.actor, team.id, { title: "Cached plan" });
    const make = async (audience: "executive" | "engineering") => {
      const { shareLink, url } = await createShareLink(
        db,
        owner.actor,
        board.roadmap.id,
        { audience, expiresAt: inAMonth() },
        "http://localhost",
      );
      return { id: shareLink.id, token: tokenOf(url), version: shareLink.version };
    };
    links.first = await make("executive");
    links.second = await make("executive");
    links.engineering = await make("engineering");
  });

  beforeEach(() => clearSharedViewCache());

  const computed = () => sharedViewLoad().computations;

  it("hit again and again, concurrently or not, a link's view is computed once", async () => {
    const before = computed();
    const burst = await Promise.all(Array.from({ length: 10 }, () => view(links.first.token)));
    for (let i = 0; i < 10; i++) burst.push(await view(links.first.token));
    expect(burst.every((res) => res.status === 200)).toBe(true);
    expect(new Set(burst.map((res) => res.text)).size).toBe(1);
    expect(computed() - before).toBe(1);
  });

  it("links of one audience share the view, each with its own expiry; another audience has its own", async () => {
    const before = computed();
    const first = await view(links.first.token);
    const second = await view(links.second.token);
    expect(computed() - before).toBe(1);
    expect(second.json.dashboard).toEqual(first.json.dashboard);
    expect(second.json.expiresAt).not.toBe(first.json.expiresAt);
    const engineering = await view(links.engineering.token);
    expect(engineering.json.audience).toBe("engineering");
    expect(engineering.json.dashboard.audience).toBe("engineering");
    expect(computed() - before).toBe(2);
  });

  it("a change to the roadmap is seen at once: the next hit computes the view again, once", async () => {
    const { db } = getCtx();
    const before = computed();
    expect(titles((await view(links.first.token)).json)).toContain("Fixture feature");
    const item = await updateItem(db, owner.actor, board.feature.id, board.feature.version, {
      title: "Renamed",
    });
    board.feature = item;
    const after = await Promise.all(Array.from({ length: 5 }, () => view(links.first.token)));
    expect(titles(after[0].json)).toContain("Renamed");
    expect(titles(after[0].json)).not.toContain("Fixture feature");
    expect(computed() - before).toBe(2);
  });

  it("the link itself is checked on every hit: revoked, its cached view is no longer served", async () => {
    const { db } = getCtx();
    expect((await view(links.second.token)).status).toBe(200);
    await revokeShareLink(db, owner.actor, links.second.id, links.second.version);
    expectApiError(await view(links.second.token), 410, "share_link_gone");
    expect((await view(links.first.token)).status).toBe(200);
    expectApiError(await view("share_not-a-real-token"), 404, "not_found");
  });
});

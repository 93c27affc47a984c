import { request } from "./fixture-calls";
import { addMember, buildTeam, type FuzzCast } from "./team-fixture";
import type { FuzzWorld, Send } from "./wire";

export type { CastMember, FuzzCast } from "./team-fixture";

/** The whole world: the cast's team (own ids) and the outsider's (foreign ids). */
export async function buildWorld(send: Send, cast: FuzzCast, label: string): Promise<FuzzWorld> {
  const own = await buildTeam(send, cast, `${label} own`);
  own.apiToken = cast.spareTokenIds;
  const foreign = await buildTeam(send, { owner: cast.outsider }, `${label} foreign`);
  const { outsider, owner, editor, commenter, viewer } = cast;
  return {
    pools: { own, foreign },
    tokens: {
      owner: owner.token,
      editor: editor.token,
      commenter: commenter.token,
      viewer: viewer.token,
      outsider: outsider.token,
    },
    cookies: cast.cookies,
  };
}

export type Mending = "intact" | "mended" | "rebuilt";

const MEMBER_ROLES = ["owner", "editor", "commenter", "viewer"] as const;

/** The team's roles by user id as the first cast member who can still read them sees them. */
async function readRoles(
  send: Send,
  cast: FuzzCast,
  teamId: string,
): Promise<Map<string, string> | undefined> {
  for (const role of MEMBER_ROLES) {
    const res = await request(send, cast[role].token, "GET", "/api/teams/{teamId}/members", { teamId });
    if (res.status === 200)
      return new Map(
        (res.json.items as { user: { id: string }; role: string }[]).map((m) => [m.user.id, m.role]),
      );
  }
  return undefined;
}

/** Gives every cast member their role back, acting as whoever is an owner now; false if nobody is. */
async function restoreRoles(
  send: Send,
  cast: FuzzCast,
  teamId: string,
  roles: Map<string, string>,
): Promise<boolean> {
  const actingOwner = MEMBER_ROLES.map((r) => cast[r]).find((m) => roles.get(m.userId) === "owner");
  if (!actingOwner) return false;
  // The owner first: the others' roles are then changed by the owner themself.
  for (const role of MEMBER_ROLES) {
    const m = cast[role];
    const current = roles.get(m.userId);
    if (current === role) continue;
    const by = role === "owner" ? actingOwner.token : cast.owner.token;
    if (current) {
      const back = await request(
        send,
        by,
        "PATCH",
        "/api/teams/{teamId}/members/{userId}",
        { teamId, userId: m.userId },
        { role },
      );
      if (back.status !== 200)
        throw new Error(`Fuzz fixture: could not give ${role} their role back: ${back.text}`);
    } else {
      await addMember(send, by, teamId, m, role);
    }
  }
  return true;
}

/**
 * Puts the world back after a successful fuzzed write that may have broken it: members whose role
 * changed get it back (an owner who handed ownership on included), removed members are invited
 * again, a deleted main roadmap is restored; only a deleted team is built afresh. Three cheap
 * reads when nothing is wrong.
 */
export async function mendWorld(send: Send, world: FuzzWorld, cast: FuzzCast): Promise<Mending> {
  let result: Mending = "intact";
  const teamId = world.pools.own.team![0];
  const roles = await readRoles(send, cast, teamId);
  const intact = roles && MEMBER_ROLES.every((r) => roles.get(cast[r].userId) === r);
  if (!intact) {
    if (roles && (await restoreRoles(send, cast, teamId, roles))) result = "mended";
    else {
      world.pools.own = {
        ...(await buildTeam(send, cast, `rebuilt ${Date.now()}`)),
        apiToken: cast.spareTokenIds,
      };
      return "rebuilt";
    }
  }
  const roadmapId = world.pools.own.roadmap![0];
  const roadmap = await request(send, cast.owner.token, "GET", "/api/roadmaps/{roadmapId}/phases", {
    roadmapId,
  });
  if (roadmap.status === 404) {
    result = "mended";
    const restored = await request(send, cast.owner.token, "POST", "/api/roadmaps/{roadmapId}/restore", {
      roadmapId,
    });
    if (restored.status !== 200)
      throw new Error(`Fuzz fixture: could not restore the roadmap: ${restored.text}`);
  }
  const foreignTeam = world.pools.foreign.team![0];
  const foreign = await request(send, cast.outsider.token, "GET", "/api/teams/{teamId}", {
    teamId: foreignTeam,
  });
  if (foreign.status !== 200) {
    world.pools.foreign = await buildTeam(send, { owner: cast.outsider }, `foreign ${Date.now()}`);
    result = "rebuilt";
  }
  return result;
}

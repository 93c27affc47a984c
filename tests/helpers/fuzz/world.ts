import { addMember, buildTeam, request, type FuzzCast } from "./team-fixture";
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
    tokens: { owner: owner.token, editor: editor.token, commenter: commenter.token, viewer: viewer.token, outsider: outsider.token },
    cookies: cast.cookies,
  };
}

export type Mending = "intact" | "mended" | "rebuilt";

const ROLES = ["editor", "commenter", "viewer"] as const;

/**
 * Puts the world back after a successful fuzzed write that may have broken it: members whose role
 * changed get it back, removed members are invited again, a deleted main roadmap is restored; a
 * deleted team (or an owner who is one no more) means building a fresh team. Three cheap reads
 * when nothing is wrong.
 */
export async function mendWorld(send: Send, world: FuzzWorld, cast: FuzzCast): Promise<Mending> {
  let result: Mending = "intact";
  const owner = cast.owner.token;
  const teamId = world.pools.own.team![0];
  const members = await request(send, owner, "GET", "/api/teams/{teamId}/members", { teamId });
  const roles = new Map<string, string>(
    members.status === 200 ? (members.json.items as { user: { id: string }; role: string }[]).map((m) => [m.user.id, m.role]) : [],
  );
  if (roles.get(cast.owner.userId) !== "owner") {
    world.pools.own = { ...(await buildTeam(send, cast, `rebuilt ${Date.now()}`)), apiToken: cast.spareTokenIds };
    return "rebuilt";
  }
  for (const role of ROLES) {
    const m = cast[role];
    const current = roles.get(m.userId);
    if (current === role) continue;
    result = "mended";
    if (current) {
      const back = await request(send, owner, "PATCH", "/api/teams/{teamId}/members/{userId}", { teamId, userId: m.userId }, { role });
      if (back.status !== 200) throw new Error(`Fuzz fixture: could not give ${role} their role back: ${back.text}`);
    } else {
      await addMember(send, owner, teamId, m, role);
    }
  }
  const roadmapId = world.pools.own.roadmap![0];
  const roadmap = await request(send, owner, "GET", "/api/roadmaps/{roadmapId}/phases", { roadmapId });
  if (roadmap.status === 404) {
    result = "mended";
    const restored = await request(send, owner, "POST", "/api/roadmaps/{roadmapId}/restore", { roadmapId });
    if (restored.status !== 200) throw new Error(`Fuzz fixture: could not restore the roadmap: ${restored.text}`);
  }
  const foreignTeam = world.pools.foreign.team![0];
  const foreign = await request(send, cast.outsider.token, "GET", "/api/teams/{teamId}", { teamId: foreignTeam });
  if (foreign.status !== 200) {
    world.pools.foreign = await buildTeam(send, { owner: cast.outsider }, `foreign ${Date.now()}`);
    result = "rebuilt";
  }
  return result;
}

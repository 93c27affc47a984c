import { addDays, FIXTURE_START } from "./schema-values";
import type { IdKind } from "./values";
import { call } from "./fixture-calls";
import type { FuzzWorld, Send } from "./wire";

/** A signed-up person the fixture is built with. */
export interface CastMember {
  userId: string;
  email: string;
  token: string;
}

export interface FuzzCast {
  owner: CastMember;
  editor: CastMember;
  commenter: CastMember;
  viewer: CastMember;
  /** Member of none of the cast's teams; owns the "foreign" team. */
  outsider: CastMember;
  /** Valid session `Cookie` headers, where the caller can make them. */
  cookies: FuzzWorld["cookies"];
  /**
   * Tokens the fuzzer may revoke: only these are offered as {tokenId}, so that revoking one never
   * takes away an identity the run depends on.
   */
  spareTokenIds: string[];
}

export type Pools = Partial<Record<IdKind, string[]>>;
const add = (pools: Pools, kind: IdKind, ...ids: string[]) =>
  (pools[kind] = [...(pools[kind] ?? []), ...ids]);

/** Invites a cast member into a team with a role, and accepts as them. */
export async function addMember(send: Send, ownerToken: string, teamId: string, m: CastMember, role: string) {
  const inv = await call(
    send,
    ownerToken,
    "POST",
    "/api/teams/{teamId}/invitations",
    { teamId },
    { email: m.email, role },
  );
  const token = decodeURIComponent(new URL(inv.acceptUrl).pathname.split("/").pop()!);
  await call(send, m.token, "POST", "/api/invitations/accept", {}, { token });
}

/**
 * A team with everything the API can act on, made through the API itself (so it works in-process
 * and over HTTP alike): members in every role, a pending invitation, skills, a roadmap with lanes,
 * items, links, a deleted item and roadmap, risks, staffing, cadence, phases with a gate, a thread
 * with a mention, a snapshot, a review, a feedback round with an answer, a share link and a scenario.
 */
export async function buildTeam(
  send: Send,
  members: { owner: CastMember } & Partial<Record<"editor" | "commenter" | "viewer", CastMember>>,
  label: string,
): Promise<Pools> {
  const pools: Pools = {};
  const owner = members.owner.token;
  const as = (m?: CastMember) => m?.token ?? owner;
  const { team } = await call(send, owner, "POST", "/api/teams", {}, { name: `Fuzz ${label}` });
  const teamId = team.id as string;
  add(pools, "team", teamId);
  add(pools, "user", members.owner.userId);
  for (const role of ["editor", "commenter", "viewer"] as const) {
    const m = members[role];
    if (!m) continue;
    await addMember(send, owner, teamId, m, role);
    add(pools, "user", m.userId);
  }
  const pending = await call(
    send,
    owner,
    "POST",
    "/api/teams/{teamId}/invitations",
    { teamId },
    {
      email: `fuzz-pending-${label.replace(/\W+/g, "-")}-${Date.now()}@example.test`,
      role: "commenter",
    },
  );
  add(pools, "invitation", pending.invitation.id);
  for (const name of ["Backend", "Frontend"]) {
    add(
      pools,
      "skill",
      (await call(send, owner, "POST", "/api/teams/{teamId}/skills", { teamId }, { name })).skill.id,
    );
  }
  const [backend] = pools.skill!;

  const newRoadmap = async (title: string) =>
    (
      await call(
        send,
        owner,
        "POST",
        "/api/teams/{teamId}/roadmaps",
        { teamId },
        { title, startDate: FIXTURE_START, horizonMonths: 15 },
      )
    ).roadmap;
  const roadmap = await newRoadmap("Fuzzed roadmap");
  const roadmapId = roadmap.id as string;
  const p = { roadmapId };
  add(pools, "roadmap", roadmapId);
  const deletedRoadmap = await newRoadmap("Deleted roadmap");
  await call(
    send,
    owner,
    "DELETE",
    "/api/roadmaps/{roadmapId}",
    { roadmapId: deletedRoadmap.id },
    undefined,
    deletedRoadmap.version,
  );
  add(pools, "roadmap", deletedRoadmap.id);

  for (const name of ["Platform", "Empty lane"]) {
    add(
      pools,
      "workstream",
      (await call(send, owner, "POST", "/api/roadmaps/{roadmapId}/workstreams", p, { name })).workstream.id,
    );
  }
  const item = async (body: object) =>
    (await call(send, owner, "POST", "/api/roadmaps/{roadmapId}/items", p, body)).item;
  const estimate = { optimisticHours: 20, likelyHours: 40, pessimisticHours: 80 };
  const a = await item({
    kind: "feature",
    title: "Ledger",
    startDate: addDays(FIXTURE_START, 28),
    endDate: addDays(FIXTURE_START, 39),
    workstreamId: pools.workstream![0],
    estimate,
    skills: [{ skillId: backend, hours: 40 }],
    ownerId: members.owner.userId,
  });
  const b = await item({
    kind: "feature",
    title: "Checkout",
    startDate: addDays(FIXTURE_START, 56),
    endDate: addDays(FIXTURE_START, 67),
    estimate,
  });
  const m = await item({
    kind: "milestone",
    title: "Launch",
    startDate: addDays(FIXTURE_START, 90),
    endDate: addDays(FIXTURE_START, 90),
    outcome: "Customers pay by card",
    isKey: true,
  });
  const gone = await item({
    kind: "feature",
    title: "Dropped",
    startDate: addDays(FIXTURE_START, 7),
    endDate: addDays(FIXTURE_START, 9),
  });
  await call(send, owner, "DELETE", "/api/items/{itemId}", { itemId: gone.id }, undefined, gone.version);
  add(pools, "item", a.id, b.id, m.id, gone.id);
  for (const [fromId, toId] of [
    [a.id, b.id],
    [b.id, m.id],
  ]) {
    add(
      pools,
      "dependency",
      (
        await call(send, owner, "POST", "/api/roadmaps/{roadmapId}/dependencies", p, {
          fromId,
          toId,
          lagDays: 1,
        })
      ).dependency.id,
    );
  }
  const risk = await call(send, owner, "POST", "/api/roadmaps/{roadmapId}/risks", p, {
    title: "Vendor late",
    kind: "external",
    likelihood: 4,
    impact: 4,
    itemIds: [a.id],
  });
  add(pools, "risk", risk.risk.id);
  const logged = await call(
    send,
    owner,
    "POST",
    "/api/items/{itemId}/time-entries",
    { itemId: a.id },
    {
      on: "2026-11-02",
      hours: 2.5,
    },
  );
  add(pools, "timeEntry", logged.timeEntry.id);
  const staffing = await call(send, owner, "GET", "/api/roadmaps/{roadmapId}/staffing", p);
  await call(
    send,
    owner,
    "PUT",
    "/api/roadmaps/{roadmapId}/staffing",
    p,
    { rows: [{ skillId: backend, quarter: "2027-Q1", headcount: 2, hoursPerWeek: 30 }] },
    staffing.staffing.version,
  );
  await call(send, owner, "PUT", "/api/roadmaps/{roadmapId}/cadence", p, {
    rules: [{ audience: "executive", every: "1m", nextOn: addDays(FIXTURE_START, 30) }],
  });
  const phase = await call(send, owner, "POST", "/api/roadmaps/{roadmapId}/phases", p, {
    name: "Build",
    startDate: FIXTURE_START,
    endDate: addDays(FIXTURE_START, 60),
    gate: { title: "Go live?", outcome: "Ledger in production" },
  });
  add(pools, "phase", phase.phase.id);

  const thread = await call(
    send,
    as(members.commenter),
    "POST",
    "/api/items/{itemId}/comments",
    { itemId: a.id },
    { body: `Is this feasible, @${members.owner.email}?`, feasibility: "concerns" },
  );
  const reply = await call(
    send,
    as(members.editor),
    "POST",
    "/api/items/{itemId}/comments",
    { itemId: a.id },
    { body: "Yes, with one more engineer.", parentId: thread.comment.id },
  );
  add(pools, "comment", thread.comment.id, reply.comment.id);
  const notes = await call(send, owner, "GET", "/api/notifications", {});
  add(pools, "notification", ...(notes.items as { id: string }[]).map((n) => n.id));

  add(
    pools,
    "snapshot",
    (await call(send, owner, "POST", "/api/roadmaps/{roadmapId}/snapshots", p, { label: "Baseline" }))
      .snapshot.id,
  );
  await call(send, owner, "POST", "/api/roadmaps/{roadmapId}/reviews", p, {
    audience: "executive",
    heldOn: new Date().toISOString().slice(0, 10),
    notes: "Kept the date",
    decisions: ["Hire"],
  });
  const closesOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const round = await call(send, owner, "POST", "/api/roadmaps/{roadmapId}/feedback-rounds", p, {
    question: "Right order?",
    audience: "product",
    closesOn,
  });
  add(pools, "round", round.round.id);
  await call(
    send,
    as(members.commenter),
    "POST",
    "/api/feedback-rounds/{roundId}/responses",
    { roundId: round.round.id },
    { itemId: a.id, rating: 4, text: "Mostly" },
  );
  const share = await call(send, owner, "POST", "/api/roadmaps/{roadmapId}/share-links", p, {
    audience: "executive",
    expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  });
  add(pools, "shareLink", share.shareLink.id);
  add(pools, "shareToken", decodeURIComponent(new URL(share.url).pathname.split("/").pop()!));
  // A webhook to a loopback port nothing listens on: allowed for the fixture alone (the fuzzed calls
  // run without the allowance, so their URLs face the unsafe-address check).
  const allowance = process.env.CAIRN_WEBHOOK_ALLOW_PRIVATE;
  process.env.CAIRN_WEBHOOK_ALLOW_PRIVATE = "1";
  try {
    const hook = await call(
      send,
      owner,
      "POST",
      "/api/teams/{teamId}/webhooks",
      { teamId },
      {
        url: "http://127.0.0.1:9/cairn-fuzz",
        events: ["item.created"],
      },
    );
    add(pools, "webhook", hook.webhook.id);
  } finally {
    if (allowance === undefined) delete process.env.CAIRN_WEBHOOK_ALLOW_PRIVATE;
    else process.env.CAIRN_WEBHOOK_ALLOW_PRIVATE = allowance;
  }
  const scenario = await call(send, owner, "POST", "/api/roadmaps/{roadmapId}/scenarios", p, {
    name: "What if",
  });
  add(pools, "scenario", scenario.scenario.roadmap.id);
  add(pools, "roadmap", scenario.scenario.roadmap.id);
  return pools;
}

import { randomUUID } from "node:crypto";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/types";
import { apiTokens, invitations, memberships, skills, teams } from "@/db/schema";
import { registerUser } from "@/lib/services/accounts/credentials";
import type { Actor } from "@/lib/services/kernel/actor";
import { acceptInvitation, createInvitation } from "@/lib/services/teams/invitations";
import { createSkill } from "@/lib/services/staffing/skills";
import { createTeam } from "@/lib/services/teams/teams";
import { createToken } from "@/lib/services/accounts/tokens";
import type { User } from "@/lib/validation/accounts";
import type { Role } from "@/lib/validation/common";
import type { Team } from "@/lib/validation/teams";

export const TEST_PASSWORD = "correct horse battery";

export interface TestUser {
  user: User;
  actor: Actor;
  /** A personal API token secret for Authorization: Bearer. */
  token: string;
  tokenId: string;
}

/** An address nobody else in the run uses. */
export function uniqueEmail(label = "user"): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.test`;
}

/** Registers a user through the accounts service (argon2: ~50-100 ms) and mints an API token. */
export async function createUser(
  db: Database,
  label = "user",
  options: { email?: string; name?: string } = {},
) {
  const user = await registerUser(db, {
    email: options.email ?? uniqueEmail(label),
    name: options.name ?? `${label[0].toUpperCase()}${label.slice(1)} Tester`,
    password: TEST_PASSWORD,
  });
  const actor: Actor = { userId: user.id, email: user.email, name: user.name, via: "token" };
  const { token, secret } = await createToken(db, actor, { name: `${label} token` });
  return { user, actor, token: secret, tokenId: token.id } satisfies TestUser;
}

/**
 * Creates a team owned by `owner` (through the teams service) and adds the members. By default the
 * membership rows are written directly, which is what accepting an invitation leaves behind and
 * much faster; `via: "invitation"` goes through createInvitation + acceptInvitation instead.
 */
export async function createTeamWithMembers(
  db: Database,
  owner: TestUser,
  members: { member: TestUser; role: Role }[] = [],
  options: { name?: string; via?: "direct" | "invitation" } = {},
): Promise<Team> {
  const team = await createTeam(db, owner.actor, {
    name: options.name ?? `Team ${randomUUID().slice(0, 6)}`,
  });
  if (options.via === "invitation") {
    for (const { member, role } of members) {
      const { token } = await createInvitation(db, owner.actor, team.id, { email: member.user.email, role });
      await acceptInvitation(db, member.actor, token);
    }
  } else if (members.length > 0) {
    await db
      .insert(memberships)
      .values(members.map(({ member, role }) => ({ teamId: team.id, userId: member.user.id, role })));
  }
  return team;
}

/** One user per role plus an outsider and a spare member to act on: the cast of the role tables. */
export interface Cast {
  owner: TestUser;
  editor: TestUser;
  commenter: TestUser;
  viewer: TestUser;
  /** Signed in, but member of none of the cast's teams. */
  outsider: TestUser;
  /** A second viewer, the one that member routes act on. */
  target: TestUser;
}

export async function createCast(db: Database): Promise<Cast> {
  const [owner, editor, commenter, viewer, outsider, target] = await Promise.all(
    ["owner", "editor", "commenter", "viewer", "outsider", "target"].map((label) => createUser(db, label)),
  );
  return { owner, editor, commenter, viewer, outsider, target };
}

export interface CastTeam {
  team: Team;
  /** A pending invitation, for the routes that list or withdraw invitations. */
  pendingInvitationId: string;
}

/** A fresh team with the whole cast in their roles, one pending invitation and one skill. */
export async function createCastTeam(
  db: Database,
  cast: Cast,
  via: "direct" | "invitation" = "direct",
): Promise<CastTeam> {
  const team = await createTeamWithMembers(
    db,
    cast.owner,
    [
      { member: cast.editor, role: "editor" },
      { member: cast.commenter, role: "commenter" },
      { member: cast.viewer, role: "viewer" },
      { member: cast.target, role: "viewer" },
    ],
    { via },
  );
  const { invitation } = await createInvitation(db, cast.owner.actor, team.id, {
    email: uniqueEmail("pending"),
    role: "commenter",
  });
  await createSkill(db, cast.owner.actor, team.id, { name: "Backend" });
  return { team, pendingInvitationId: invitation.id };
}

/** Everything a team route can change, read straight from the tables, for before/after comparisons. */
export async function teamState(db: Database, teamId: string) {
  const [team] = await db
    .select({ name: teams.name, slug: teams.slug, version: teams.version })
    .from(teams)
    .where(eq(teams.id, teamId));
  const members = await db
    .select({ userId: memberships.userId, role: memberships.role, version: memberships.version })
    .from(memberships)
    .where(eq(memberships.teamId, teamId))
    .orderBy(asc(memberships.userId));
  const invites = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
    })
    .from(invitations)
    .where(eq(invitations.teamId, teamId))
    .orderBy(asc(invitations.id));
  const skillNames = await db
    .select({ name: skills.name })
    .from(skills)
    .where(eq(skills.teamId, teamId))
    .orderBy(asc(skills.name));
  return { team: team ?? null, members, invitations: invites, skills: skillNames.map((s) => s.name) };
}

/** The live (not revoked) tokens of a user, from the table. */
export async function liveTokenIds(db: Database, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: apiTokens.id })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(asc(apiTokens.id));
  return rows.map((r) => r.id);
}

/** The invitation token inside an acceptUrl (".../invite/<token>"). */
export function tokenFromAcceptUrl(acceptUrl: string): string {
  const token = new URL(acceptUrl).pathname.split("/").pop();
  if (!token) throw new Error(`No token in ${acceptUrl}`);
  return decodeURIComponent(token);
}

/** Sets environment variables for the duration of `run`, restoring the previous values after. */
export async function withEnv<T>(
  vars: Record<string, string | undefined>,
  run: () => Promise<T>,
): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  apply(vars);
  try {
    return await run();
  } finally {
    apply(saved);
  }
}

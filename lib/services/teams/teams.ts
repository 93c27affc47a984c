import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/db/types";
import { memberships, teams } from "@/db/schema";
import { publishRevocation } from "@/lib/services/kernel/live-events";
import type { TeamSummary } from "@/lib/validation/accounts";
import type { Role } from "@/lib/validation/common";
import type { Team } from "@/lib/validation/teams";
import type { Actor } from "@/lib/services/kernel/actor";
import { recordActivity } from "@/lib/services/kernel/activity";
import { requirePermission } from "@/lib/services/kernel/authorization";
import { isUniqueViolation, notFound, versionMismatch } from "@/lib/services/kernel/errors";
import { slugify } from "@/lib/services/kernel/slug";

type TeamRow = typeof teams.$inferSelect;

export const toTeam = (t: TeamRow): Team => ({
  id: t.id,
  name: t.name,
  slug: t.slug,
  version: t.version,
  createdAt: t.createdAt.toISOString(),
});

export async function createTeam(db: Database, actor: Actor, input: { name: string }): Promise<Team> {
  const base = slugify(input.name) || "team";
  for (let attempt = 0; ; attempt++) {
    const slug = attempt === 0 ? base : `${base}-${Math.random().toString(36).slice(2, 7)}`;
    try {
      return await db.transaction(async (tx) => {
        const [team] = await tx.insert(teams).values({ name: input.name, slug }).returning();
        await tx.insert(memberships).values({ teamId: team.id, userId: actor.userId, role: "owner" });
        await recordActivity(tx, {
          teamId: team.id,
          actorId: actor.userId,
          entity: "team",
          entityId: team.id,
          action: "created",
          changes: { name: team.name },
        });
        return toTeam(team);
      });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 5) throw error;
    }
  }
}

export async function listTeamsForUser(db: Database, userId: string): Promise<TeamSummary[]> {
  return db
    .select({ id: teams.id, name: teams.name, slug: teams.slug, role: memberships.role })
    .from(memberships)
    .innerJoin(teams, eq(teams.id, memberships.teamId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(teams.name));
}

export async function getTeam(
  db: Database,
  actor: Actor,
  teamId: string,
): Promise<{ team: Team; role: Role }> {
  const role = await requirePermission(db, actor, teamId, "team.read");
  const [team] = await db.select().from(teams).where(eq(teams.id, teamId)).limit(1);
  if (!team) throw notFound("team");
  return { team: toTeam(team), role };
}

/** For pages addressed by slug: resolves the team, then checks membership like every other read. */
export async function getTeamBySlug(db: Database, actor: Actor, slug: string) {
  const [team] = await db.select({ id: teams.id }).from(teams).where(eq(teams.slug, slug)).limit(1);
  if (!team) throw notFound("team");
  return getTeam(db, actor, team.id);
}

async function currentTeam(db: Database, teamId: string): Promise<Team> {
  const [team] = await db.select().from(teams).where(eq(teams.id, teamId)).limit(1);
  if (!team) throw notFound("team");
  return toTeam(team);
}

export async function updateTeam(
  db: Database,
  actor: Actor,
  teamId: string,
  expectedVersion: number,
  input: { name: string },
): Promise<Team> {
  await requirePermission(db, actor, teamId, "team.manage");
  return db.transaction(async (tx) => {
    const [team] = await tx
      .update(teams)
      .set({ name: input.name, version: expectedVersion + 1, updatedAt: new Date() })
      .where(and(eq(teams.id, teamId), eq(teams.version, expectedVersion)))
      .returning();
    if (!team) throw versionMismatch("team", await currentTeam(tx, teamId));
    await recordActivity(tx, {
      teamId,
      actorId: actor.userId,
      entity: "team",
      entityId: teamId,
      action: "updated",
      changes: { name: team.name },
    });
    return toTeam(team);
  });
}

export async function deleteTeam(
  db: Database,
  actor: Actor,
  teamId: string,
  expectedVersion: number,
): Promise<void> {
  await requirePermission(db, actor, teamId, "team.manage");
  await db.transaction(async (tx) => {
    const members = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(eq(memberships.teamId, teamId));
    const deleted = await tx
      .delete(teams)
      .where(and(eq(teams.id, teamId), eq(teams.version, expectedVersion)))
      .returning({ id: teams.id });
    if (deleted.length === 0) throw versionMismatch("team", await currentTeam(tx, teamId));
    // At commit, every member's open streams of the team's roadmaps close on every instance.
    for (const { userId } of members) await publishRevocation(tx, userId, { teamId });
  });
}

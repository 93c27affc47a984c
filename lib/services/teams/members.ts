import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/types";
import { memberships, teams, users } from "@/db/schema";
import { publishRevocation } from "@/lib/services/kernel/live-events";
import type { Role } from "@/lib/validation/common";
import type { Member } from "@/lib/validation/teams";
import type { Actor } from "@/lib/services/kernel/actor";
import { recordActivity } from "@/lib/services/kernel/activity";
import { requirePermission } from "@/lib/services/kernel/authorization";
import { AppError, notFound, versionMismatch } from "@/lib/services/kernel/errors";

export async function listMembers(db: Database, actor: Actor, teamId: string): Promise<Member[]> {
  await requirePermission(db, actor, teamId, "team.read");
  return loadTeamMembers(db, teamId);
}

/** The team's members by name, without an access check: for services that have made theirs. */
export async function loadTeamMembers(db: Database, teamId: string): Promise<Member[]> {
  const rows = await db
    .select({
      user: { id: users.id, email: users.email, name: users.name },
      role: memberships.role,
      createdAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.teamId, teamId))
    .orderBy(asc(users.name));
  return rows.map((r) => ({ user: r.user, role: r.role, joinedAt: r.createdAt.toISOString() }));
}

/**
 * Loads a membership with the team row locked, so that two owners demoting each other at once
 * cannot leave a team with no owner.
 */
async function lockMembership(tx: Database, teamId: string, userId: string) {
  await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId)).for("update");
  const [member] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.teamId, teamId), eq(memberships.userId, userId)))
    .limit(1);
  if (!member) throw notFound("member");
  return member;
}

async function assertNotLastOwner(tx: Database, teamId: string, action: string) {
  const [{ owners }] = await tx
    .select({ owners: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.teamId, teamId), eq(memberships.role, "owner")));
  if (owners <= 1) {
    throw new AppError(
      "last_owner",
      `A team needs at least one owner: make another member an owner before you ${action}.`,
    );
  }
}

export async function changeMemberRole(
  db: Database,
  actor: Actor,
  teamId: string,
  userId: string,
  role: Role,
  expectedVersion?: number,
): Promise<{ userId: string; role: Role; version: number }> {
  await requirePermission(db, actor, teamId, "team.manage");
  return db.transaction(async (tx) => {
    const member = await lockMembership(tx, teamId, userId);
    if (expectedVersion !== undefined && member.version !== expectedVersion) {
      throw versionMismatch("membership", { userId, role: member.role, version: member.version });
    }
    if (member.role === role) return { userId, role, version: member.version };
    if (member.role === "owner") await assertNotLastOwner(tx, teamId, "change the last owner's role");
    const [updated] = await tx
      .update(memberships)
      .set({ role, version: member.version + 1 })
      .where(and(eq(memberships.teamId, teamId), eq(memberships.userId, userId)))
      .returning();
    await recordActivity(tx, {
      teamId,
      actorId: actor.userId,
      entity: "member",
      entityId: userId,
      action: "role_changed",
      changes: { role: { from: member.role, to: role } },
    });
    return { userId, role: updated.role, version: updated.version };
  });
}

/**
 * Owners remove anyone; any member may remove themselves (leave). The last owner stays. The removed
 * person's open streams of the team's roadmaps close at commit.
 */
export async function removeMember(
  db: Database,
  actor: Actor,
  teamId: string,
  userId: string,
): Promise<void> {
  await requirePermission(db, actor, teamId, userId === actor.userId ? "team.read" : "team.manage");
  await db.transaction(async (tx) => {
    const member = await lockMembership(tx, teamId, userId);
    if (member.role === "owner") await assertNotLastOwner(tx, teamId, "remove the last owner");
    await tx.delete(memberships).where(and(eq(memberships.teamId, teamId), eq(memberships.userId, userId)));
    // At commit, the person's open streams of this team's roadmaps close on every instance.
    await publishRevocation(tx, userId, { teamId });
    await recordActivity(tx, {
      teamId,
      actorId: actor.userId,
      entity: "member",
      entityId: userId,
      action: userId === actor.userId ? "left" : "removed",
      changes: { role: member.role },
    });
  });
}

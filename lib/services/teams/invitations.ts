import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/types";
import { invitations, memberships, teams, users } from "@/db/schema";
import type { Role } from "@/lib/validation/common";
import type { CreateInvitationInput, Invitation } from "@/lib/validation/teams";
import type { Actor } from "@/lib/services/kernel/actor";
import { recordActivity } from "@/lib/services/kernel/activity";
import { requirePermission } from "@/lib/services/kernel/authorization";
import { AppError, notFound } from "@/lib/services/kernel/errors";
import { hashSecret, newSecret } from "@/lib/services/kernel/secrets";
import { appOrigin } from "@/lib/services/kernel/app-origin";
import { invitationEmail } from "@/lib/services/mail/messages";
import { queueEmail } from "@/lib/services/mail/outbox";

export const INVITATION_LIFETIME_DAYS = 7;

const toInvitation = (i: typeof invitations.$inferSelect): Invitation => ({
  id: i.id,
  email: i.email,
  role: i.role,
  createdAt: i.createdAt.toISOString(),
  expiresAt: i.expiresAt.toISOString(),
  invitedBy: i.invitedBy,
});

const gone = () =>
  new AppError(
    "invitation_gone",
    "This invitation link has expired, was already used, or was withdrawn. Ask a team owner for a new one.",
  );

/** Creates an invitation; the token is returned once (for the accept link) and stored hashed. */
export async function createInvitation(
  db: Database,
  actor: Actor,
  teamId: string,
  input: CreateInvitationInput,
): Promise<{ invitation: Invitation; token: string }> {
  await requirePermission(db, actor, teamId, "team.manage");
  const [existing] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.teamId, teamId), eq(sql`lower(${users.email})`, input.email)))
    .limit(1);
  if (existing) throw new AppError("conflict", `${input.email} is already a member of this team.`);
  const token = newSecret("inv");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(invitations)
      .values({
        teamId,
        email: input.email,
        role: input.role,
        tokenHash: hashSecret(token),
        invitedBy: actor.userId,
        expiresAt: new Date(Date.now() + INVITATION_LIFETIME_DAYS * 86_400_000),
      })
      .returning();
    await recordActivity(tx, {
      teamId,
      actorId: actor.userId,
      entity: "invitation",
      entityId: row.id,
      action: "created",
      changes: { email: row.email, role: row.role },
    });
    await mailInvitation(tx, row, token);
    return { invitation: toInvitation(row), token };
  });
}

/** The invitee gets the link by email too (the inviter still sees it once, to pass on by hand). */
async function mailInvitation(tx: Database, row: typeof invitations.$inferSelect, token: string) {
  const [facts] = await tx
    .select({ teamName: teams.name, inviterName: users.name })
    .from(teams)
    .innerJoin(users, eq(users.id, row.invitedBy!))
    .where(eq(teams.id, row.teamId))
    .limit(1);
  const email = invitationEmail({
    teamName: facts?.teamName ?? "a team",
    inviterName: facts?.inviterName ?? "Someone",
    role: row.role,
    acceptUrl: `${appOrigin()}/invite/${token}`,
    expiresAt: row.expiresAt,
  });
  await queueEmail(tx, {
    ...email,
    kind: "invitation",
    to: row.email,
    userId: null,
    teamId: row.teamId,
    dedupeKey: `invitation:${row.id}`,
  });
}

export async function listPendingInvitations(
  db: Database,
  actor: Actor,
  teamId: string,
): Promise<Invitation[]> {
  await requirePermission(db, actor, teamId, "team.manage");
  const rows = await db
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.teamId, teamId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    )
    .orderBy(desc(invitations.createdAt));
  return rows.map(toInvitation);
}

export async function revokeInvitation(db: Database, actor: Actor, invitationId: string): Promise<void> {
  const [row] = await db.select().from(invitations).where(eq(invitations.id, invitationId)).limit(1);
  if (!row) throw notFound("invitation");
  await requirePermission(db, actor, row.teamId, "team.manage");
  const withdrawn = await db
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(
      and(eq(invitations.id, invitationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)),
    )
    .returning({ id: invitations.id });
  if (withdrawn.length === 0) throw gone();
}

async function findUsableInvitation(db: Database, token: string) {
  const [row] = await db
    .select({ invitation: invitations, team: { id: teams.id, name: teams.name, slug: teams.slug } })
    .from(invitations)
    .innerJoin(teams, eq(teams.id, invitations.teamId))
    .where(eq(invitations.tokenHash, hashSecret(token)))
    .limit(1);
  const usable =
    row && !row.invitation.acceptedAt && !row.invitation.revokedAt && row.invitation.expiresAt > new Date();
  if (!usable) throw gone();
  return row;
}

/** What the accept page shows before the invitee confirms. */
export async function previewInvitation(db: Database, token: string) {
  const { invitation, team } = await findUsableInvitation(db, token);
  const [inviter] = invitation.invitedBy
    ? await db.select({ name: users.name }).from(users).where(eq(users.id, invitation.invitedBy)).limit(1)
    : [];
  return { team, email: invitation.email, role: invitation.role, invitedBy: inviter?.name ?? null };
}

export async function acceptInvitation(
  db: Database,
  actor: Actor,
  token: string,
): Promise<{ team: { id: string; name: string; slug: string }; role: Role }> {
  const { invitation, team } = await findUsableInvitation(db, token);
  if (invitation.email.toLowerCase() !== actor.email.toLowerCase()) {
    throw new AppError(
      "forbidden",
      `This invitation was sent to ${invitation.email}. Sign in with that address to accept it.`,
    );
  }
  return db.transaction(async (tx) => {
    const claimed = await tx
      .update(invitations)
      .set({ acceptedAt: new Date(), acceptedBy: actor.userId })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt)))
      .returning({ id: invitations.id });
    if (claimed.length === 0) throw gone();
    const [joined] = await tx
      .insert(memberships)
      .values({ teamId: team.id, userId: actor.userId, role: invitation.role })
      .onConflictDoNothing()
      .returning({ role: memberships.role });
    const [current] = joined
      ? [joined]
      : await tx
          .select({ role: memberships.role })
          .from(memberships)
          .where(and(eq(memberships.teamId, team.id), eq(memberships.userId, actor.userId)));
    await recordActivity(tx, {
      teamId: team.id,
      actorId: actor.userId,
      entity: "member",
      entityId: actor.userId,
      action: "joined",
      changes: { role: current.role, invitationId: invitation.id },
    });
    return { team, role: current.role };
  });
}

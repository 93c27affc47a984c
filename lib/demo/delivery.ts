// The demo team's mail, as an embedded instance (no SMTP_URL) would have written it: a few outbox
// messages made by the real builders, already written to the log, and the members' email settings,
// so team Settings → Delivery log and Account → Notifications show something from the first start.
import { and, eq, isNotNull } from "drizzle-orm";
import { AUDIENCE_LABELS } from "@/lib/validation/communication-kinds";
import type { EmailKind, OutboxStatus } from "@/lib/validation/delivery-kinds";
import { appOrigin } from "@/lib/services/kernel/app-origin";
import { hashSecret, newSecret } from "@/lib/services/kernel/secrets";
import { INVITATION_LIFETIME_DAYS } from "@/lib/services/teams/invitations";
import { SETTING_DEFAULTS } from "@/lib/services/mail/settings";
import {
  commentEmail,
  emailText,
  invitationEmail,
  reviewReminderEmail,
  type ComposedEmail,
} from "@/lib/services/mail/messages";
import { excerptOf } from "@/lib/collaboration/excerpt";
import type { Database } from "@/db/types";
import {
  comments,
  invitations,
  items,
  notificationSettings,
  outboxMessages,
  reviews,
  type roadmaps,
  type teams,
  type users,
} from "@/db/schema";

export const DEMO_INVITEE = "jonas@cairn.test";

type Person = typeof users.$inferSelect;
interface Mail extends ComposedEmail {
  kind: EmailKind;
  to: Person | string;
  dedupeKey: string;
  at: Date;
  /** "logged" as written without SMTP; "suppressed" when the recipient had turned the kind off. */
  status: OutboxStatus;
}

/** Dana keeps everything on in her own time zone, Priya reads a daily digest, Marcus wants no replies. */
async function seedSettings(tx: Database, [owner, editor, commenter]: Person[]) {
  await tx.insert(notificationSettings).values([
    { ...SETTING_DEFAULTS, userId: owner.id, timeZone: "Europe/London", digestHour: 8 },
    { ...SETTING_DEFAULTS, userId: editor.id, digest: "daily", timeZone: "Asia/Kolkata", digestHour: 9 },
    { ...SETTING_DEFAULTS, userId: commenter.id, reply: false, timeZone: "Europe/Stockholm" },
  ]);
}

/** A pending invitation two days old, whose email (with a working link) went to the log. */
async function invitationMail(tx: Database, team: typeof teams.$inferSelect, owner: Person, now: Date) {
  const at = new Date(now.getTime() - 2 * 86_400_000);
  const token = newSecret("inv");
  const [row] = await tx
    .insert(invitations)
    .values({
      teamId: team.id,
      email: DEMO_INVITEE,
      role: "editor",
      tokenHash: hashSecret(token),
      invitedBy: owner.id,
      createdAt: at,
      expiresAt: new Date(at.getTime() + INVITATION_LIFETIME_DAYS * 86_400_000),
    })
    .returning();
  const email = invitationEmail({
    teamName: team.name,
    inviterName: owner.name,
    role: row.role,
    acceptUrl: `${appOrigin()}/invite/${token}`,
    expiresAt: row.expiresAt,
  });
  return {
    ...email,
    kind: "invitation",
    to: DEMO_INVITEE,
    dedupeKey: `invitation:${row.id}`,
    at,
    status: "logged",
  } as const;
}

/** The seeded thread with a mention and a reply: Dana's mention email, and Marcus's reply, suppressed. */
async function threadMail(tx: Database, ctx: Context): Promise<Mail[]> {
  const [thread] = await tx
    .select({ reply: comments, itemTitle: items.title })
    .from(comments)
    .innerJoin(items, eq(items.id, comments.itemId))
    .where(and(eq(comments.roadmapId, ctx.roadmap.id), isNotNull(comments.parentId)))
    .limit(1);
  if (!thread) return [];
  const { reply, itemTitle } = thread;
  const [root] = await tx.select().from(comments).where(eq(comments.id, reply.parentId!));
  const byId = new Map(ctx.people.map((p) => [p.id, p]));
  const author = byId.get(root.authorId!)!;
  const facts = {
    teamName: ctx.team.name,
    roadmapName: ctx.roadmap.title,
    itemTitle,
    url: `${appOrigin()}/roadmaps/${ctx.roadmap.id}?item=${root.itemId}`,
  };
  const at = (minutesAgo: number) => new Date(ctx.now.getTime() - minutesAgo * 60_000);
  const mentions: Mail[] = root.mentionIds.flatMap((id) => {
    const to = byId.get(id);
    if (!to) return [];
    const email = commentEmail({
      kind: "mention",
      actorName: author.name,
      excerpt: excerptOf(root.body),
      ...facts,
    });
    return [
      {
        ...email,
        kind: "mention",
        to,
        dedupeKey: `mention:${root.id}:${to.id}`,
        at: at(50),
        status: "logged",
      },
    ];
  });
  const replyEmail = commentEmail({
    kind: "reply",
    actorName: byId.get(reply.authorId!)?.name ?? "Someone",
    excerpt: excerptOf(reply.body),
    ...facts,
  });
  return [
    ...mentions,
    {
      ...replyEmail,
      kind: "reply",
      to: author,
      dedupeKey: `reply:${reply.id}:${author.id}`,
      at: at(20),
      status: "suppressed",
    },
  ];
}

/** The engineering review's "due today" reminder, on the morning of the day it was held. */
async function reminderMail(tx: Database, ctx: Context): Promise<Mail[]> {
  const [review] = await tx
    .select({ heldOn: reviews.heldOn, audience: reviews.audience })
    .from(reviews)
    .where(and(eq(reviews.roadmapId, ctx.roadmap.id), eq(reviews.audience, "engineering")))
    .limit(1);
  if (!review) return [];
  const email = reviewReminderEmail({
    stage: "due",
    dueOn: review.heldOn,
    audience: AUDIENCE_LABELS[review.audience].toLowerCase(),
    teamName: ctx.team.name,
    roadmapName: ctx.roadmap.title,
    url: `${appOrigin()}/roadmaps/${ctx.roadmap.id}/reviews`,
  });
  const [owner, editor] = ctx.people;
  return [owner, editor].map((to) => ({
    ...email,
    kind: "reviewReminder",
    to,
    dedupeKey: `reviewReminder:${ctx.roadmap.id}:${review.audience}:${review.heldOn}:due:${to.id}`,
    at: new Date(`${review.heldOn}T08:00:00Z`),
    status: "logged",
  }));
}

interface Context {
  team: typeof teams.$inferSelect;
  roadmap: typeof roadmaps.$inferSelect;
  /** The demo members in DEMO_MEMBERS' order: owner, editor, commenter, viewer. */
  people: Person[];
  now: Date;
}

/** After the comments and reviews are written: settings, then the mail their events caused. */
export async function seedDelivery(tx: Database, ctx: Context) {
  await seedSettings(tx, ctx.people);
  const mail: Mail[] = [
    await invitationMail(tx, ctx.team, ctx.people[0], ctx.now),
    ...(await threadMail(tx, ctx)),
    ...(await reminderMail(tx, ctx)),
  ];
  await tx.insert(outboxMessages).values(
    mail.map((m) => {
      const to = typeof m.to === "string" ? null : m.to;
      const logged = m.status === "logged";
      return {
        kind: m.kind,
        to: to?.email ?? (m.to as string),
        userId: to?.id ?? null,
        teamId: ctx.team.id,
        subject: m.subject,
        text: emailText(m.content),
        content: m.content,
        status: m.status,
        attempts: logged ? 1 : 0,
        dedupeKey: m.dedupeKey,
        createdAt: m.at,
        sentAt: logged ? new Date(m.at.getTime() + 1_000) : null,
      };
    }),
  );
}

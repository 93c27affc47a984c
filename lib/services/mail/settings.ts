import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/types";
import { notificationSettings } from "@/db/schema";
import {
  EMAIL_SETTING_KINDS,
  type EmailKind,
  type EmailSettingKind,
  type NotificationSettings,
  type UpdateNotificationSettingsInput,
} from "@/lib/validation/delivery";
import type { Actor } from "@/lib/services/kernel/actor";

type Row = typeof notificationSettings.$inferSelect;

/**
 * Without a row a user gets every kind, a weekly digest at 08:00 UTC: mail about one's own work
 * is what people expect from a roadmap tool, and each message says how to turn its kind off.
 */
export const SETTING_DEFAULTS: Omit<Row, "userId" | "updatedAt"> = {
  mention: true,
  reply: true,
  ownedItemChanged: true,
  reviewReminder: true,
  feedbackRound: true,
  digest: "weekly",
  timeZone: "UTC",
  digestHour: 8,
};

const toSettings = (row: Omit<Row, "userId" | "updatedAt">): NotificationSettings => ({
  email: {
    mention: row.mention,
    reply: row.reply,
    ownedItemChanged: row.ownedItemChanged,
    reviewReminder: row.reviewReminder,
    feedbackRound: row.feedbackRound,
    digest: row.digest,
  },
  timeZone: row.timeZone,
  digestHour: row.digestHour,
});

async function storedOrDefault(db: Database, userId: string) {
  const [row] = await db
    .select()
    .from(notificationSettings)
    .where(eq(notificationSettings.userId, userId))
    .limit(1);
  return row ?? SETTING_DEFAULTS;
}

export async function getNotificationSettings(db: Database, actor: Actor): Promise<NotificationSettings> {
  return toSettings(await storedOrDefault(db, actor.userId));
}

export async function updateNotificationSettings(
  db: Database,
  actor: Actor,
  input: UpdateNotificationSettingsInput,
): Promise<NotificationSettings> {
  const change = {
    ...input.email,
    ...(input.timeZone !== undefined && { timeZone: input.timeZone }),
    ...(input.digestHour !== undefined && { digestHour: input.digestHour }),
  };
  return toSettings(await writeSettings(db, actor.userId, change));
}

async function writeSettings(db: Database, userId: string, change: Partial<Row>) {
  const [row] = await db
    .insert(notificationSettings)
    .values({ ...SETTING_DEFAULTS, ...change, userId })
    .onConflictDoUpdate({
      target: notificationSettings.userId,
      set: { ...change, updatedAt: sql`now()` },
    })
    .returning();
  return row;
}

const isSettingKind = (kind: EmailKind): kind is EmailSettingKind =>
  (EMAIL_SETTING_KINDS as readonly string[]).includes(kind);

/** Whether a user (still) wants this kind; asked-for mail (invitation, reset) always goes. */
export async function wantsEmail(db: Database, userId: string, kind: EmailKind): Promise<boolean> {
  if (kind === "digest") return (await storedOrDefault(db, userId)).digest !== "off";
  if (!isSettingKind(kind)) return true;
  return (await storedOrDefault(db, userId))[kind];
}

/** The one-click unsubscribe: turns one kind off for the user the signed link names. */
export async function turnEmailKindOff(db: Database, userId: string, kind: EmailKind): Promise<void> {
  if (kind === "digest") await writeSettings(db, userId, { digest: "off" });
  else if (isSettingKind(kind)) await writeSettings(db, userId, { [kind]: false });
}

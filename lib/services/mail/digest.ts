import { eq } from "drizzle-orm";
import type { Database } from "@/db/types";
import { memberships, notificationSettings, outboxMessages, teams, users } from "@/db/schema";
import { dueDigestPeriod } from "@/lib/collaboration/digest-period";
import { appOrigin } from "@/lib/services/kernel/app-origin";
import { teamDigest } from "./digest-content";
import { digestEmail } from "./messages";
import { queueEmail } from "./outbox";
import { SETTING_DEFAULTS } from "./settings";

/**
 * Run by the hourly digest job (once across instances): for every member whose send hour it is
 * in their time zone (daily, or Mondays for weekly), one digest per team they belong to, telling
 * what others changed in its roadmaps over the period, key milestones whose P80 moved and risks
 * needing contingency. Nothing is queued when there is nothing to say. The dedupe key (person,
 * team, period) makes a second run in the hour, on any instance, queue nothing.
 */
export async function queueDigests(db: Database, now: Date = new Date()): Promise<number> {
  const readers = await db
    .select({
      userId: users.id,
      email: users.email,
      teamId: teams.id,
      teamName: teams.name,
      teamSlug: teams.slug,
      digest: notificationSettings.digest,
      timeZone: notificationSettings.timeZone,
      digestHour: notificationSettings.digestHour,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(teams, eq(teams.id, memberships.teamId))
    .leftJoin(notificationSettings, eq(notificationSettings.userId, memberships.userId));
  let queued = 0;
  for (const reader of readers) {
    const frequency = reader.digest ?? SETTING_DEFAULTS.digest;
    const period = dueDigestPeriod(now, {
      frequency,
      timeZone: reader.timeZone ?? SETTING_DEFAULTS.timeZone,
      hour: reader.digestHour ?? SETTING_DEFAULTS.digestHour,
    });
    if (!period || frequency === "off") continue;
    const dedupeKey = `digest:${reader.userId}:${reader.teamId}:${period.key}`;
    const [sent] = await db
      .select({ id: outboxMessages.id })
      .from(outboxMessages)
      .where(eq(outboxMessages.dedupeKey, dedupeKey))
      .limit(1);
    if (sent) continue;
    const roadmaps = await teamDigest(db, reader.teamId, reader.userId, period);
    if (roadmaps.length === 0) continue;
    const email = digestEmail({
      frequency,
      teamName: reader.teamName,
      url: roadmaps.length === 1 ? roadmaps[0].url : `${appOrigin()}/teams/${reader.teamSlug}`,
      roadmaps,
    });
    const id = await db.transaction((tx) =>
      queueEmail(tx, {
        ...email,
        kind: "digest",
        to: reader.email,
        userId: reader.userId,
        teamId: reader.teamId,
        dedupeKey,
      }),
    );
    if (id) queued++;
  }
  return queued;
}

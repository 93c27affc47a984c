import { and, eq, inArray, isNull, ne } from "drizzle-orm";
import type { Database } from "@/db/types";
import { memberships, reviewCadences, roadmaps, teams, users } from "@/db/schema";
import { addDays } from "@/lib/planning/civil-date";
import { AUDIENCE_LABELS } from "@/lib/validation/communication-kinds";
import type { UpcomingReview } from "@/lib/validation/communication";
import { appOrigin } from "@/lib/services/kernel/app-origin";
import { loadCadence, utcDate } from "@/lib/services/reviews/cadence";
import { reviewReminderEmail, type ReminderStage } from "./messages";
import { queueEmail } from "./outbox";

/** Which reminder, if any, a review owes on `today`: 3 days before, on the day, the day after. */
export function reminderStages(
  review: UpcomingReview,
  today: string,
): { stage: ReminderStage; dueOn: string }[] {
  const stages: { stage: ReminderStage; dueOn: string }[] = [];
  if (addDays(review.nextDue, -3) === today) stages.push({ stage: "soon", dueOn: review.nextDue });
  if (review.nextDue === today) stages.push({ stage: "due", dueOn: review.nextDue });
  if (review.overdueSince && review.daysOverdue === 1)
    stages.push({ stage: "overdue", dueOn: review.overdueSince });
  return stages;
}

/**
 * Run by the scheduled job (hourly, once across instances): queues today's review reminders to
 * the editors and owners of every live roadmap with a cadence. Each (review, stage, person) is keyed,
 * so the hourly runs after the first, and a run on another instance, queue nothing more.
 */
export async function queueReviewReminders(db: Database, now: Date = new Date()): Promise<number> {
  const today = utcDate(now);
  const candidates = await db
    .select({ id: roadmaps.id, title: roadmaps.title, teamId: roadmaps.teamId, teamName: teams.name })
    .from(reviewCadences)
    .innerJoin(roadmaps, eq(roadmaps.id, reviewCadences.roadmapId))
    .innerJoin(teams, eq(teams.id, roadmaps.teamId))
    .where(and(eq(roadmaps.kind, "roadmap"), isNull(roadmaps.deletedAt), ne(roadmaps.status, "archived")));
  let queued = 0;
  for (const roadmap of candidates) {
    const { upcoming } = await loadCadence(db, roadmap.id, now);
    const due = upcoming.flatMap((review) => reminderStages(review, today).map((s) => ({ ...s, review })));
    if (due.length === 0) continue;
    const people = await db
      .select({ id: users.id, email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.teamId, roadmap.teamId), inArray(memberships.role, ["owner", "editor"])));
    await db.transaction(async (tx) => {
      for (const { stage, dueOn, review } of due) {
        const email = reviewReminderEmail({
          stage,
          dueOn,
          audience: AUDIENCE_LABELS[review.audience].toLowerCase(),
          teamName: roadmap.teamName,
          roadmapName: roadmap.title,
          url: `${appOrigin()}/roadmaps/${roadmap.id}/reviews`,
        });
        for (const person of people) {
          const id = await queueEmail(tx, {
            ...email,
            kind: "reviewReminder",
            to: person.email,
            userId: person.id,
            teamId: roadmap.teamId,
            dedupeKey: `reviewReminder:${roadmap.id}:${review.audience}:${dueOn}:${stage}:${person.id}`,
          });
          if (id) queued++;
        }
      }
    });
  }
  return queued;
}

import { eq, max } from "drizzle-orm";
import type { Database } from "@/db/types";
import { reviewCadences, reviews } from "@/db/schema";
import { nextReviews, reviewStatus, type ReviewFrequency, type ReviewRule } from "@/lib/planning/cadence";
import { addDays } from "@/lib/planning/civil-date";
import {
  AUDIENCES,
  type Audience,
  type Cadence,
  type CadenceInterval,
  type CadenceRule,
  type PutCadenceInput,
  type UpcomingReview,
} from "@/lib/validation/communication";
import type { Actor } from "@/lib/services/kernel/actor";
import { versionMismatch } from "@/lib/services/kernel/errors";
import { accessRoadmap, recordRoadmapChange } from "@/lib/services/kernel/roadmap-access";

/** How far ahead `following` lists due dates. */
const FOLLOWING_DAYS = 90;

const FREQUENCY_OF: Record<CadenceInterval, ReviewFrequency> = {
  "1w": "weekly",
  "2w": "fortnightly",
  "1m": "monthly",
  "1q": "quarterly",
};

/** Today's date in UTC, YYYY-MM-DD: the one "today" every due date and review date is judged by. */
export function utcDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export function toReviewRule(rule: CadenceRule): ReviewRule {
  return { audience: rule.audience, frequency: FREQUENCY_OF[rule.every], anchorDate: rule.nextOn };
}

/** The saved rules; a cadence never saved is version 0 with none. */
export async function loadCadenceRules(
  db: Database,
  roadmapId: string,
): Promise<{ version: number; rules: CadenceRule[] }> {
  const [row] = await db
    .select()
    .from(reviewCadences)
    .where(eq(reviewCadences.roadmapId, roadmapId))
    .limit(1);
  return { version: row?.version ?? 0, rules: row?.rules ?? [] };
}

/** The date of the latest review held with each audience (absent: none held). */
export async function lastHeldByAudience(db: Database, roadmapId: string): Promise<Map<Audience, string>> {
  const rows = await db
    .select({ audience: reviews.audience, heldOn: max(reviews.heldOn) })
    .from(reviews)
    .where(eq(reviews.roadmapId, roadmapId))
    .groupBy(reviews.audience);
  return new Map(rows.flatMap((r) => (r.heldOn ? [[r.audience, r.heldOn] as const] : [])));
}

function upcomingOf(rule: CadenceRule, today: string, lastHeldOn: string | null): UpcomingReview {
  const reviewRule = toReviewRule(rule);
  const status = reviewStatus(reviewRule, { today, lastHeldOn });
  return {
    audience: rule.audience,
    every: rule.every,
    ...status,
    lastHeldOn,
    following: nextReviews(reviewRule, {
      from: addDays(status.nextDue, 1),
      until: addDays(today, FOLLOWING_DAYS),
      lastHeldOn,
    }),
  };
}

export async function loadCadence(db: Database, roadmapId: string, now: Date = new Date()): Promise<Cadence> {
  const [{ version, rules }, lastHeld] = await Promise.all([
    loadCadenceRules(db, roadmapId),
    lastHeldByAudience(db, roadmapId),
  ]);
  const today = utcDate(now);
  // Soonest first by the date a review is actually owed: an overdue one by when it fell due.
  const owed = (u: UpcomingReview) => u.overdueSince ?? u.nextDue;
  const order = (a: Audience) => AUDIENCES.indexOf(a);
  const upcoming = rules
    .map((rule) => upcomingOf(rule, today, lastHeld.get(rule.audience) ?? null))
    .sort((a, b) => (owed(a) < owed(b) ? -1 : owed(a) > owed(b) ? 1 : order(a.audience) - order(b.audience)));
  return { roadmapId, version, rules, upcoming };
}

export async function getCadence(db: Database, actor: Actor, roadmapId: string): Promise<Cadence> {
  await accessRoadmap(db, actor, roadmapId, "team.read");
  return loadCadence(db, roadmapId);
}

/**
 * Replaces the rules whole. If-Match is optional here (a cadence is a small settings document),
 * but when sent it must name the current version: 412 with the cadence as it is otherwise.
 */
export async function putCadence(
  db: Database,
  actor: Actor,
  roadmapId: string,
  expectedVersion: number | undefined,
  input: PutCadenceInput,
): Promise<Cadence> {
  return db.transaction(async (tx) => {
    const { roadmap } = await accessRoadmap(tx, actor, roadmapId, "roadmap.write", { lock: true });
    const before = await loadCadenceRules(tx, roadmapId);
    if (expectedVersion !== undefined && expectedVersion !== before.version)
      throw versionMismatch("review cadence", await loadCadence(tx, roadmapId));
    const rules = input.rules.map(({ audience, every, nextOn }) => ({ audience, every, nextOn }));
    const version = before.version + 1;
    // The roadmap lock serialises writers, so the row read above is still the row written here.
    await tx
      .insert(reviewCadences)
      .values({ roadmapId, rules, version })
      .onConflictDoUpdate({
        target: reviewCadences.roadmapId,
        set: { rules, version, updatedAt: new Date() },
      });
    await recordRoadmapChange(tx, actor, roadmap, {
      entity: "cadence",
      entityId: roadmapId,
      action: before.version === 0 ? "created" : "updated",
      version,
      changes: { rules: { from: before.rules, to: rules } },
    });
    return loadCadence(tx, roadmapId);
  });
}

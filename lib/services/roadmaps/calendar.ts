import type { Database } from "@/db/types";
import { toICalendar, type ICalEvent } from "@/lib/exports/ical";
import { nextReviews } from "@/lib/planning/cadence";
import { addMonths } from "@/lib/planning/civil-date";
import { AUDIENCE_LABELS } from "@/lib/validation/communication";
import { lastHeldByAudience, loadCadenceRules, toReviewRule, utcDate } from "@/lib/services/reviews/cadence";
import { loadItems } from "@/lib/services/items/rows";
import type { Actor } from "@/lib/services/kernel/actor";
import { accessRoadmap, type RoadmapRow } from "@/lib/services/kernel/roadmap-access";
import { slugify } from "@/lib/services/kernel/slug";

/** How far ahead the feed lists review due dates. */
const REVIEW_MONTHS = 12;

/**
 * The roadmap's iCalendar feed: each audience's review due dates over the next 12 months (dates a
 * review already held covers are left out, as in the cadence's upcoming list) and the key
 * milestones not cut. UIDs are stable, so a subscribed calendar updates events rather than
 * duplicating them. The caller has checked access (a member, or a live share link).
 */
export async function roadmapCalendar(db: Database, roadmap: RoadmapRow, now = new Date()): Promise<string> {
  const [{ rules }, lastHeld, items] = await Promise.all([
    loadCadenceRules(db, roadmap.id),
    lastHeldByAudience(db, roadmap.id),
    loadItems(db, roadmap.id),
  ]);
  const today = utcDate(now);
  const until = addMonths(today, REVIEW_MONTHS);

  const reviewEvents: ICalEvent[] = rules.flatMap((rule) =>
    nextReviews(toReviewRule(rule), {
      from: today,
      until,
      lastHeldOn: lastHeld.get(rule.audience) ?? null,
    }).map((date) => ({
      uid: `review-${roadmap.id}-${rule.audience}-${date}@cairn`,
      date,
      summary: `${AUDIENCE_LABELS[rule.audience]} roadmap review: ${roadmap.title}`,
    })),
  );
  const milestoneEvents: ICalEvent[] = items
    .filter((i) => i.kind === "milestone" && i.isKey && i.status !== "cut")
    .map((i) => ({
      uid: `milestone-${i.id}@cairn`,
      date: i.startDate,
      summary: `◆ ${i.title}`,
      ...(i.outcome && { description: i.outcome }),
    }));

  const events = [...reviewEvents, ...milestoneEvents].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0,
  );
  return toICalendar({ calendarName: roadmap.title, events, now });
}

/** The feed for a member of the roadmap's team (viewer or above), with the file name to offer. */
export async function getRoadmapCalendar(
  db: Database,
  actor: Actor,
  roadmapId: string,
): Promise<{ fileName: string; ics: string }> {
  const { roadmap } = await accessRoadmap(db, actor, roadmapId, "team.read");
  return { fileName: `${slugify(roadmap.title) || "roadmap"}.ics`, ics: await roadmapCalendar(db, roadmap) };
}

import { and, desc, eq, gte, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { Database } from "@/db/types";
import { activity, forecastRecords, items, risks, roadmaps } from "@/db/schema";
import type { DigestPeriod } from "@/lib/collaboration/digest-period";
import type { ForecastRecordSeries } from "@/lib/validation/learning";
import { appOrigin } from "@/lib/services/kernel/app-origin";
import { needsContingency } from "@/lib/services/risks/rows";
import type { RoadmapDigest } from "@/lib/services/mail/messages";

const ITEM_TITLES_SHOWN = 5;

/** Changes by anyone but the reader over the period: how many, by how many, on which items. */
async function changesOf(db: Database, roadmapId: string, readerId: string, period: DigestPeriod) {
  const inPeriod = and(
    eq(activity.roadmapId, roadmapId),
    gte(activity.createdAt, period.from),
    lt(activity.createdAt, period.until),
    or(isNull(activity.actorId), ne(activity.actorId, readerId)),
  );
  const [counts] = await db
    .select({
      changes: sql<number>`count(*)::int`,
      people: sql<number>`count(distinct ${activity.actorId})::int`,
    })
    .from(activity)
    .where(inPeriod);
  if (!counts?.changes) return { changes: 0, people: 0, itemTitles: [] };
  const touched = await db
    .selectDistinct({ title: items.title })
    .from(activity)
    .innerJoin(items, eq(items.id, activity.itemId))
    .where(inPeriod)
    .orderBy(items.title)
    .limit(ITEM_TITLES_SHOWN);
  return { ...counts, itemTitles: touched.map((t) => t.title) };
}

/**
 * The key milestones whose P80 differs between the last forecast record before the period and
 * the last one in it (of the latest record's method, so PERT is never compared with history).
 */
async function p80MovesOf(db: Database, roadmapId: string, period: DigestPeriod) {
  const latest = (method: "pert" | "history" | null, before: Date) =>
    db
      .select({
        method: forecastRecords.method,
        series: forecastRecords.series,
        at: forecastRecords.recordedAt,
      })
      .from(forecastRecords)
      .where(
        and(
          eq(forecastRecords.roadmapId, roadmapId),
          lt(forecastRecords.recordedAt, before),
          method ? eq(forecastRecords.method, method) : undefined,
        ),
      )
      .orderBy(desc(forecastRecords.recordedAt))
      .limit(1);
  const [now] = await latest(null, period.until);
  if (!now || now.at < period.from) return [];
  const [then] = await latest(now.method, period.from);
  if (!then) return [];
  const before = new Map((then.series as ForecastRecordSeries).milestones.map((m) => [m.milestoneId, m.p80]));
  return (now.series as ForecastRecordSeries).milestones.flatMap((m) => {
    const from = before.get(m.milestoneId);
    return from && from !== m.p80 ? [{ title: m.title, from, to: m.p80 }] : [];
  });
}

async function risksNeedingContingencyOf(db: Database, roadmapId: string) {
  const rows = await db
    .select()
    .from(risks)
    .where(and(eq(risks.roadmapId, roadmapId), isNull(risks.deletedAt)))
    .orderBy(risks.title);
  return rows
    .filter((r) =>
      needsContingency({ score: r.likelihood * r.impact, contingency: r.contingency, status: r.status }),
    )
    .map((r) => r.title);
}

/**
 * The digest of one team for one reader: each live roadmap (not a scenario, not archived) with
 * news, that is changes by others or a key milestone's P80 moving. Risks needing contingency are
 * told beside news, not alone: they stand until someone plans for them, and a digest repeating
 * only them every day would be noise. Empty when there is nothing to say.
 */
export async function teamDigest(
  db: Database,
  teamId: string,
  readerId: string,
  period: DigestPeriod,
): Promise<RoadmapDigest[]> {
  const live = await db
    .select({ id: roadmaps.id, title: roadmaps.title })
    .from(roadmaps)
    .where(
      and(
        eq(roadmaps.teamId, teamId),
        eq(roadmaps.kind, "roadmap"),
        isNull(roadmaps.deletedAt),
        ne(roadmaps.status, "archived"),
      ),
    )
    .orderBy(roadmaps.title);
  const out: RoadmapDigest[] = [];
  for (const roadmap of live) {
    const changes = await changesOf(db, roadmap.id, readerId, period);
    const p80Moves = await p80MovesOf(db, roadmap.id, period);
    if (changes.changes === 0 && p80Moves.length === 0) continue;
    out.push({
      title: roadmap.title,
      url: `${appOrigin()}/roadmaps/${roadmap.id}`,
      ...changes,
      p80Moves,
      risksNeedingContingency: await risksNeedingContingencyOf(db, roadmap.id),
    });
  }
  return out;
}

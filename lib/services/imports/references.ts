// What an imported document names by text, resolved in the team: skills by name, owners by email,
// staffing rows by skill and quarter.
import { eq } from "drizzle-orm";
import type { Database } from "@/db/types";
import { memberships, skills, staffingRows, users } from "@/db/schema";
import { SkipReport } from "@/lib/imports/skip-report";
import { quartersOf } from "@/lib/planning/capacity";
import type { RoadmapDocument } from "@/lib/validation/roadmap-document";
import { staffingRowSchema } from "@/lib/validation/resources";
import { DEFAULT_HIRING_LEAD_WEEKS } from "@/lib/services/staffing/staffing";
import { lower, plural } from "./names";

/** The team's skills by lower-cased name; names the catalogue lacks are added (an editor may). */
export async function resolveSkills(
  tx: Database,
  teamId: string,
  names: string[],
): Promise<Map<string, string>> {
  const wanted = new Map<string, string>();
  for (const name of names) if (name.trim() && !wanted.has(lower(name))) wanted.set(lower(name), name.trim());
  const load = async () =>
    new Map(
      (
        await tx.select({ id: skills.id, name: skills.name }).from(skills).where(eq(skills.teamId, teamId))
      ).map((s) => [lower(s.name), s.id]),
    );
  let byName = await load();
  const missing = [...wanted].filter(([key]) => !byName.has(key)).map(([, name]) => ({ teamId, name }));
  if (missing.length > 0) {
    // A skill someone adds at the same moment is simply used (its unique index ignores case).
    await tx.insert(skills).values(missing).onConflictDoNothing();
    byName = await load();
  }
  return byName;
}

/** The team's members by lower-cased email. */
export async function teamMembersByEmail(tx: Database, teamId: string): Promise<Map<string, string>> {
  const rows = await tx
    .select({ id: users.id, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.teamId, teamId));
  return new Map(rows.map((r) => [lower(r.email), r.id]));
}

/**
 * Owners named by email: members get the item or risk, others are left without an owner and
 * reported once per address.
 */
export function ownerResolver(members: Map<string, string>) {
  const unknown = new Map<string, { where: string; items: number; risks: number }>();
  return {
    ownerOf(email: string | null, where: string, what: "items" | "risks"): string | null {
      if (!email?.trim()) return null;
      const id = members.get(lower(email));
      if (id) return id;
      const entry = unknown.get(lower(email)) ?? { where, items: 0, risks: 0 };
      entry[what] += 1;
      unknown.set(lower(email), entry);
      return null;
    },
    reportTo(skipped: SkipReport) {
      for (const [email, e] of unknown)
        skipped.add(
          {
            where: e.where,
            what: `owner ${email}`,
            reason: `owner ${email} is not a member of this team; ${[
              e.items && plural(e.items, "item"),
              e.risks && plural(e.risks, "risk"),
            ]
              .filter(Boolean)
              .join(" and ")} imported without an owner.`,
          },
          "The owner is not a member of this team; imported without an owner.",
        );
    },
  };
}

/**
 * The staffing plan with skills by id. Rows are checked as PUT /staffing checks them; those outside
 * the horizon, repeated or implausible are reported and left out.
 */
export function staffingOf(
  doc: RoadmapDocument,
  roadmapId: string,
  skillIds: Map<string, string>,
  skipped: SkipReport,
) {
  if (!doc.staffing) return null;
  const quarters = new Set(quartersOf(doc.roadmap.startDate, doc.roadmap.horizonMonths));
  const rows = new Map<string, typeof staffingRows.$inferInsert>();
  doc.staffing.rows.forEach((r, index) => {
    const skip = (reason: string) =>
      skipped.add({
        where: `staffing.rows[${index}]`,
        what: `staffing of ${r.skill} in ${r.quarter}`,
        reason,
      });
    const skillId = skillIds.get(lower(r.skill));
    if (!skillId) return skip("the row names no skill.");
    const row = staffingRowSchema.safeParse({
      skillId,
      quarter: r.quarter,
      headcount: r.headcount,
      hoursPerWeek: r.hoursPerWeek,
    });
    if (!row.success) return skip(row.error.issues[0].message);
    if (!quarters.has(r.quarter)) return skip("the quarter is outside the roadmap's horizon.");
    if (rows.has(`${skillId}/${r.quarter}`))
      return skip("the skill and quarter are staffed by an earlier row.");
    rows.set(`${skillId}/${r.quarter}`, { roadmapId, ...row.data });
  });
  let hiringLeadWeeks = doc.staffing.hiringLeadWeeks;
  if (!Number.isInteger(hiringLeadWeeks) || hiringLeadWeeks < 0 || hiringLeadWeeks > 104) {
    skipped.add({
      where: "staffing.hiringLeadWeeks",
      what: `a hiring lead time of ${hiringLeadWeeks} weeks`,
      reason: `a lead time is 0 to 104 whole weeks; the default of ${DEFAULT_HIRING_LEAD_WEEKS} is used.`,
    });
    hiringLeadWeeks = DEFAULT_HIRING_LEAD_WEEKS;
  }
  return { hiringLeadWeeks, rows: [...rows.values()] };
}

// What writing a MergePlan to the base shares: names and new ids resolved to the base's rows, and
// the version bump and change notes every write makes.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/types";
import { memberships, skills, users } from "@/db/schema";
import type { MergePlan } from "@/lib/planning/scenario-merge";
import type { RoadmapChange, RoadmapRow } from "@/lib/services/kernel/roadmap-access";

/** Skill names, people's emails and scenario-new ids, resolved to the base's rows. */
export interface Refs {
  skillId: Map<string, string>;
  userId: Map<string, string>;
  /** A thing added in the scenario -> the id it gets in the base. */
  newId: Map<string, string>;
}

export const ref = (refs: Refs, id: string) => refs.newId.get(id) ?? id;

export async function loadRefs(tx: Database, base: RoadmapRow, plan: MergePlan): Promise<Refs> {
  const [skillRows, people] = await Promise.all([
    tx.select({ id: skills.id, name: skills.name }).from(skills).where(eq(skills.teamId, base.teamId)),
    tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .where(eq(memberships.teamId, base.teamId)),
  ]);
  const added = [...plan.workstreams.add, ...plan.items.add, ...plan.risks.add, ...plan.phases.add];
  return {
    skillId: new Map(skillRows.map((s) => [s.name, s.id])),
    userId: new Map(people.map((p) => [p.email.toLowerCase(), p.id])),
    newId: new Map(added.map((a) => [a.id, randomUUID()])),
  };
}

export const ownerId = (refs: Refs, email: string | null) =>
  email === null ? null : (refs.userId.get(email.toLowerCase()) ?? null);

/** A write's version and timestamp bump. */
export const bump = <T extends { version: unknown; updatedAt: unknown }>(table: T) => ({
  version: sql`${table.version} + 1`,
  updatedAt: new Date(),
});

/** Notes a row change for the activity log. */
export type Note = (
  entity: RoadmapChange["entity"],
  id: string,
  action: RoadmapChange["action"],
  version?: number,
) => void;

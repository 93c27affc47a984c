import { asc, eq } from "drizzle-orm";
import type { Database } from "@/db/types";
import { skills } from "@/db/schema";
import type { Skill } from "@/lib/validation/teams";
import type { Actor } from "@/lib/services/kernel/actor";
import { requirePermission } from "@/lib/services/kernel/authorization";
import { AppError, isUniqueViolation } from "@/lib/services/kernel/errors";

export async function listSkills(db: Database, actor: Actor, teamId: string): Promise<Skill[]> {
  await requirePermission(db, actor, teamId, "team.read");
  return db
    .select({ id: skills.id, name: skills.name })
    .from(skills)
    .where(eq(skills.teamId, teamId))
    .orderBy(asc(skills.name));
}

export async function createSkill(
  db: Database,
  actor: Actor,
  teamId: string,
  input: { name: string },
): Promise<Skill> {
  await requirePermission(db, actor, teamId, "skill.write");
  try {
    const [row] = await db.insert(skills).values({ teamId, name: input.name }).returning();
    return { id: row.id, name: row.name };
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("conflict", `The skill "${input.name}" is already in the catalogue.`);
    throw error;
  }
}

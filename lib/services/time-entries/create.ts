import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/types";
import { memberships, timeEntries } from "@/db/schema";
import { timeEntryDayProblems } from "@/lib/planning/actuals";
import type { CreateTimeEntryInput, TimeEntry } from "@/lib/validation/learning";
import type { Actor } from "@/lib/services/kernel/actor";
import { AppError } from "@/lib/services/kernel/errors";
import { accessRoadmap, recordRoadmapChange } from "@/lib/services/kernel/roadmap-access";
import { accessItem } from "@/lib/services/items/checks";
import { utcDate } from "@/lib/services/reviews/cadence";
import { toTimeEntry } from "./rows";

const refuse = (path: string, message: string) =>
  new AppError("invalid_actuals", message, { details: [{ path, message }] });

/**
 * Logs hours on a feature (editors): not on a milestone or a cut item, not for a day ahead, and for
 * a member of the item's team (the caller when no person is named). A change of the item's roadmap
 * like any other: activity row and live event.
 */
export async function createTimeEntry(
  db: Database,
  actor: Actor,
  itemId: string,
  input: CreateTimeEntryInput,
  now: Date = new Date(),
): Promise<TimeEntry> {
  const { row } = await accessItem(db, actor, itemId);
  if (row.kind === "milestone") {
    throw refuse("itemId", "Hours are logged on features; a milestone takes no time of its own.");
  }
  if (row.status === "cut") {
    throw refuse("itemId", "This item was cut: hours cannot be logged on it. Reopen it first.");
  }
  const [dayProblem] = timeEntryDayProblems(input.on, utcDate(now));
  if (dayProblem) throw refuse(dayProblem.path, dayProblem.message);
  const personId = input.personId ?? actor.userId;
  return db.transaction(async (tx) => {
    const { roadmap } = await accessRoadmap(tx, actor, row.roadmapId, "roadmap.write", { lock: true });
    const [member] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.teamId, roadmap.teamId), eq(memberships.userId, personId)));
    if (!member) {
      const message = "The person must be a member of this team.";
      throw new AppError("invalid_reference", message, { details: [{ path: "personId", message }] });
    }
    const [created] = await tx
      .insert(timeEntries)
      .values({
        itemId,
        teamId: roadmap.teamId,
        personId,
        on: input.on,
        hours: input.hours,
        note: input.note || null,
        createdBy: actor.userId,
      })
      .returning();
    await recordRoadmapChange(tx, actor, roadmap, {
      entity: "time_entry",
      entityId: created.id,
      itemId,
      action: "created",
      changes: { on: created.on, hours: input.hours, personId },
    });
    return toTimeEntry(created);
  });
}

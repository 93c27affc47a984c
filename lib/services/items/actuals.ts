// An item PATCH's actual dates (#18): the dates a status change fills in, then the rules on the dates
// as they would be stored (lib/planning/actuals.ts), refused as 422 invalid_actuals.
import { actualsAfterStatusChange, actualsProblems } from "@/lib/planning/actuals";
import type { UpdateItemWithActualsInput } from "@/lib/validation/learning";
import type { Item } from "@/lib/validation/timeline";
import { AppError } from "@/lib/services/kernel/errors";

/** The patch with the actual dates its status change implies; throws invalid_actuals. */
export function withActuals(
  before: Item,
  patch: UpdateItemWithActualsInput,
  today: string,
): UpdateItemWithActualsInput {
  const full = { ...patch, ...actualsAfterStatusChange(before, patch, today) };
  const problems = actualsProblems(
    {
      actualStart: full.actualStart === undefined ? before.actualStart : full.actualStart,
      actualFinish: full.actualFinish === undefined ? before.actualFinish : full.actualFinish,
    },
    today,
  );
  if (problems.length > 0) {
    throw new AppError("invalid_actuals", `${problems[0].message} Today is ${today}.`, { details: problems });
  }
  return full;
}

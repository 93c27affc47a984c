// What the timeline says after an auto-schedule and its undo: pure, so that it is unit-tested.

import type { AutoScheduleResult, UndoAutoScheduleResult } from "@/lib/client/auto-schedule";
import type { DateText } from "@/lib/client/dates";

function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

/** "“A” (started), “B” and 3 more (past the horizon)". */
function namesWithReasons(list: { id: string; reason: string }[], titleOf: (id: string) => string, max = 3) {
  const shown = list.slice(0, max).map((s) => `“${titleOf(s.id)}” (${s.reason.replace(/\.$/, "")})`);
  const rest = list.length - shown.length;
  return rest > 0 ? `${shown.join(", ")} and ${count(rest, "other")}` : shown.join(", ");
}

export interface AutoScheduleSummary {
  tone: "success" | "info" | "warning";
  title?: string;
  message: string;
}

/**
 * "Moved 7 features earlier" (and "2 later" when successors were pushed), which one moved where
 * when it is one, and the features that should have moved but may not, with why.
 */
export function autoScheduleSummary(
  result: Pick<AutoScheduleResult, "moved" | "skipped">,
  titleOf: (id: string) => string,
  dt: DateText,
): AutoScheduleSummary {
  const earlier = result.moved.filter((m) => m.toStart < m.fromStart).length;
  const later = result.moved.length - earlier;
  const skipped = result.skipped.length ? `Not moved: ${namesWithReasons(result.skipped, titleOf)}.` : "";
  if (result.moved.length === 0) {
    return skipped
      ? { tone: "warning", title: "Nothing was moved", message: skipped }
      : { tone: "info", message: "Everything already starts as early as its dependencies allow." };
  }
  const title =
    earlier && later
      ? `Moved ${count(earlier, "feature")} earlier and ${later} later`
      : `Moved ${count(result.moved.length, "feature")} ${earlier ? "earlier" : "later"}`;
  const detail =
    result.moved.length === 1
      ? `“${titleOf(result.moved[0].id)}” now runs ${dt.range(result.moved[0].toStart, result.moved[0].toEnd)}.`
      : "A snapshot was taken first.";
  return { tone: "success", title, message: [detail, skipped].filter(Boolean).join(" ") };
}

/** "Put back 7 features." plus any that could not be (deleted since, …). */
export function undoSummary(answer: UndoAutoScheduleResult, titleOf: (id: string) => string): string {
  const back = `Put back ${count(answer.restored.length, "feature")} to ${answer.restored.length === 1 ? "its" : "their"} earlier dates.`;
  return answer.skipped.length ? `${back} Not put back: ${namesWithReasons(answer.skipped, titleOf)}.` : back;
}

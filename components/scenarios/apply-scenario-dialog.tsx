"use client";

import { dayShift, summaryLine } from "@/components/reviews/review-text";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import {
  applyFailure,
  useApplyScenario,
  type ApplyFailure,
  type ApplyScenarioResult,
  type ScenarioComparison,
} from "@/lib/client/scenarios";
import { daysBetween, gapChange } from "./scenario-text";

/** What applying writes to the live roadmap, in a few lines. */
function ApplyWhat({ comparison }: { comparison: ScenarioComparison }) {
  const finishDays = daysBetween(
    comparison.projectFinish.base.earlyDate,
    comparison.projectFinish.scenario.earlyDate,
  );
  const staffing = comparison.staffing
    .map((s) => ({ name: s.name, change: gapChange(s.baseGapHours, s.scenarioGapHours) }))
    .filter((s) => s.change.label !== "unchanged");
  return (
    <ul className="flex list-disc flex-col gap-1 pl-5 text-sm text-ink">
      <li>{summaryLine(comparison.diff.summary, 0)}</li>
      {finishDays !== null && finishDays !== 0 && <li>Project finish {dayShift(finishDays)}</li>}
      {staffing.map((s) => (
        <li key={s.name}>
          {s.name} staffing gap {s.change.label}
        </li>
      ))}
    </ul>
  );
}

/**
 * Confirms and applies the scenario with If-Match = the live version the comparison was read at.
 * Success and refusal both close the dialog: the page shows what happened (conflicts, a stale
 * comparison, an already-closed scenario), since nothing was changed on a refusal.
 */
export function ApplyScenarioDialog({
  open,
  onClose,
  comparison,
  onApplied,
  onRefused,
}: {
  open: boolean;
  onClose: () => void;
  comparison: ScenarioComparison;
  onApplied: (result: ApplyScenarioResult) => void;
  onRefused: (failure: ApplyFailure) => void;
}) {
  const { scenario, base } = comparison;
  const apply = useApplyScenario(base.id, scenario.roadmap.id);

  function confirm() {
    apply.mutate(
      { baseVersion: base.version },
      {
        onSuccess: (result) => {
          onClose();
          onApplied(result);
        },
        onError: (error) => {
          onClose();
          onRefused(applyFailure(error));
        },
      },
    );
  }

  return (
    <Dialog
      open={open}
      onClose={() => !apply.isPending && onClose()}
      title={`Apply “${scenario.roadmap.title}” to the live roadmap?`}
      description={`These changes are written to “${base.title}” in one go, for everyone; a snapshot of it is taken first.`}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={apply.isPending}>
            Cancel
          </Button>
          <Button variant="primary" loading={apply.isPending} onClick={confirm}>
            Apply to live roadmap
          </Button>
        </>
      }
    >
      <ApplyWhat comparison={comparison} />
    </Dialog>
  );
}

// What a new forecast record tells a team's webhooks about its key milestones, against the record
// before it (same method): a milestone that became at risk or was missed, and a P80 that moved.
// Pure: both records in, the alerts out.

/** Under this chance of making its target a milestone is at risk (the forecast page's "Likely" bar). */
export const ON_TIME_LIKELY = 0.8;

export interface RecordedMilestone {
  milestoneId: string;
  title: string;
  targetDate: string;
  p50: string;
  p80: string;
  onTimeProbability: number | null;
}

export type MilestoneState = "on_track" | "at_risk" | "missed";

export type MilestoneAlert =
  | {
      kind: "milestone.at_risk";
      milestone: RecordedMilestone;
      state: "at_risk" | "missed";
      previousOnTimeProbability: number | null;
    }
  | { kind: "milestone.p80_moved"; milestone: RecordedMilestone; fromP80: string; days: number };

/**
 * Missed: its target date is behind `today` and the forecast gives it no chance of having made it.
 * At risk: under ON_TIME_LIKELY. Null when the forecast has no probability for it.
 */
export function milestoneState(m: RecordedMilestone, today: string): MilestoneState | null {
  if (m.onTimeProbability === null) return null;
  if (m.onTimeProbability === 0 && m.targetDate < today) return "missed";
  return m.onTimeProbability < ON_TIME_LIKELY ? "at_risk" : "on_track";
}

const WORSE: Record<MilestoneState, number> = { on_track: 0, at_risk: 1, missed: 2 };

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The alerts of `current` (recorded `today`) against `previous`, the record before it, its state
 * judged on its own day (null: the first record, when every milestone already at risk or missed is
 * news; a P80 needs an earlier one to have moved). A state is announced when it gets worse (on
 * track → at risk → missed), not again while it stays.
 */
export function milestoneAlerts(
  previous: { on: string; milestones: readonly RecordedMilestone[] } | null,
  current: readonly RecordedMilestone[],
  today: string,
): MilestoneAlert[] {
  const before = new Map((previous?.milestones ?? []).map((m) => [m.milestoneId, m]));
  const alerts: MilestoneAlert[] = [];
  for (const m of current) {
    const old = before.get(m.milestoneId);
    const state = milestoneState(m, today);
    const oldState = old && previous ? milestoneState(old, previous.on) : null;
    if ((state === "at_risk" || state === "missed") && WORSE[state] > WORSE[oldState ?? "on_track"]) {
      alerts.push({
        kind: "milestone.at_risk",
        milestone: m,
        state,
        previousOnTimeProbability: old?.onTimeProbability ?? null,
      });
    }
    if (old && old.p80 !== m.p80) {
      alerts.push({
        kind: "milestone.p80_moved",
        milestone: m,
        fromP80: old.p80,
        days: daysBetween(old.p80, m.p80),
      });
    }
  }
  return alerts;
}

/** Enumerations shared by the database schema and the API schemas (no imports: safe everywhere). */
export const GATE_DECISIONS = ["proceed", "replan", "stop"] as const;
export type GateDecision = (typeof GATE_DECISIONS)[number];

export const DECISION_LABEL: Record<GateDecision, string> = {
  proceed: "Proceed",
  replan: "Replan",
  stop: "Stop",
};

/** The gate's state as text: "Undecided", "Proceed", "Replan" or "Stop". */
export function gateStateLabel(decision: GateDecision | null): string {
  return decision ? DECISION_LABEL[decision] : "Undecided";
}

/** A what-if scenario's life: worked on, then applied to its base or thrown away. */
export const SCENARIO_STATUSES = ["open", "applied", "discarded"] as const;
export type ScenarioStatus = (typeof SCENARIO_STATUSES)[number];

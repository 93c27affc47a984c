// Development phases: ordered, non-overlapping date spans of a roadmap, each maybe ending in a gate.
// Pure rules shared by the phase service (overlap, order, replanning marks) and the pages.

import type { GateDecision } from "../validation/phase-kinds";

export interface PhaseSpan {
  id: string;
  startDate: string;
  endDate: string;
}

export interface PhaseWithGate extends PhaseSpan {
  /** null: the phase has no gate. */
  gate: { decision: GateDecision | null } | null;
}

/** Phases by start date (then end date, then id, so the order is total). */
export function orderPhases<T extends PhaseSpan>(phases: readonly T[]): T[] {
  return [...phases].sort(
    (a, b) =>
      a.startDate.localeCompare(b.startDate) ||
      a.endDate.localeCompare(b.endDate) ||
      a.id.localeCompare(b.id),
  );
}

/** The first phase (other than `candidate` itself) sharing at least one day with it, or null. */
export function findOverlap<T extends PhaseSpan>(phases: readonly T[], candidate: PhaseSpan): T | null {
  for (const p of phases) {
    if (p.id === candidate.id) continue;
    if (p.startDate <= candidate.endDate && candidate.startDate <= p.endDate) return p;
  }
  return null;
}

/**
 * Per phase in order: whether it is "subject to replanning": some earlier gate is undecided or was
 * decided "replan" or "stop", and the phase's own gate has not been decided. A "proceed" at every
 * earlier gate clears the mark; a decided gate of its own settles the phase.
 */
export function replanningMarks<T extends PhaseWithGate>(ordered: readonly T[]): boolean[] {
  let unsettled = false;
  return ordered.map((phase) => {
    const ownDecision = phase.gate?.decision ?? null;
    const marked = unsettled && ownDecision === null;
    if (phase.gate) unsettled = ownDecision !== "proceed";
    return marked;
  });
}

/** The phase whose span holds the date, or null. */
export function phaseOfDate<T extends PhaseSpan>(ordered: readonly T[], date: string): T | null {
  for (const p of ordered) if (p.startDate <= date && date <= p.endDate) return p;
  return null;
}

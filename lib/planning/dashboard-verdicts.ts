// Feasibility verdicts for the engineering dashboard: totals over the roadmap's items and the
// items flagged (any "concerns" or "not feasible" verdict), worst first: most not-feasible
// verdicts, then most concerns, then fewest feasible, then by title.

export interface VerdictCounts {
  feasible: number;
  concerns: number;
  notFeasible: number;
}

export interface FlaggedItem extends VerdictCounts {
  id: string;
  title: string;
}

export function verdictRollup(
  items: readonly { id: string; title: string }[],
  verdictsOf: (id: string) => VerdictCounts | undefined,
  limit = 10,
): VerdictCounts & { flagged: FlaggedItem[] } {
  const totals: VerdictCounts = { feasible: 0, concerns: 0, notFeasible: 0 };
  const flagged: FlaggedItem[] = [];
  for (const item of items) {
    const v = verdictsOf(item.id);
    if (!v) continue;
    totals.feasible += v.feasible;
    totals.concerns += v.concerns;
    totals.notFeasible += v.notFeasible;
    if (v.concerns > 0 || v.notFeasible > 0) {
      flagged.push({
        id: item.id,
        title: item.title,
        concerns: v.concerns,
        notFeasible: v.notFeasible,
        feasible: v.feasible,
      });
    }
  }
  flagged.sort(
    (a, b) =>
      b.notFeasible - a.notFeasible ||
      b.concerns - a.concerns ||
      a.feasible - b.feasible ||
      a.title.localeCompare(b.title),
  );
  return { ...totals, flagged: flagged.slice(0, limit) };
}

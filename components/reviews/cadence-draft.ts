import { AUDIENCES, type Audience, type CadenceInterval } from "@/lib/validation/communication-kinds";
import type { Cadence, CadenceRule } from "@/lib/validation/communication";

/** The cadence editor's state: for every audience, an interval (or off) and the next date. */
export type CadenceDraft = Record<Audience, { every: CadenceInterval | "off"; nextOn: string }>;

export function draftFromCadence(cadence: Pick<Cadence, "rules"> | undefined, today: string): CadenceDraft {
  const draft = {} as CadenceDraft;
  for (const audience of AUDIENCES) {
    const rule = cadence?.rules.find((r) => r.audience === audience);
    draft[audience] = rule ? { every: rule.every, nextOn: rule.nextOn } : { every: "off", nextOn: today };
  }
  return draft;
}

/** The rules to PUT, or the audiences whose next date is missing. */
export function rulesFromDraft(
  draft: CadenceDraft,
): { rules: CadenceRule[]; missing: [] } | { rules: null; missing: Audience[] } {
  const rules: CadenceRule[] = [];
  const missing: Audience[] = [];
  for (const audience of AUDIENCES) {
    const { every, nextOn } = draft[audience];
    if (every === "off") continue;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(nextOn)) missing.push(audience);
    else rules.push({ audience, every, nextOn });
  }
  return missing.length ? { rules: null, missing } : { rules, missing: [] };
}

/** Whether two sets of rules say the same (order aside). */
export function sameRules(a: readonly CadenceRule[], b: readonly CadenceRule[]): boolean {
  const key = (rules: readonly CadenceRule[]) =>
    rules
      .map((r) => `${r.audience}:${r.every}:${r.nextOn}`)
      .sort()
      .join("|");
  return key(a) === key(b);
}

// The three-way merge every part of a scenario merge uses: the ancestor (the base when the scenario
// was copied), the base now and the scenario now, field by field and collection by collection.

export type MergeEntity = "roadmap" | "workstream" | "item" | "dependency" | "risk" | "phase" | "staffing";

export interface MergeConflict {
  entity: MergeEntity;
  id: string;
  title: string;
  field: string;
  base: unknown;
  scenario: unknown;
}

export interface CollectionChanges<T> {
  add: T[];
  update: { id: string; fields: Partial<T> }[];
  remove: string[];
}

/** Values compared as data; lists whose order carries no meaning are compared sorted. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return JSON.stringify(value.map((v) => JSON.stringify(v)).sort());
  return JSON.stringify(value ?? null);
}
export const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

export function mergeFields<T extends object>(
  entity: MergeEntity,
  id: string,
  title: string,
  fields: readonly (keyof T & string)[],
  ancestor: T,
  base: T,
  scenario: T,
  conflicts: MergeConflict[],
): Partial<T> {
  const out: Partial<T> = {};
  for (const field of fields) {
    const a = ancestor[field];
    const s = scenario[field];
    if (same(s, a)) continue;
    const b = base[field];
    if (same(b, a)) out[field] = s;
    else if (!same(b, s)) conflicts.push({ entity, id, title, field, base: b, scenario: s });
  }
  return out;
}

function changedAny<T extends object>(fields: readonly (keyof T & string)[], a: T, b: T): boolean {
  return fields.some((f) => !same(a[f], b[f]));
}

export function mergeCollection<T extends { id: string }>(
  entity: MergeEntity,
  fields: readonly (keyof T & string)[],
  titleOf: (t: T) => string,
  ancestor: readonly T[],
  base: readonly T[],
  scenario: readonly T[],
  conflicts: MergeConflict[],
): CollectionChanges<T> {
  const inAncestor = new Map(ancestor.map((t) => [t.id, t]));
  const inBase = new Map(base.map((t) => [t.id, t]));
  const inScenario = new Map(scenario.map((t) => [t.id, t]));
  const changes: CollectionChanges<T> = { add: [], update: [], remove: [] };

  for (const s of scenario) {
    const a = inAncestor.get(s.id);
    const b = inBase.get(s.id);
    if (!a) {
      if (!b) changes.add.push(s);
      continue;
    }
    if (!b) {
      if (changedAny(fields, a, s))
        conflicts.push({
          entity,
          id: s.id,
          title: titleOf(s),
          field: "removed",
          base: "removed",
          scenario: "changed",
        });
      continue;
    }
    const fieldsChanged = mergeFields(entity, s.id, titleOf(s), fields, a, b, s, conflicts);
    if (Object.keys(fieldsChanged).length > 0) changes.update.push({ id: s.id, fields: fieldsChanged });
  }
  for (const a of ancestor) {
    if (inScenario.has(a.id)) continue;
    const b = inBase.get(a.id);
    if (!b) continue;
    if (changedAny(fields, a, b))
      conflicts.push({
        entity,
        id: a.id,
        title: titleOf(b),
        field: "removed",
        base: "changed",
        scenario: "removed",
      });
    else changes.remove.push(a.id);
  }
  return changes;
}

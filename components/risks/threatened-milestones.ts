import type { Dependency, Item } from "@/lib/validation/timeline";

export interface ThreatenedMilestone {
  milestone: Item;
  /** null: linked to the risk itself; else the linked item it waits on (directly or through others). */
  via: Item | null;
}

/**
 * The milestones a risk threatens: those linked to it, and those downstream of its linked items
 * along the dependencies (a slip there moves them). Each milestone once, by date; a direct link wins.
 * Linear in items plus dependencies.
 */
export function threatenedMilestones(
  itemIds: readonly string[],
  items: readonly Item[],
  dependencies: readonly Dependency[],
): ThreatenedMilestone[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const next = new Map<string, string[]>();
  for (const d of dependencies) next.set(d.fromId, [...(next.get(d.fromId) ?? []), d.toId]);

  const found = new Map<string, ThreatenedMilestone>();
  for (const id of itemIds) {
    const item = byId.get(id);
    if (item?.kind === "milestone") found.set(id, { milestone: item, via: null });
  }
  for (const id of itemIds) {
    const source = byId.get(id);
    if (!source) continue;
    const seen = new Set([id]);
    const queue = [...(next.get(id) ?? [])];
    while (queue.length > 0) {
      const at = queue.shift()!;
      if (seen.has(at)) continue;
      seen.add(at);
      const item = byId.get(at);
      if (!item) continue;
      if (item.kind === "milestone" && !found.has(at)) found.set(at, { milestone: item, via: source });
      queue.push(...(next.get(at) ?? []));
    }
  }
  return [...found.values()].sort((a, b) => a.milestone.startDate.localeCompare(b.milestone.startDate));
}

// Dependencies of an imported plan: only between kept items, plausible lags, no duplicates, and no
// loops (the link that would close one is left out, in file order). Pure.

import { findCycle } from "../planning/graph";
import type { RoadmapDocument } from "../validation/roadmap-document";
import { quoted, type NormalizeContext } from "./normalize-context";

type Link = RoadmapDocument["dependencies"][number];

/** createDependencySchema's bound: a lag or lead of at most a year of working days. */
export const MAX_LAG_DAYS = 260;

export function normalizeDependencies(
  links: Link[],
  titles: Map<string, string>,
  ctx: NormalizeContext,
): Link[] {
  const seen = new Set<string>();
  const candidates: { link: Link; where: string; what: string }[] = [];
  links.forEach((link, index) => {
    const where = ctx.locate.dependency(index, link);
    const from = titles.get(link.fromId);
    const to = titles.get(link.toId);
    const what = `the link ${quoted(from ?? link.fromId)} → ${quoted(to ?? link.toId)}`;
    const key = `${link.fromId}\u0000${link.toId}`;
    let reason: string | null = null;
    if (from === undefined || to === undefined)
      reason = `It links to ${from === undefined ? link.fromId : link.toId}, an item that is not in the file or was left out.`;
    else if (link.fromId === link.toId) reason = "An item cannot depend on itself.";
    else if (!Number.isInteger(link.lagDays) || Math.abs(link.lagDays) > MAX_LAG_DAYS)
      reason = `A lag must be a whole number of working days between -${MAX_LAG_DAYS} and ${MAX_LAG_DAYS}.`;
    else if (seen.has(key)) reason = "The same link appears earlier; it was kept once.";
    if (reason) ctx.skip(where, what, reason);
    else {
      seen.add(key);
      candidates.push({ link: { fromId: link.fromId, toId: link.toId, lagDays: link.lagDays }, where, what });
    }
  });
  const ids = [...titles.keys()];
  // The usual case, a plan without loops, costs one linear check.
  if (
    findCycle(
      ids,
      candidates.map((c) => c.link),
    ) === null
  )
    return candidates.map((c) => c.link);
  return breakCycles(candidates, titles, ctx);
}

/**
 * Keeps links in file order, leaving out each one that would close a loop with the links kept
 * before it: graph.ts wouldCreateCycle's breadth-first walk, on integer indexes and an adjacency
 * kept between links, so that each check costs what its walk reaches rather than the whole list.
 */
function breakCycles(
  candidates: { link: Link; where: string; what: string }[],
  titles: Map<string, string>,
  ctx: NormalizeContext,
): Link[] {
  const ids = [...titles.keys()];
  const index = new Map(ids.map((id, i) => [id, i]));
  const successors: number[][] = ids.map(() => []);
  const seenIn = new Int32Array(ids.length); // the walk that last reached each node, 0 = none
  const cameFrom = new Int32Array(ids.length);
  const queue = new Int32Array(ids.length);
  const kept: Link[] = [];
  let walk = 0;
  for (const { link, where, what } of candidates) {
    const from = index.get(link.fromId)!;
    const to = index.get(link.toId)!;
    // Is `from` reachable from `to` along kept links? Then from -> to would close a loop.
    walk++;
    seenIn[to] = walk;
    queue[0] = to;
    let found = false;
    for (let head = 0, tail = 1; head < tail && !found; head++) {
      for (const next of successors[queue[head]]) {
        if (seenIn[next] === walk) continue;
        seenIn[next] = walk;
        cameFrom[next] = queue[head];
        if (next === from) {
          found = true;
          break;
        }
        queue[tail++] = next;
      }
    }
    if (!found) {
      kept.push(link);
      successors[from].push(to);
      continue;
    }
    const loop = [from];
    for (let at = from; at !== to;) loop.push((at = cameFrom[at]));
    const names = [
      link.toId,
      ...loop
        .reverse()
        .slice(1)
        .map((i) => ids[i]),
      link.toId,
    ].map((id) => quoted(titles.get(id) ?? id));
    ctx.skip(where, what, `It would close a loop (${names.join(" → ")}); the link was left out.`);
  }
  return kept;
}

// Dependencies of an imported plan: only between kept items, plausible lags, no duplicates, and no
// loops (the links that close them are left out, see leaveOutLoops). Pure.

import { indexNetwork } from "../planning/indexed-network";
import { loopClosingLinks } from "../planning/loops";
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
    let rule: string | undefined;
    if (from === undefined || to === undefined) {
      reason = `It links to ${from === undefined ? link.fromId : link.toId}, an item that is not in the file or was left out.`;
      rule = "It links to an item that is not in the file or was left out.";
    } else if (link.fromId === link.toId) reason = "An item cannot depend on itself.";
    else if (!Number.isInteger(link.lagDays) || Math.abs(link.lagDays) > MAX_LAG_DAYS)
      reason = `A lag must be a whole number of working days between -${MAX_LAG_DAYS} and ${MAX_LAG_DAYS}.`;
    else if (seen.has(key)) reason = "The same link appears earlier; it was kept once.";
    if (reason) ctx.skip(where, what, reason, rule);
    else {
      seen.add(key);
      candidates.push({ link: { fromId: link.fromId, toId: link.toId, lagDays: link.lagDays }, where, what });
    }
  });
  return leaveOutLoops(candidates, [...titles.keys()], titles, ctx);
}

/** Titles named in a loop's sentence; a longer loop is shortened with "…" and given its length. */
const NAMED_IN_LOOP = 5;
const LOOP_RULE = "It would close a loop; the link was left out.";

/**
 * Leaves out the links that close loops (lib/planning/loops.ts: one linear pass over the graph,
 * however many loops there are), each reported with the loop it closes.
 */
function leaveOutLoops(
  candidates: { link: Link; where: string; what: string }[],
  ids: string[],
  titles: Map<string, string>,
  ctx: NormalizeContext,
): Link[] {
  const links = candidates.map((c) => c.link);
  const dropped = loopClosingLinks(indexNetwork(ids, links), NAMED_IN_LOOP);
  if (dropped.length === 0) return links;
  const name = (node: number) => quoted(titles.get(ids[node]) ?? ids[node]);
  const left = new Uint8Array(links.length);
  for (const { edge, length, nodes } of dropped) {
    left[edge] = 1;
    const names = nodes.map(name);
    const shortened = length > nodes.length;
    if (shortened) names.splice(names.length - 2, 0, "…");
    const loop = [...names, name(nodes[0])].join(" → ");
    const size = shortened ? ` of ${length.toLocaleString("en")} items` : "";
    const { where, what } = candidates[edge];
    ctx.skip(where, what, `It would close a loop${size} (${loop}); the link was left out.`, LOOP_RULE);
  }
  return links.filter((_, i) => !left[i]);
}

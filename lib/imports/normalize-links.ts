// Dependencies of an imported plan: only between kept items, plausible lags, no duplicates, and no
// loops (the links that close them are left out, see leaveOutLoops). Pure.

import { indexNetwork } from "../planning/indexed-network";
import { loopClosingLinks } from "../planning/loops";
import type { RoadmapDocument } from "../validation/roadmap-document";
import { quoted, type NormalizeContext } from "./normalize-context";

type Link = RoadmapDocument["dependencies"][number];

/** createDependencySchema's bound: a lag or lead of at most a year of working days. */
export const MAX_LAG_DAYS = 260;

const MISSING_RULE = "It links to an item that is not in the file or was left out.";
const LOOP_RULE = "It would close a loop; the link was left out.";
/** Titles named in a loop's sentence; a longer loop is shortened with "…" and given its length. */
const NAMED_IN_LOOP = 5;

/**
 * A plan may hold a hundred thousand links and as many problems; only the first of those are
 * listed (skip-report.ts), so where, what and why are written for those only.
 */
function skipLink(
  ctx: NormalizeContext,
  index: number,
  link: Link,
  titles: Map<string, string>,
  reason: () => string,
  rule: string,
) {
  if (!ctx.skipped.listing) return ctx.skipped.count(rule);
  const what = `the link ${quoted(titles.get(link.fromId) ?? link.fromId)} → ${quoted(titles.get(link.toId) ?? link.toId)}`;
  ctx.skip(ctx.locate.dependency(index, link), what, reason(), rule);
}

export function normalizeDependencies(
  links: Link[],
  titles: Map<string, string>,
  ctx: NormalizeContext,
): Link[] {
  const seen = new Set<string>();
  const kept: Link[] = [];
  const keptIndex: number[] = [];
  links.forEach((link, index) => {
    const skip = (reason: string) => skipLink(ctx, index, link, titles, () => reason, reason);
    const { fromId, toId, lagDays } = link;
    const key = `${fromId}\u0000${toId}`;
    if (!titles.has(fromId) || !titles.has(toId)) {
      const missing = titles.has(fromId) ? toId : fromId;
      skipLink(
        ctx,
        index,
        link,
        titles,
        () => `It links to ${missing}, an item that is not in the file or was left out.`,
        MISSING_RULE,
      );
    } else if (fromId === toId) skip("An item cannot depend on itself.");
    else if (!Number.isInteger(lagDays) || Math.abs(lagDays) > MAX_LAG_DAYS)
      skip(`A lag must be a whole number of working days between -${MAX_LAG_DAYS} and ${MAX_LAG_DAYS}.`);
    else if (seen.has(key)) skip("The same link appears earlier; it was kept once.");
    else {
      seen.add(key);
      kept.push({ fromId, toId, lagDays });
      keptIndex.push(index);
    }
  });
  return leaveOutLoops(kept, keptIndex, titles, ctx);
}

/**
 * Leaves out the links that close loops (lib/planning/loops.ts: one linear pass over the graph,
 * however many loops there are), each reported with the loop it closes. `fileIndex` holds each
 * link's position in the file, for the report.
 */
function leaveOutLoops(
  links: Link[],
  fileIndex: number[],
  titles: Map<string, string>,
  ctx: NormalizeContext,
): Link[] {
  const ids = [...titles.keys()];
  const dropped = loopClosingLinks(indexNetwork(ids, links), NAMED_IN_LOOP);
  if (dropped.length === 0) return links;
  const name = (node: number) => quoted(titles.get(ids[node]) ?? ids[node]);
  const sentence = ({ length, nodes }: (typeof dropped)[number]) => {
    const names = nodes.map(name);
    const shortened = length > nodes.length;
    if (shortened) names.splice(names.length - 2, 0, "…");
    const loop = [...names, name(nodes[0])].join(" → ");
    const size = shortened ? ` of ${length.toLocaleString("en")} items` : "";
    return `It would close a loop${size} (${loop}); the link was left out.`;
  };
  const left = new Uint8Array(links.length);
  for (const loop of dropped) {
    left[loop.edge] = 1;
    skipLink(ctx, fileIndex[loop.edge], links[loop.edge], titles, () => sentence(loop), LOOP_RULE);
  }
  return links.filter((_, i) => !left[i]);
}

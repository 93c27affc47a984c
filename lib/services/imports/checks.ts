// What an imported document must meet before a row is written: the domain rules a parser keeps.
import { horizonEnd } from "@/lib/planning/calendar";
import { findCycle } from "@/lib/planning/graph";
import type { RoadmapDocument } from "@/lib/validation/roadmap-document";
import { HORIZON } from "@/lib/validation/roadmaps";
import { AppError } from "@/lib/services/kernel/errors";
import { plural } from "./names";

/**
 * The parsers hand over documents that keep every domain rule; a document that does not (a bug, or
 * a parser that missed a case) is refused with the rule's own 4xx rather than half-written.
 */
export function checkDomainRules(doc: RoadmapDocument) {
  const { startDate, horizonMonths } = doc.roadmap;
  if (horizonMonths < HORIZON.min || horizonMonths > HORIZON.max) {
    throw new AppError(
      "horizon_out_of_range",
      `A roadmap spans ${HORIZON.min} to ${HORIZON.max} months; the file's plan spans ${horizonMonths}.`,
      { details: { min: HORIZON.min, max: HORIZON.max, got: horizonMonths } },
    );
  }
  const end = horizonEnd(startDate, horizonMonths);
  const outside = doc.items.filter(
    (i) => i.startDate < startDate || i.endDate > end || i.startDate > i.endDate,
  );
  if (outside.length > 0) {
    throw new AppError(
      "outside_horizon",
      `${plural(outside.length, "item")} of the file fall outside the roadmap's horizon (${startDate} to ${end}).`,
      { details: { items: outside.slice(0, 20).map((i) => i.id) } },
    );
  }
  const cycle = findCycle(
    doc.items.map((i) => i.id),
    doc.dependencies,
  );
  if (cycle) {
    throw new AppError(
      "dependency_cycle",
      "The file's dependencies form a loop; remove one of the links named.",
      {
        details: { cycle },
      },
    );
  }
}

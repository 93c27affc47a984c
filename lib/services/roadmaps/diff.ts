import type { Database } from "@/db/types";
import { diffDocuments } from "@/lib/planning/roadmap-diff";
import type { DiffResponse } from "@/lib/validation/communication";
import type { RoadmapDocument } from "@/lib/validation/roadmap-document";
import type { Actor } from "@/lib/services/kernel/actor";
import { AppError, notFound } from "@/lib/services/kernel/errors";
import { accessRoadmap, type RoadmapRow } from "@/lib/services/kernel/roadmap-access";
import { loadRoadmapDocument } from "./document";
import { findSnapshot } from "@/lib/services/snapshots/queries";

type DiffSide = { id: string; label: string; at: string; document: RoadmapDocument };

/**
 * One side of a diff: "now" (the live roadmap), or a snapshot of this roadmap. A snapshot of
 * another roadmap of the same team is a 422 that names it; an unknown one, or another team's, 404.
 */
async function resolveSide(db: Database, roadmap: RoadmapRow, ref: string, now: Date): Promise<DiffSide> {
  if (ref === "now") {
    return {
      id: "now",
      label: "Now",
      at: now.toISOString(),
      document: await loadRoadmapDocument(db, roadmap, now),
    };
  }
  const row = await findSnapshot(db, ref);
  if (!row || row.teamId !== roadmap.teamId) throw notFound("snapshot");
  if (row.roadmapId !== roadmap.id) {
    throw new AppError(
      "cross_roadmap",
      `The snapshot "${row.label}" is of the roadmap "${row.roadmapTitle}", not of "${roadmap.title}". Compare two snapshots of the same roadmap.`,
      { details: { snapshotId: row.id, roadmapId: row.roadmapId } },
    );
  }
  return { id: row.id, label: row.label, at: row.createdAt.toISOString(), document: row.document };
}

export async function getDiff(
  db: Database,
  actor: Actor,
  roadmapId: string,
  refs: { from: string; to: string },
  now: Date = new Date(),
): Promise<DiffResponse> {
  const { roadmap } = await accessRoadmap(db, actor, roadmapId, "team.read");
  const from = await resolveSide(db, roadmap, refs.from, now);
  const to = refs.to === refs.from ? from : await resolveSide(db, roadmap, refs.to, now);
  const side = ({ id, label, at }: DiffSide) => ({ id, label, at });
  return { from: side(from), to: side(to), diff: diffDocuments(from.document, to.document) };
}

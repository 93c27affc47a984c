import { answerCache } from "@/lib/server/cached-answer";
import { route } from "@/lib/server/route";
import { roadmapReadStamp } from "@/lib/services/kernel/roadmap-access";
import { boardFor } from "@/lib/services/roadmaps/board";
import { deleteRoadmap } from "@/lib/services/roadmaps/delete";
import { updateRoadmap } from "@/lib/services/roadmaps/update";
import { timeline } from "@/lib/validation/endpoints";

// The board differs by the reader's role (it names it): named by sequence number and role. Access
// is checked on every request (roadmapReadStamp) before the cache is consulted. The tag leads with
// the roadmap's version (api.md: `ETag: "<version>"`), so a client that echoes the board's ETag in
// If-Match on PATCH or DELETE of the roadmap names that version (parseIfMatch reads the lead).
const boardTag = (version: number, seq: number, role: string) => `${version}-b${seq}-${role}`;

export const GET = route(timeline.getBoard, async ({ req, db, actor, params }) => {
  const access = await roadmapReadStamp(db, actor, params.roadmapId);
  return answerCache().answer(
    req,
    timeline.getBoard,
    `board:${params.roadmapId}`,
    boardTag(access.roadmap.version, access.seq, access.role),
    async () => {
      const board = await boardFor(db, access);
      return { tag: boardTag(board.roadmap.version, board.seq, board.role), body: board };
    },
  );
});

export const PATCH = route(timeline.updateRoadmap, async ({ db, actor, params, body, ifMatch }) => {
  const roadmap = await updateRoadmap(db, actor, params.roadmapId, ifMatch, body);
  return { body: { roadmap }, version: roadmap.version };
});

export const DELETE = route(timeline.deleteRoadmap, async ({ db, actor, params, ifMatch }) => {
  const roadmap = await deleteRoadmap(db, actor, params.roadmapId, ifMatch);
  return { body: { roadmap }, version: roadmap.version };
});

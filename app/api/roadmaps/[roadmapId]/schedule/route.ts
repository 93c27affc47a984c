import { answerCache } from "@/lib/server/cached-answer";
import { route } from "@/lib/server/route";
import { roadmapReadStamp } from "@/lib/services/kernel/roadmap-access";
import { getScheduleAt } from "@/lib/services/roadmaps/board";
import { timeline } from "@/lib/validation/endpoints";

// The schedule is the same for every role: named by the roadmap's sequence number alone.
export const GET = route(timeline.getSchedule, async ({ req, db, actor, params }) => {
  const { seq } = await roadmapReadStamp(db, actor, params.roadmapId);
  return answerCache().answer(
    req,
    timeline.getSchedule,
    `schedule:${params.roadmapId}`,
    `s${seq}`,
    async () => {
      const { seq: at, schedule } = await getScheduleAt(db, actor, params.roadmapId);
      return { tag: `s${at}`, body: schedule };
    },
  );
});

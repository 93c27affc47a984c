import { answerCache } from "@/lib/server/cached-answer";
import { route } from "@/lib/server/route";
import { roadmapReadStamp } from "@/lib/services/kernel/roadmap-access";
import { scheduleFor } from "@/lib/services/roadmaps/board";
import { timeline } from "@/lib/validation/endpoints";

// The schedule is the same for every role: named by the roadmap's sequence number alone. Access is
// checked on every request (roadmapReadStamp) before the cache is consulted.
export const GET = route(timeline.getSchedule, async ({ req, db, actor, params }) => {
  const access = await roadmapReadStamp(db, actor, params.roadmapId);
  const name = `schedule:${params.roadmapId}`;
  return answerCache().answer(req, timeline.getSchedule, name, `s${access.seq}`, async () => {
    const { seq, schedule } = await scheduleFor(db, access);
    return { tag: `s${seq}`, body: schedule };
  });
});

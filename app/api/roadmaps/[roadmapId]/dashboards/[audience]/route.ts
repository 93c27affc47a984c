import { route } from "@/lib/server/route";
import { getDashboard } from "@/lib/services/dashboards/build";
import { AppError } from "@/lib/services/kernel/errors";
import { audienceSchema } from "@/lib/validation/communication";
import { communication } from "@/lib/validation/endpoints";

export const GET = route(communication.getDashboard, async ({ db, actor, params }) => {
  const audience = audienceSchema.safeParse(params.audience);
  if (!audience.success) {
    throw new AppError(
      "not_found",
      'There is no such dashboard: ask for "executive", "engineering" or "product".',
    );
  }
  return { body: await getDashboard(db, actor, params.roadmapId, audience.data) };
});

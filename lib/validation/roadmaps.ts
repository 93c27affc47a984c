import { z } from "zod";
import { text } from "./common";
import { isoDateSchema } from "./dates";

import { HORIZON, ROADMAP_STATUSES } from "./roadmap-kinds";

export { HORIZON, ROADMAP_STATUSES };

const description = z.string().trim().max(5000, "Description must be at most 5,000 characters.");

/** Horizon bounds are a domain rule (422 horizon_out_of_range), so the schema only asks for a whole number. */
const horizonMonths = z
  .number({ error: "horizonMonths must be a number of months." })
  .int("horizonMonths must be a whole number of months.");

export const createRoadmapSchema = z.object({
  title: text(200, "Title"),
  description: description.optional(),
  startDate: isoDateSchema,
  horizonMonths: horizonMonths.optional(),
  status: z.enum(ROADMAP_STATUSES).optional(),
});
export type CreateRoadmapInput = z.infer<typeof createRoadmapSchema>;

export const updateRoadmapSchema = z
  .object({
    title: text(200, "Title"),
    description: description.nullable(),
    startDate: isoDateSchema,
    horizonMonths,
    status: z.enum(ROADMAP_STATUSES),
  })
  .partial();
export type UpdateRoadmapInput = z.infer<typeof updateRoadmapSchema>;

const roadmapFields = {
  id: z.string(),
  teamId: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  startDate: z.string(),
  horizonMonths: z.number().int(),
  status: z.enum(ROADMAP_STATUSES),
  kind: z.enum(["roadmap", "scenario"]),
  baseRoadmapId: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const roadmapSchema = z.object(roadmapFields).meta({ id: "Roadmap" });
export type Roadmap = z.infer<typeof roadmapSchema>;

export const roadmapSummarySchema = z
  .object({ ...roadmapFields, itemCount: z.number().int(), milestoneCount: z.number().int() })
  .meta({ id: "RoadmapSummary" });
export type RoadmapSummary = z.infer<typeof roadmapSummarySchema>;

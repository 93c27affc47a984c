import { z } from "zod";

export const ROADMAP_STATUSES = ["draft", "active", "archived"] as const;

export const roadmapSummarySchema = z
  .object({
    id: z.string(),
    teamId: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    startDate: z.string(),
    horizonMonths: z.number().int(),
    status: z.enum(ROADMAP_STATUSES),
    kind: z.enum(["roadmap", "scenario"]),
    baseRoadmapId: z.string().nullable(),
    itemCount: z.number().int(),
    milestoneCount: z.number().int(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "RoadmapSummary" });
export type RoadmapSummary = z.infer<typeof roadmapSummarySchema>;

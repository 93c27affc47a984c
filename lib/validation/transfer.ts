/** Import of roadmap files: the query and what an import reports. */
import { z } from "zod";

export const importQuerySchema = z.object({
  /** A title for the new roadmap instead of the file's. */
  title: z.string().trim().min(1).max(200).optional(),
});

export const importSkipSchema = z.object({
  /** Where in the file: "line 12", "task 41", "items[3]". */
  where: z.string(),
  what: z.string(),
  reason: z.string(),
});
export type ImportSkip = z.infer<typeof importSkipSchema>;

export const importResultSchema = z
  .object({
    roadmap: z.object({
      id: z.string(),
      title: z.string(),
      startDate: z.string(),
      horizonMonths: z.number().int(),
      version: z.number().int(),
    }),
    source: z.enum(["json", "csv", "mspdi"]),
    imported: z.object({
      workstreams: z.number().int(),
      items: z.number().int(),
      dependencies: z.number().int(),
      risks: z.number().int(),
    }),
    /** The first 200 things left out, in file order; `skippedTotal` counts them all. */
    skipped: z.array(importSkipSchema),
    skippedTotal: z.number().int(),
    /** How many were left out for each reason, most frequent first. */
    skippedByReason: z.array(z.object({ reason: z.string(), count: z.number().int() })),
  })
  .meta({ id: "ImportResult" });
export type ImportResult = z.infer<typeof importResultSchema>;

import { z } from "zod";
import { RISK_KINDS, RISK_STATUSES } from "./resource-kinds";
import { ROADMAP_STATUSES } from "./roadmaps";
import { ITEM_KINDS, ITEM_STATUSES } from "./timeline";

/**
 * The lossless roadmap document: what a JSON export holds, what a JSON import takes, and what a
 * snapshot freezes. Ids are the exporting roadmap's (an import gives everything new ids and keeps
 * the links between them); skills travel by name and people by email, so that a document moves
 * between teams. The schema checks shape only: an importer reports items that break domain rules
 * (a milestone without an outcome, a link to a missing item) as skipped rather than refusing the file.
 */
export const ROADMAP_DOCUMENT_FORMAT = "cairn.roadmap";
export const ROADMAP_DOCUMENT_VERSION = 1;

const docId = z.string().min(1).max(100);
const longText = (max: number) => z.string().max(max).nullable();

export const documentItemSchema = z.object({
  id: docId,
  workstreamId: docId.nullable(),
  kind: z.enum(ITEM_KINDS),
  title: z.string().max(200),
  description: longText(10_000),
  startDate: z.string(),
  endDate: z.string(),
  outcome: longText(2_000),
  isKey: z.boolean(),
  status: z.enum(ITEM_STATUSES),
  estimate: z
    .object({ optimisticHours: z.number(), likelyHours: z.number(), pessimisticHours: z.number() })
    .nullable(),
  /** Skill names of the team, with hours. */
  skills: z.array(z.object({ skill: z.string().max(100), hours: z.number() })).max(50),
  /** The owner's email, or null. */
  owner: z.string().max(320).nullable(),
});
export type DocumentItem = z.infer<typeof documentItemSchema>;

export const documentRiskSchema = z.object({
  id: docId,
  title: z.string().max(200),
  description: longText(5_000),
  kind: z.enum(RISK_KINDS),
  likelihood: z.number().int(),
  impact: z.number().int(),
  status: z.enum(RISK_STATUSES),
  itemIds: z.array(docId).max(200),
  owner: z.string().max(320).nullable(),
  delayDays: z.number().int().nullable(),
  contingency: longText(5_000),
});
export type DocumentRisk = z.infer<typeof documentRiskSchema>;

export const roadmapDocumentSchema = z
  .object({
    format: z.literal(ROADMAP_DOCUMENT_FORMAT),
    version: z.literal(ROADMAP_DOCUMENT_VERSION),
    exportedAt: z.string().optional(),
    roadmap: z.object({
      title: z.string().min(1).max(200),
      description: longText(5_000).optional(),
      startDate: z.string(),
      horizonMonths: z.number().int(),
      status: z.enum(ROADMAP_STATUSES).optional(),
    }),
    workstreams: z
      .array(z.object({ id: docId, name: z.string().min(1).max(100), position: z.number().int() }))
      .max(1_000),
    items: z.array(documentItemSchema).max(20_000),
    dependencies: z.array(z.object({ fromId: docId, toId: docId, lagDays: z.number().int() })).max(100_000),
    risks: z.array(documentRiskSchema).max(5_000).default([]),
    /** Development phases in order; a gate's decision belongs to the roadmap's history, not its plan. */
    phases: z
      .array(
        z.object({
          id: docId,
          name: z.string().min(1).max(200),
          startDate: z.string(),
          endDate: z.string(),
          gate: z.object({ title: z.string().max(200), outcome: z.string().max(2_000) }).nullable(),
        }),
      )
      .max(200)
      .default([]),
    staffing: z
      .object({
        hiringLeadWeeks: z.number().int(),
        rows: z
          .array(
            z.object({
              skill: z.string().max(100),
              quarter: z.string(),
              headcount: z.number(),
              hoursPerWeek: z.number(),
            }),
          )
          .max(5_000),
      })
      .nullable()
      .default(null),
  })
  .meta({ id: "RoadmapDocument" });
export type RoadmapDocument = z.infer<typeof roadmapDocumentSchema>;

/** Snapshots, the reviews held on them, and the diff between two points of a roadmap's history. */
import { z } from "zod";
import { text } from "./common";
import { audienceSchema } from "./audience";
import { personSchema } from "./collaboration";
import { SNAPSHOT_KINDS } from "./communication-kinds";
import { isoDateSchema } from "./dates";
import { ITEM_KINDS } from "./timeline";

export const createSnapshotSchema = z.strictObject({ label: text(200, "Label") });

export const snapshotSchema = z
  .object({
    id: z.string(),
    roadmapId: z.string(),
    label: z.string(),
    kind: z.enum(SNAPSHOT_KINDS),
    itemCount: z.number().int(),
    seq: z.number().int(),
    createdBy: personSchema.nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "Snapshot" });
export type Snapshot = z.infer<typeof snapshotSchema>;

export const createReviewSchema = z.strictObject({
  audience: audienceSchema,
  heldOn: isoDateSchema,
  notes: z.string().trim().max(20_000, "Notes must be at most 20,000 characters.").default(""),
  decisions: z.array(text(1_000, "A decision")).max(50, "At most 50 decisions per review.").default([]),
});
export type CreateReviewInput = z.infer<typeof createReviewSchema>;

export const reviewSchema = z
  .object({
    id: z.string(),
    roadmapId: z.string(),
    audience: audienceSchema,
    heldOn: z.string(),
    notes: z.string(),
    decisions: z.array(z.string()),
    snapshot: snapshotSchema,
    createdBy: personSchema.nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "Review" });
export type Review = z.infer<typeof reviewSchema>;

// ---------------------------------------------------------------- diff

/** A snapshot id, or "now" for the roadmap as it is. */
export const diffQuerySchema = z.object({
  from: z.union([z.literal("now"), z.uuid('from must be a snapshot id or "now".')]),
  to: z.union([z.literal("now"), z.uuid('to must be a snapshot id or "now".')]).default("now"),
});

export const itemRefSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(ITEM_KINDS),
  isKey: z.boolean(),
  startDate: z.string(),
  endDate: z.string(),
  /** The lane's name, or null. */
  workstream: z.string().nullable(),
});
export type DiffItemRef = z.infer<typeof itemRefSchema>;

const fieldChangeSchema = z.object({ field: z.string(), from: z.unknown(), to: z.unknown() });
export type FieldChange = z.infer<typeof fieldChangeSchema>;

const diffSideSchema = z.object({
  /** A snapshot's id, or "now". */
  id: z.string(),
  label: z.string(),
  /** When the snapshot was taken, or the time of the diff for "now". */
  at: z.string(),
});

export const diffSummarySchema = z.object({
  added: z.number().int(),
  removed: z.number().int(),
  moved: z.number().int(),
  changed: z.number().int(),
  dependenciesAdded: z.number().int(),
  dependenciesRemoved: z.number().int(),
  risksAdded: z.number().int(),
  risksRemoved: z.number().int(),
  risksChanged: z.number().int(),
});
export type DiffSummary = z.infer<typeof diffSummarySchema>;

export const roadmapDiffSchema = z
  .object({
    summary: diffSummarySchema,
    items: z.object({
      added: z.array(itemRefSchema),
      /** Items gone, and items cut (status changed to cut) are listed here too, as before. */
      removed: z.array(itemRefSchema),
      /** Start or end date changed; days are calendar days, later positive. */
      moved: z.array(
        itemRefSchema.extend({
          fromStart: z.string(),
          fromEnd: z.string(),
          startDays: z.number().int(),
          endDays: z.number().int(),
        }),
      ),
      /** Other fields changed (title, status, lane, estimate, skills, owner, outcome, key, description). */
      changed: z.array(itemRefSchema.extend({ fields: z.array(fieldChangeSchema) })),
    }),
    dependencies: z.object({
      added: z.array(
        z.object({
          fromId: z.string(),
          toId: z.string(),
          fromTitle: z.string(),
          toTitle: z.string(),
          lagDays: z.number().int(),
        }),
      ),
      removed: z.array(
        z.object({
          fromId: z.string(),
          toId: z.string(),
          fromTitle: z.string(),
          toTitle: z.string(),
          lagDays: z.number().int(),
        }),
      ),
    }),
    risks: z.object({
      added: z.array(z.object({ id: z.string(), title: z.string(), score: z.number().int() })),
      removed: z.array(z.object({ id: z.string(), title: z.string(), score: z.number().int() })),
      changed: z.array(z.object({ id: z.string(), title: z.string(), fields: z.array(fieldChangeSchema) })),
    }),
    criticalPath: z.object({
      before: z.array(z.object({ id: z.string(), title: z.string() })),
      after: z.array(z.object({ id: z.string(), title: z.string() })),
    }),
    /** CPM early finish of the whole plan; days: calendar days, later positive. */
    projectFinish: z.object({ before: z.string(), after: z.string(), days: z.number().int() }),
  })
  .meta({ id: "RoadmapDiff" });
export type RoadmapDiff = z.infer<typeof roadmapDiffSchema>;

export const diffResponseSchema = z.object({
  from: diffSideSchema,
  to: diffSideSchema,
  diff: roadmapDiffSchema,
});
export type DiffResponse = z.infer<typeof diffResponseSchema>;

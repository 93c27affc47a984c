import { z } from "zod";
import { text } from "./common";
import { isoDateSchema } from "./dates";

export const ITEM_KINDS = ["feature", "milestone"] as const;
export const ITEM_STATUSES = ["planned", "in_progress", "done", "at_risk", "cut"] as const;
export const MAX_HOURS = 100_000;

export const workstreamInputSchema = z.object({
  name: text(100, "Lane name"),
  position: z.number().int("position must be a whole number.").min(0).max(10_000).optional(),
});
export const updateWorkstreamSchema = workstreamInputSchema.partial();

const hours = (label: string) =>
  z
    .number({ error: `${label} must be a number of hours.` })
    .min(0, `${label} cannot be negative.`)
    .max(MAX_HOURS, `${label} above ${MAX_HOURS.toLocaleString("en")} is not a plausible estimate.`);

export const estimateSchema = z
  .object({
    optimisticHours: hours("Optimistic hours"),
    likelyHours: hours("Likely hours"),
    pessimisticHours: hours("Pessimistic hours"),
  })
  .superRefine((e, ctx) => {
    if (e.optimisticHours > e.likelyHours)
      ctx.addIssue({
        code: "custom",
        path: ["likelyHours"],
        message: "Likely hours must be at least the optimistic hours.",
      });
    if (e.likelyHours > e.pessimisticHours)
      ctx.addIssue({
        code: "custom",
        path: ["pessimisticHours"],
        message: "Pessimistic hours must be at least the likely hours.",
      });
  })
  .meta({ id: "Estimate" });
export type Estimate = z.infer<typeof estimateSchema>;

export const itemSkillSchema = z.object({
  skillId: z.uuid("skillId must be a skill's id."),
  hours: hours("Skill hours"),
});

/** The fields of an item as a person edits them; shape rules for both kinds are checked together. */
const itemFields = z.object({
  kind: z.enum(ITEM_KINDS, { error: 'kind must be "feature" or "milestone".' }),
  title: text(200, "Title"),
  description: z
    .string()
    .trim()
    .max(10_000, "Description must be at most 10,000 characters.")
    .nullable()
    .optional(),
  startDate: isoDateSchema,
  endDate: isoDateSchema.optional(),
  outcome: z.string().trim().max(2000, "Outcome must be at most 2,000 characters.").nullable().optional(),
  isKey: z.boolean().optional(),
  status: z.enum(ITEM_STATUSES).optional(),
  workstreamId: z.uuid("workstreamId must be a lane's id.").nullable().optional(),
  estimate: estimateSchema.nullable().optional(),
  skills: z.array(itemSkillSchema).max(50).optional(),
  ownerId: z.uuid("ownerId must be a member's id.").nullable().optional(),
});

type ItemFields = z.infer<typeof itemFields>;

/** A milestone is one date with a measurable outcome; a feature runs from start to end. */
export function checkItemShape(item: ItemFields, ctx: z.RefinementCtx) {
  const end = item.endDate ?? item.startDate;
  if (item.kind === "milestone") {
    if (end !== item.startDate)
      ctx.addIssue({
        code: "custom",
        path: ["endDate"],
        message: "A milestone is a single date: endDate must equal startDate.",
      });
    if (!item.outcome?.trim())
      ctx.addIssue({
        code: "custom",
        path: ["outcome"],
        message: "A milestone needs an outcome: the specific, measurable result that marks it reached.",
      });
    if (item.estimate)
      ctx.addIssue({
        code: "custom",
        path: ["estimate"],
        message: "Milestones take no hours; put estimates on features.",
      });
  } else if (end < item.startDate) {
    ctx.addIssue({ code: "custom", path: ["endDate"], message: "A feature cannot end before it starts." });
  }
  const seen = new Set<string>();
  for (const [i, s] of (item.skills ?? []).entries()) {
    if (seen.has(s.skillId))
      ctx.addIssue({
        code: "custom",
        path: ["skills", i, "skillId"],
        message: "Each skill may be listed once.",
      });
    seen.add(s.skillId);
  }
}

export const createItemSchema = itemFields.superRefine(checkItemShape);
export type CreateItemInput = z.infer<typeof createItemSchema>;

export const updateItemSchema = itemFields.partial();
export type UpdateItemInput = z.infer<typeof updateItemSchema>;
/** A PATCH merged onto the stored item must still be a valid item. */
export const mergedItemSchema = createItemSchema;

export const createDependencySchema = z.object({
  fromId: z.uuid("fromId must be an item's id."),
  toId: z.uuid("toId must be an item's id."),
  lagDays: z
    .number({ error: "lagDays must be a number of working days." })
    .int("lagDays must be a whole number of working days.")
    .min(-260, "A lead of more than 260 working days (a year) is not plausible.")
    .max(260, "A lag of more than 260 working days (a year) is not plausible.")
    .optional(),
});
export type CreateDependencyInput = z.infer<typeof createDependencySchema>;

export const workstreamSchema = z
  .object({
    id: z.string(),
    roadmapId: z.string(),
    name: z.string(),
    position: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: "Workstream" });
export type Workstream = z.infer<typeof workstreamSchema>;

export const itemSchema = z
  .object({
    id: z.string(),
    roadmapId: z.string(),
    workstreamId: z.string().nullable(),
    kind: z.enum(ITEM_KINDS),
    title: z.string(),
    description: z.string().nullable(),
    startDate: z.string(),
    endDate: z.string(),
    outcome: z.string().nullable(),
    isKey: z.boolean(),
    status: z.enum(ITEM_STATUSES),
    estimate: z
      .object({ optimisticHours: z.number(), likelyHours: z.number(), pessimisticHours: z.number() })
      .nullable(),
    skills: z.array(z.object({ skillId: z.string(), hours: z.number() })),
    ownerId: z.string().nullable(),
    /** Actuals (#18): the days work really started and finished, and hours left of work in progress. */
    actualStart: z.string().nullable(),
    actualFinish: z.string().nullable(),
    remainingHours: z.number().nullable(),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: "Item" });
export type Item = z.infer<typeof itemSchema>;

export const dependencySchema = z
  .object({
    id: z.string(),
    roadmapId: z.string(),
    fromId: z.string(),
    toId: z.string(),
    lagDays: z.number().int(),
  })
  .meta({ id: "Dependency" });
export type Dependency = z.infer<typeof dependencySchema>;

export const scheduleItemSchema = z.object({
  id: z.string(),
  durationDays: z.number().int(),
  earlyStart: z.string(),
  earlyFinish: z.string(),
  lateStart: z.string(),
  lateFinish: z.string(),
  totalSlackDays: z.number().int(),
  critical: z.boolean(),
  plannedStartViolation: z.boolean(),
  targetMissed: z.boolean(),
  projectedStart: z.string(),
  projectedFinish: z.string(),
  plannedTargetMissed: z.boolean(),
});
export const scheduleSchema = z
  .object({
    calendar: z.literal("mon-fri"),
    projectStart: z.string(),
    projectFinish: z.string(),
    criticalPath: z.array(z.string()),
    items: z.array(scheduleItemSchema),
  })
  .meta({ id: "Schedule" });
export type ScheduleResult = z.infer<typeof scheduleSchema>;

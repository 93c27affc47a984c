import { z } from "zod";
import { idSchema, text } from "./common";
import { DEFAULT_FORECAST_RUNS, RISK_KINDS, RISK_STATUSES } from "./resource-kinds";

export * from "./resource-kinds";

/** "2027-Q1". */
export const quarterSchema = z
  .string({ error: 'quarter must be text like "2027-Q1".' })
  .regex(/^\d{4}-Q[1-4]$/, 'quarter must look like "2027-Q1".');

export const MAX_HEADCOUNT = 1_000;
export const MAX_HOURS_PER_WEEK = 80;
export const MAX_FORECAST_RUNS = 100_000;

export const staffingRowSchema = z.strictObject({
  skillId: z.uuid("skillId must be a skill's id."),
  quarter: quarterSchema,
  headcount: z
    .number({ error: "headcount must be a number of people." })
    .min(0, "headcount cannot be negative.")
    .max(MAX_HEADCOUNT, `headcount above ${MAX_HEADCOUNT.toLocaleString("en")} is not plausible.`),
  hoursPerWeek: z
    .number({ error: "hoursPerWeek must be a number of hours." })
    .min(0, "hoursPerWeek cannot be negative.")
    .max(MAX_HOURS_PER_WEEK, `hoursPerWeek above ${MAX_HOURS_PER_WEEK} is not plausible.`),
});
export type StaffingRow = z.infer<typeof staffingRowSchema>;

export const putStaffingSchema = z
  .strictObject({
    rows: z.array(staffingRowSchema).max(5_000, "At most 5,000 rows."),
    hiringLeadWeeks: z
      .number({ error: "hiringLeadWeeks must be a number of weeks." })
      .int("hiringLeadWeeks must be a whole number of weeks.")
      .min(0, "hiringLeadWeeks cannot be negative.")
      .max(104, "A hiring lead time above two years is not plausible.")
      .optional(),
  })
  .superRefine((plan, ctx) => {
    const seen = new Set<string>();
    plan.rows.forEach((row, i) => {
      const key = `${row.skillId}/${row.quarter}`;
      if (seen.has(key))
        ctx.addIssue({
          code: "custom",
          path: ["rows", i],
          message: "Each skill may appear once per quarter.",
        });
      seen.add(key);
    });
  });
export type PutStaffingInput = z.infer<typeof putStaffingSchema>;

export const staffingSchema = z
  .object({
    roadmapId: z.string(),
    version: z.number().int(),
    hiringLeadWeeks: z.number().int(),
    rows: z.array(
      z.object({ skillId: z.string(), quarter: z.string(), headcount: z.number(), hoursPerWeek: z.number() }),
    ),
  })
  .meta({ id: "StaffingPlan" });
export type StaffingPlan = z.infer<typeof staffingSchema>;

const quarterCell = z.object({
  quarter: z.string(),
  demandHours: z.number(),
  capacityHours: z.number(),
  /** demandHours - capacityHours: above 0 the skill is short of people (over-allocated). */
  gapHours: z.number(),
  overAllocated: z.boolean(),
});

const rampUpRow = z.object({
  skillId: z.string(),
  quarter: z.string(),
  /** People to add so that the quarter's demand is met. */
  addHeadcount: z.number(),
  /** The date to start hiring, given the plan's lead time. */
  startBy: z.string(),
});

/** The per-quarter figures alone, as lib/planning/capacity computes them. */
const quarterlyCapacitySchema = z.object({
  quarters: z.array(z.string()),
  skills: z.array(z.object({ skillId: z.string(), name: z.string(), quarters: z.array(quarterCell) })),
  /** Hours per workstream (null: items in no lane) per quarter, from the features' estimates. */
  workstreams: z.array(
    z.object({
      workstreamId: z.string().nullable(),
      name: z.string(),
      quarters: z.array(z.object({ quarter: z.string(), hours: z.number() })),
    }),
  ),
  /** Estimated hours not asked of any skill, per quarter. */
  unassigned: z.array(z.object({ quarter: z.string(), hours: z.number() })),
  rampUp: z.array(rampUpRow),
  hiringLeadWeeks: z.number().int(),
});
export type QuarterlyCapacity = z.infer<typeof quarterlyCapacitySchema>;

export const capacitySchema = quarterlyCapacitySchema
  .extend({
    /** The phase each hire or move staffs (null: no phase covers the quarter). */
    rampUp: z.array(rampUpRow.extend({ phaseId: z.string().nullable() })),
    /** Demand against capacity per development phase, in phase order (empty without phases). */
    byPhase: z.array(
      z.object({
        phaseId: z.string(),
        name: z.string(),
        startDate: z.string(),
        endDate: z.string(),
        demandHours: z.number(),
        capacityHours: z.number(),
        gapHours: z.number(),
        skills: z.array(
          z.object({
            skillId: z.string(),
            name: z.string(),
            demandHours: z.number(),
            capacityHours: z.number(),
            gapHours: z.number(),
            overAllocated: z.boolean(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: "Capacity" });
export type Capacity = z.infer<typeof capacitySchema>;

const riskFields = {
  title: text(200, "Title"),
  description: z
    .string()
    .trim()
    .max(5_000, "Description must be at most 5,000 characters.")
    .nullable()
    .optional(),
  kind: z.enum(RISK_KINDS, { error: 'kind must be "roadblock", "dependency" or "external".' }),
  likelihood: z
    .number({ error: "likelihood must be a number from 1 to 5." })
    .int("likelihood must be a whole number from 1 to 5.")
    .min(1, "likelihood must be at least 1.")
    .max(5, "likelihood must be at most 5."),
  impact: z
    .number({ error: "impact must be a number from 1 to 5." })
    .int("impact must be a whole number from 1 to 5.")
    .min(1, "impact must be at least 1.")
    .max(5, "impact must be at most 5."),
  itemIds: z.array(idSchema).max(200, "A risk may name at most 200 items.").optional(),
  ownerId: z.uuid("ownerId must be a member's id.").nullable().optional(),
  status: z.enum(RISK_STATUSES, { error: 'status must be "open", "mitigating" or "closed".' }).optional(),
  delayDays: z
    .number({ error: "delayDays must be a number of working days." })
    .int("delayDays must be a whole number of working days.")
    .min(0, "delayDays cannot be negative.")
    .max(260, "A delay above 260 working days (a year) is not plausible.")
    .nullable()
    .optional(),
  contingency: z
    .string()
    .trim()
    .max(5_000, "Contingency must be at most 5,000 characters.")
    .nullable()
    .optional(),
};

export const createRiskSchema = z.strictObject(riskFields);
export type CreateRiskInput = z.infer<typeof createRiskSchema>;
export const updateRiskSchema = z.strictObject(riskFields).partial();
export type UpdateRiskInput = z.infer<typeof updateRiskSchema>;

export const riskSchema = z
  .object({
    id: z.string(),
    roadmapId: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    kind: z.enum(RISK_KINDS),
    likelihood: z.number().int(),
    impact: z.number().int(),
    /** likelihood x impact, 1-25. */
    score: z.number().int(),
    itemIds: z.array(z.string()),
    ownerId: z.string().nullable(),
    status: z.enum(RISK_STATUSES),
    delayDays: z.number().int().nullable(),
    contingency: z.string().nullable(),
    /** score >= 15 and no contingency plan. */
    needsContingency: z.boolean(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Risk" });
export type Risk = z.infer<typeof riskSchema>;

export const forecastQuerySchema = z.object({
  runs: z.coerce
    .number({ error: "runs must be a number." })
    .int("runs must be a whole number.")
    .min(100, "runs must be at least 100.")
    .max(MAX_FORECAST_RUNS, `runs must be at most ${MAX_FORECAST_RUNS.toLocaleString("en")}.`)
    .default(DEFAULT_FORECAST_RUNS),
  seed: z.coerce
    .number({ error: "seed must be a number." })
    .int("seed must be a whole number.")
    .min(0, "seed cannot be negative.")
    .max(2 ** 31 - 1, "seed must be below 2^31.")
    .default(1),
});

const percentiles = { p50: z.string(), p80: z.string(), p95: z.string() };

export const forecastSchema = z
  .object({
    runs: z.number().int(),
    seed: z.number().int(),
    /** How durations and risks were drawn, for the page to state. */
    method: z.object({
      durations: z.literal("pert-beta"),
      riskProbabilities: z.record(z.string(), z.number()),
    }),
    projectFinish: z.object(percentiles),
    milestones: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        isKey: z.boolean(),
        targetDate: z.string(),
        ...percentiles,
        /** Share of runs in which the milestone is reached on or before its date. */
        onTimeProbability: z.number(),
        /** Share of runs reaching it by each date (a cumulative curve, at most ~60 points). */
        distribution: z.array(z.object({ date: z.string(), cumulative: z.number() })),
      }),
    ),
    /** Share of runs in which the item is on the critical path. */
    items: z.array(z.object({ id: z.string(), criticalityIndex: z.number() })),
    elapsedMs: z.number(),
  })
  .meta({ id: "Forecast" });
export type Forecast = z.infer<typeof forecastSchema>;

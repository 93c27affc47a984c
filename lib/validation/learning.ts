// The contract of issue #18, "the plan learns" (api.md, "Actuals and learning"): actuals on items,
// time entries, estimate accuracy, the forecast from history and confidence over time.
//
// The item PATCH (timeline.updateItem) takes updateItemWithActualsSchema and the forecast
// (resources.getForecast) forecastWithMethodQuerySchema and answers forecastWithMethodSchema.

import { z } from "zod";
import { forecastQuerySchema, forecastSchema } from "./resources";
import { isoDateSchema } from "./dates";
import { FORECAST_METHODS, FORECAST_RECORD_REASONS } from "./learning-kinds";
import { itemSchema, MAX_HOURS, updateItemSchema } from "./timeline";

export {
  FORECAST_METHODS,
  FORECAST_RECORD_REASONS,
  type ForecastMethod,
  type ForecastRecordReason,
} from "./learning-kinds";

/** Below this many usable done features, a forecast from history is refused (not_enough_history). */
export const MIN_HISTORY_SAMPLES = 10;
export const MAX_HOURS_PER_DAY = 24;
export const MAX_TIME_ENTRY_NOTE = 500;

// --- actuals on an item ----------------------------------------------------------------------

/**
 * PATCH /api/items/:id, the additions. Dates are plan dates (YYYY-MM-DD). "Not in the future" and
 * "finish not before start" need today and the stored item, so the service checks them
 * (lib/planning/actuals.ts, 422 invalid_actuals).
 */
export const itemActualsPatchSchema = z.object({
  actualStart: isoDateSchema.nullable().optional(),
  actualFinish: isoDateSchema.nullable().optional(),
  remainingHours: z
    .number({ error: "remainingHours must be a number of hours." })
    .min(0, "remainingHours cannot be negative.")
    .max(MAX_HOURS, `remainingHours above ${MAX_HOURS.toLocaleString("en")} is not plausible.`)
    .nullable()
    .optional(),
});
export type ItemActualsPatch = z.infer<typeof itemActualsPatchSchema>;

/** The item PATCH body once the route stores actuals. */
export const updateItemWithActualsSchema = updateItemSchema.extend(itemActualsPatchSchema.shape);
export type UpdateItemWithActualsInput = z.infer<typeof updateItemWithActualsSchema>;

/** The fields the Item answer gained (itemSchema carries them). */
export const itemActualsSchema = itemSchema.pick({
  actualStart: true,
  actualFinish: true,
  remainingHours: true,
});
export type ItemActuals = z.infer<typeof itemActualsSchema>;

// --- time entries ----------------------------------------------------------------------------

/** Whole cents of an hour: the column is numeric(4,2), and 0.004 h must not round to 0. */
const hasTwoDecimalsAtMost = (n: number) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-9;

export const createTimeEntrySchema = z.object({
  on: isoDateSchema,
  hours: z
    .number({ error: "hours must be a number." })
    .gt(0, "hours must be more than 0.")
    .max(MAX_HOURS_PER_DAY, "A day has at most 24 hours.")
    .refine(hasTwoDecimalsAtMost, "hours takes at most two decimals (0.25, 1.5)."),
  /** A member of the item's team; the caller when left out. */
  personId: z.uuid("personId must be a team member's id.").nullable().optional(),
  note: z
    .string()
    .trim()
    .max(MAX_TIME_ENTRY_NOTE, `note must be at most ${MAX_TIME_ENTRY_NOTE} characters.`)
    .nullable()
    .optional(),
});
export type CreateTimeEntryInput = z.infer<typeof createTimeEntrySchema>;

export const timeEntrySchema = z
  .object({
    id: z.string(),
    itemId: z.string(),
    on: z.string(),
    hours: z.number(),
    /** null when the person has since left Cairn. */
    personId: z.string().nullable(),
    note: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "TimeEntry" });
export type TimeEntry = z.infer<typeof timeEntrySchema>;

export const timeEntryListSchema = z.object({
  items: z.array(timeEntrySchema),
  totalHours: z.number(),
});

/** POST /api/roadmaps/:id/actuals-imports: what a CSV of actuals wrote (all or nothing). */
export const actualsImportResultSchema = z
  .object({
    timeEntries: z.number().int(),
    totalHours: z.number(),
    /** Items whose actual start or finish the file set. */
    items: z.number().int(),
  })
  .meta({ id: "ActualsImportResult" });
export type ActualsImportResult = z.infer<typeof actualsImportResultSchema>;

// --- estimate accuracy -----------------------------------------------------------------------

export const ACCURACY_GROUPINGS = ["team", "skill", "person"] as const;
export type AccuracyGrouping = (typeof ACCURACY_GROUPINGS)[number];

export const estimateAccuracyQuerySchema = z.object({
  by: z.enum(ACCURACY_GROUPINGS, { error: 'by must be "team", "skill" or "person".' }).default("team"),
});

/** One bar: ratios in [from, to); `to` null for the last, open bin. */
const histogramBinSchema = z.object({ from: z.number(), to: z.number().nullable(), count: z.number().int() });

/** A done feature and how far it was from its estimate. */
const accuracyMissSchema = z.object({
  itemId: z.string(),
  roadmapId: z.string(),
  title: z.string(),
  estimatedDays: z.number(),
  actualDays: z.number().int(),
  ratio: z.number(),
});

/** Ratio statistics; the ratio fields are null when there is no sample. */
const ratioStatsShape = {
  samples: z.number().int(),
  medianRatio: z.number().nullable(),
  p10Ratio: z.number().nullable(),
  p90Ratio: z.number().nullable(),
  /** Features with hours logged: logged hours over the PERT mean hours. */
  hoursSamples: z.number().int(),
  hoursMedianRatio: z.number().nullable(),
  histogram: z.array(histogramBinSchema),
  /** The features that missed most (furthest from 1 in either direction), worst first. */
  worst: z.array(accuracyMissSchema),
};

export const estimateAccuracySchema = z
  .object({
    by: z.enum(ACCURACY_GROUPINGS),
    ...ratioStatsShape,
    groups: z.array(
      z.object({
        /** Skill or person id; "team" for the team, null for "No skill" / "No owner". */
        key: z.string().nullable(),
        label: z.string(),
        ...ratioStatsShape,
      }),
    ),
  })
  .meta({ id: "EstimateAccuracy" });
export type EstimateAccuracy = z.infer<typeof estimateAccuracySchema>;

// --- the forecast from history ---------------------------------------------------------------

const methodQuery = z
  .enum(FORECAST_METHODS, { error: 'method must be "pert" or "history".' })
  .default("pert");

export const forecastWithMethodQuerySchema = forecastQuerySchema.extend({ method: methodQuery });

/** Where each remaining feature's ratios came from, and how many samples backed the team. */
export const historySamplesSchema = z.object({
  /** The team's usable done features. */
  samples: z.number().int(),
  /** Remaining features per source of their ratios. */
  drawnFrom: z.object({ person: z.number().int(), skill: z.number().int(), team: z.number().int() }),
  /** The threshold for a person's or a skill's own ratios. */
  minSamples: z.number().int(),
});
export type HistorySamples = z.infer<typeof historySamplesSchema>;

/** The forecast answer with the method named; additive to Forecast. */
export const forecastWithMethodSchema = forecastSchema
  .extend({
    method: z.object({
      name: z.enum(FORECAST_METHODS),
      durations: z.enum(["pert-beta", "history-ratio"]),
      riskProbabilities: z.record(z.string(), z.number()),
      history: historySamplesSchema.optional(),
    }),
  })
  .meta({ id: "ForecastWithMethod" });
export type ForecastWithMethod = z.infer<typeof forecastWithMethodSchema>;

// --- forecast records and confidence ---------------------------------------------------------

const confidenceFigures = {
  p50: isoDateSchema,
  p80: isoDateSchema,
  /** null for the project finish, which has no target date. */
  onTimeProbability: z.number().min(0).max(1).nullable(),
};

/** forecast_records.series (jsonb): what one recorded forecast said of the key milestones. */
export const forecastRecordSeriesSchema = z.object({
  milestones: z.array(
    z.object({
      milestoneId: z.string(),
      title: z.string(),
      targetDate: isoDateSchema,
      ...confidenceFigures,
    }),
  ),
  projectFinish: z.object(confidenceFigures),
});
export type ForecastRecordSeries = z.infer<typeof forecastRecordSeriesSchema>;

export const confidenceQuerySchema = z.object({ method: methodQuery });

const confidencePointSchema = z.object({
  /** The day of the recorded forecast. */
  on: z.string(),
  reason: z.enum(FORECAST_RECORD_REASONS),
  p50: z.string(),
  p80: z.string(),
  onTimeProbability: z.number().nullable(),
});

/** P80 now against P80 at the last review before it, in working days (positive: later). */
const confidenceTrendSchema = z.object({
  sinceReviewOn: z.string(),
  fromP80: z.string(),
  toP80: z.string(),
  workingDays: z.number().int(),
  direction: z.enum(["later", "earlier", "unchanged"]),
});

const confidenceSeriesShape = {
  points: z.array(confidencePointSchema),
  trend: confidenceTrendSchema.nullable(),
};

/**
 * Calibration (issue #18, 4), added to the confidence answer: for every method, how often the P80
 * recorded before a milestone was reached held (lib/planning/calibration.ts).
 */
export const calibrationSchema = z.object({
  methods: z.array(
    z.object({
      method: z.enum(FORECAST_METHODS),
      /** Every recorded P80 of a reached milestone, and how many held. */
      predictions: z.number().int(),
      predictionsHeld: z.number().int(),
      /** Reached milestones, judged by the first P80 recorded for each. */
      milestones: z.number().int(),
      milestonesHeld: z.number().int(),
      /** "Our P80 dates have held 7 times out of 9.", null with nothing to judge yet. */
      sentence: z.string().nullable(),
    }),
  ),
  milestones: z.array(
    z.object({
      milestoneId: z.string(),
      title: z.string(),
      reachedOn: z.string(),
      method: z.enum(FORECAST_METHODS),
      points: z.array(
        z.object({
          recordedOn: z.string(),
          reason: z.enum(FORECAST_RECORD_REASONS),
          p80: z.string(),
          held: z.boolean(),
        }),
      ),
    }),
  ),
});
export type CalibrationAnswer = z.infer<typeof calibrationSchema>;

export const confidenceSchema = z
  .object({
    method: z.enum(FORECAST_METHODS),
    milestones: z.array(
      z.object({ id: z.string(), title: z.string(), targetDate: z.string(), ...confidenceSeriesShape }),
    ),
    projectFinish: z.object(confidenceSeriesShape),
    calibration: calibrationSchema,
  })
  .meta({ id: "Confidence" });
export type Confidence = z.infer<typeof confidenceSchema>;

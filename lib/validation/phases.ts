import { z } from "zod";
import { idSchema, text } from "./common";
import { personSchema } from "./collaboration";
import { roadmapDiffSchema } from "./communication";
import { isoDateSchema } from "./dates";
import { GATE_DECISIONS, SCENARIO_STATUSES } from "./phase-kinds";
import { roadmapSchema } from "./roadmaps";

export * from "./phase-kinds";

// ---------------------------------------------------------------- phases and gates

const gateInputSchema = z.strictObject({
  title: text(200, "The gate's title"),
  /** What must be true to pass the gate. */
  outcome: text(2_000, "The gate's outcome"),
});

const phaseFields = {
  name: text(200, "Name"),
  startDate: isoDateSchema,
  endDate: isoDateSchema,
  gate: gateInputSchema.nullable().optional(),
};

const endNotBeforeStart = (p: { startDate?: string; endDate?: string }, ctx: z.RefinementCtx) => {
  if (p.startDate && p.endDate && p.endDate < p.startDate)
    ctx.addIssue({ code: "custom", path: ["endDate"], message: "A phase cannot end before it starts." });
};

export const createPhaseSchema = z.strictObject(phaseFields).superRefine(endNotBeforeStart);
export type CreatePhaseInput = z.infer<typeof createPhaseSchema>;
export const updatePhaseSchema = z.strictObject(phaseFields).partial().superRefine(endNotBeforeStart);
export type UpdatePhaseInput = z.infer<typeof updatePhaseSchema>;

export const gateDecisionInputSchema = z.strictObject({
  decision: z.enum(GATE_DECISIONS, { error: 'decision must be "proceed", "replan" or "stop".' }),
  notes: z.string().trim().max(10_000, "Notes must be at most 10,000 characters.").default(""),
});
export type GateDecisionInput = z.infer<typeof gateDecisionInputSchema>;

export const phaseSchema = z
  .object({
    id: z.string(),
    roadmapId: z.string(),
    name: z.string(),
    startDate: z.string(),
    endDate: z.string(),
    /** 0-based order by start date. */
    position: z.number().int(),
    gate: z
      .object({
        title: z.string(),
        outcome: z.string(),
        decision: z
          .object({
            decision: z.enum(GATE_DECISIONS),
            notes: z.string(),
            decidedAt: z.string(),
            decidedBy: personSchema.nullable(),
            snapshotId: z.string().nullable(),
          })
          .nullable(),
      })
      .nullable(),
    /** An earlier gate is undecided, or was decided "replan"/"stop", and this phase's own gate isn't decided. */
    subjectToReplanning: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: "Phase" });
export type Phase = z.infer<typeof phaseSchema>;

// ---------------------------------------------------------------- scenarios

export const createScenarioSchema = z.strictObject({ name: text(200, "Name") });

export const scenarioSchema = z
  .object({
    roadmap: roadmapSchema,
    status: z.enum(SCENARIO_STATUSES),
    baseRoadmapId: z.string(),
    /** The snapshot of the base taken when the scenario was made. */
    baseSnapshotId: z.string().nullable(),
    createdBy: personSchema.nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "Scenario" });
export type Scenario = z.infer<typeof scenarioSchema>;

const dateAndP80 = z.object({ earlyDate: z.string(), p80: z.string().nullable() });

export const scenarioComparisonSchema = z
  .object({
    scenario: scenarioSchema,
    /** The base as it is now; its version is the If-Match of apply. */
    base: roadmapSchema,
    /** From the base now to the scenario (item ids are the base's where the scenario copies one). */
    diff: roadmapDiffSchema,
    projectFinish: z.object({ base: dateAndP80, scenario: dateAndP80 }),
    milestones: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        isKey: z.boolean(),
        base: dateAndP80.nullable(),
        scenario: dateAndP80.nullable(),
      }),
    ),
    /** Hours short (sum of positive quarterly gaps) per skill. */
    staffing: z.array(
      z.object({
        skillId: z.string(),
        name: z.string(),
        baseGapHours: z.number(),
        scenarioGapHours: z.number(),
      }),
    ),
    /** What applying now would refuse (the same list a 409 scenario_conflict carries). */
    conflicts: z.array(z.lazy(() => scenarioConflictSchema)),
  })
  .meta({ id: "ScenarioComparison" });
export type ScenarioComparison = z.infer<typeof scenarioComparisonSchema>;

export const scenarioConflictSchema = z
  .object({
    entity: z.enum(["item", "dependency", "workstream", "phase", "risk", "staffing", "roadmap"]),
    /** The base's id of the thing both sides changed. */
    id: z.string(),
    title: z.string(),
    field: z.string(),
    base: z.unknown(),
    scenario: z.unknown(),
  })
  .meta({ id: "ScenarioConflict" });
export type ScenarioConflict = z.infer<typeof scenarioConflictSchema>;

export const applyScenarioResultSchema = z.object({
  scenario: scenarioSchema,
  base: roadmapSchema,
  applied: z.object({
    added: z.number().int(),
    updated: z.number().int(),
    removed: z.number().int(),
    dependencies: z.number().int(),
  }),
  /** Taken of the base before applying, for undo. */
  snapshotId: z.string(),
});

// ---------------------------------------------------------------- auto-schedule

export const autoScheduleSchema = z.strictObject({
  /** The features to move; omitted: every feature. */
  itemIds: z.array(idSchema).max(20_000).optional(),
  mode: z.literal("earliest", { error: 'mode must be "earliest".' }),
  /** Also push later any successor that the moves would otherwise violate. */
  followSuccessors: z.boolean().optional(),
});
export type AutoScheduleInput = z.infer<typeof autoScheduleSchema>;

export const autoScheduleResultSchema = z
  .object({
    moved: z.array(
      z.object({
        id: z.string(),
        fromStart: z.string(),
        toStart: z.string(),
        fromEnd: z.string(),
        toEnd: z.string(),
      }),
    ),
    /** Features that should move but may not (started, done, or past the horizon), and why. */
    skipped: z.array(z.object({ id: z.string(), reason: z.string() })),
    /** Taken before moving anything; POST .../auto-schedule/undo with it puts the dates back. */
    snapshotId: z.string().nullable(),
    roadmapVersion: z.number().int(),
  })
  .meta({ id: "AutoScheduleResult" });
export type AutoScheduleResult = z.infer<typeof autoScheduleResultSchema>;

export const undoAutoScheduleSchema = z.strictObject({ snapshotId: idSchema });

import { z } from "zod";
import { defineEndpoint } from "../endpoint";
import {
  applyScenarioResultSchema,
  autoScheduleResultSchema,
  autoScheduleSchema,
  createPhaseSchema,
  createScenarioSchema,
  gateDecisionInputSchema,
  phaseSchema,
  scenarioComparisonSchema,
  scenarioSchema,
  undoAutoScheduleSchema,
  updatePhaseSchema,
} from "../phases";
import { snapshotSchema } from "../communication";

const tag = "Phases and replanning";
const phaseOnly = z.object({ phase: phaseSchema });

export const listPhases = defineEndpoint({
  method: "GET",
  path: "/api/roadmaps/{roadmapId}/phases",
  summary: "Development phases in order, with their gates and decisions",
  tag,
  response: z.object({ items: z.array(phaseSchema) }),
});

export const createPhase = defineEndpoint({
  method: "POST",
  path: "/api/roadmaps/{roadmapId}/phases",
  summary: "Add a phase (editor): inside the horizon, overlapping no other phase",
  tag,
  body: createPhaseSchema,
  status: 201,
  response: phaseOnly,
  errors: ["phase_overlap", "outside_horizon"],
});

export const updatePhase = defineEndpoint({
  method: "PATCH",
  path: "/api/phases/{phaseId}",
  summary: "Change a phase (editor); a decided gate cannot be removed or retitled",
  tag,
  body: updatePhaseSchema,
  ifMatch: "required",
  response: phaseOnly,
  errors: ["phase_overlap", "outside_horizon", "gate_decided"],
});

export const deletePhase = defineEndpoint({
  method: "DELETE",
  path: "/api/phases/{phaseId}",
  summary: "Remove a phase (editor)",
  tag,
  ifMatch: "required",
  response: z.object({ ok: z.literal(true) }),
});

export const decideGate = defineEndpoint({
  method: "POST",
  path: "/api/phases/{phaseId}/decision",
  summary: "Record the go/no-go decision at the phase's gate (editor); takes a snapshot; once only (409)",
  tag,
  body: gateDecisionInputSchema,
  status: 201,
  response: z.object({ phase: phaseSchema, snapshot: snapshotSchema }),
  errors: ["no_gate", "gate_decided"],
});

export const listScenarios = defineEndpoint({
  method: "GET",
  path: "/api/roadmaps/{roadmapId}/scenarios",
  summary: "What-if scenarios of a roadmap, open ones first",
  tag,
  response: z.object({ items: z.array(scenarioSchema) }),
});

export const createScenario = defineEndpoint({
  method: "POST",
  path: "/api/roadmaps/{roadmapId}/scenarios",
  summary:
    "Make a what-if scenario (editor): a full copy (lanes, items, links, phases, staffing, risks) with kind scenario; every roadmap route works on it",
  tag,
  body: createScenarioSchema,
  status: 201,
  response: z.object({ scenario: scenarioSchema }),
  errors: ["not_a_base"],
});

export const compareScenario = defineEndpoint({
  method: "GET",
  path: "/api/scenarios/{scenarioId}/compare",
  summary:
    "The scenario against its base now: diff, finish and key milestones (early date, P80) before and after, staffing gaps per skill, conflicts an apply would meet",
  tag,
  response: scenarioComparisonSchema,
});

export const applyScenario = defineEndpoint({
  method: "POST",
  path: "/api/scenarios/{scenarioId}/apply",
  summary:
    "Apply the scenario's changes to its base in one transaction (editor; If-Match: the base roadmap's version as compare answered it); 409 scenario_conflict where both changed the same thing; nothing half-applied",
  tag,
  ifMatch: "required",
  response: applyScenarioResultSchema,
  errors: ["scenario_conflict", "scenario_closed"],
});

export const discardScenario = defineEndpoint({
  method: "POST",
  path: "/api/scenarios/{scenarioId}/discard",
  summary: "Throw the scenario away (editor); it stays readable, marked discarded",
  tag,
  response: z.object({ scenario: scenarioSchema }),
  errors: ["scenario_closed"],
});

export const autoSchedule = defineEndpoint({
  method: "POST",
  path: "/api/roadmaps/{roadmapId}/auto-schedule",
  summary:
    "Move features (all, or those named) to the earliest start their dependencies allow, keeping durations and lags (editor; If-Match on the roadmap's version honoured when sent); a snapshot is taken first",
  tag,
  body: autoScheduleSchema,
  ifMatch: "optional",
  response: autoScheduleResultSchema,
  errors: ["dependency_cycle"],
});

export const undoAutoSchedule = defineEndpoint({
  method: "POST",
  path: "/api/roadmaps/{roadmapId}/auto-schedule/undo",
  summary: "Put back the dates an auto-schedule moved, from the snapshot it took (editor)",
  tag,
  body: undoAutoScheduleSchema,
  response: z.object({
    restored: z.array(z.object({ id: z.string(), toStart: z.string() })),
    skipped: z.array(z.object({ id: z.string(), reason: z.string() })),
  }),
  errors: ["cross_roadmap"],
});

import { z } from "zod";
import { feedbackSummarySchema } from "../collaboration";
import { okSchema, roleSchema } from "../common";
import { defineEndpoint } from "../endpoint";
import { updateItemWithActualsSchema } from "../learning";
import { createRoadmapSchema, roadmapSchema, roadmapSummarySchema, updateRoadmapSchema } from "../roadmaps";
import {
  createDependencySchema,
  createItemSchema,
  dependencySchema,
  itemSchema,
  scheduleSchema,
  updateWorkstreamSchema,
  workstreamInputSchema,
  workstreamSchema,
} from "../timeline";

const tag = "Timeline";
const roadmapOnly = z.object({ roadmap: roadmapSchema });
const itemOnly = z.object({ item: itemSchema });
const workstreamOnly = z.object({ workstream: workstreamSchema });

export const listRoadmaps = defineEndpoint({
  method: "GET",
  path: "/api/teams/{teamId}/roadmaps",
  summary: "The team's roadmaps (deleted=true: those deleted in the last 30 days, for editors)",
  tag,
  query: z.object({ deleted: z.enum(["true", "false"]).optional() }),
  response: z.object({ items: z.array(roadmapSummarySchema.or(roadmapSchema)) }),
});

export const createRoadmap = defineEndpoint({
  method: "POST",
  path: "/api/teams/{teamId}/roadmaps",
  summary: "Create a roadmap (editor); horizonMonths defaults to 12, 3-36 allowed, 12-18 recommended",
  tag,
  body: createRoadmapSchema,
  response: roadmapOnly,
  status: 201,
  errors: ["horizon_out_of_range"],
});

export const getBoard = defineEndpoint({
  method: "GET",
  path: "/api/roadmaps/{roadmapId}",
  summary: "The whole board: roadmap, lanes, items and dependencies, with versions",
  tag,
  response: z.object({
    roadmap: roadmapSchema,
    role: roleSchema,
    workstreams: z.array(workstreamSchema),
    items: z.array(itemSchema),
    dependencies: z.array(dependencySchema),
    /** The roadmap's change-log position this board reflects: open the event stream after it. */
    seq: z.number().int(),
    /** Comment and verdict counts per item, for items with at least one comment. */
    feedback: z.record(z.string(), feedbackSummarySchema),
  }),
});

export const updateRoadmap = defineEndpoint({
  method: "PATCH",
  path: "/api/roadmaps/{roadmapId}",
  summary: "Change a roadmap's title, description, start, horizon or status (editor)",
  tag,
  body: updateRoadmapSchema,
  ifMatch: "required",
  response: roadmapOnly,
  errors: ["horizon_out_of_range", "outside_horizon"],
});

export const deleteRoadmap = defineEndpoint({
  method: "DELETE",
  path: "/api/roadmaps/{roadmapId}",
  summary: "Delete a roadmap (editor); restorable for 30 days",
  tag,
  ifMatch: "required",
  response: roadmapOnly,
});

export const restoreRoadmap = defineEndpoint({
  method: "POST",
  path: "/api/roadmaps/{roadmapId}/restore",
  summary: "Restore a deleted roadmap (editor)",
  tag,
  response: roadmapOnly,
});

export const createWorkstream = defineEndpoint({
  method: "POST",
  path: "/api/roadmaps/{roadmapId}/workstreams",
  summary: "Add a lane (editor)",
  tag,
  body: workstreamInputSchema,
  response: workstreamOnly,
  status: 201,
});

export const updateWorkstream = defineEndpoint({
  method: "PATCH",
  path: "/api/workstreams/{workstreamId}",
  summary: "Rename or reorder a lane (editor)",
  tag,
  body: updateWorkstreamSchema,
  ifMatch: "required",
  response: workstreamOnly,
});

export const deleteWorkstream = defineEndpoint({
  method: "DELETE",
  path: "/api/workstreams/{workstreamId}",
  summary: "Remove an empty lane (editor)",
  tag,
  ifMatch: "required",
  response: okSchema,
  errors: ["workstream_not_empty"],
});

export const createItem = defineEndpoint({
  method: "POST",
  path: "/api/roadmaps/{roadmapId}/items",
  summary: "Add a feature or milestone (editor)",
  tag,
  body: createItemSchema,
  response: itemOnly,
  status: 201,
  errors: ["outside_horizon", "invalid_reference"],
});

export const getItem = defineEndpoint({
  method: "GET",
  path: "/api/items/{itemId}",
  summary: "One item",
  tag,
  response: itemOnly,
});

export const updateItem = defineEndpoint({
  method: "PATCH",
  path: "/api/items/{itemId}",
  summary:
    "Change an item (editor), including its actual start and finish and the hours remaining of work in progress",
  tag,
  body: updateItemWithActualsSchema,
  ifMatch: "required",
  response: itemOnly,
  errors: ["outside_horizon", "invalid_reference", "invalid_actuals"],
});

export const deleteItem = defineEndpoint({
  method: "DELETE",
  path: "/api/items/{itemId}",
  summary: "Delete an item (editor); restorable for 30 days",
  tag,
  ifMatch: "required",
  response: itemOnly,
});

export const restoreItem = defineEndpoint({
  method: "POST",
  path: "/api/items/{itemId}/restore",
  summary: "Restore a deleted item (editor)",
  tag,
  response: itemOnly,
  errors: ["dependency_cycle"],
});

export const createDependency = defineEndpoint({
  method: "POST",
  path: "/api/roadmaps/{roadmapId}/dependencies",
  summary: "Link two items finish-to-start with an optional lag in working days (editor)",
  tag,
  body: createDependencySchema,
  response: z.object({ dependency: dependencySchema }),
  status: 201,
  errors: ["dependency_cycle", "cross_roadmap", "conflict"],
});

export const deleteDependency = defineEndpoint({
  method: "DELETE",
  path: "/api/dependencies/{dependencyId}",
  summary: "Remove a link (editor)",
  tag,
  response: okSchema,
});

export const getSchedule = defineEndpoint({
  method: "GET",
  path: "/api/roadmaps/{roadmapId}/schedule",
  summary: "Critical path method over working days: early/late dates, slack, critical path, violations",
  tag,
  response: scheduleSchema,
});

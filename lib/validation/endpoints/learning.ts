// The operations of issue #18 (api.md, "Actuals and learning"): THE CONTRACT FOR UPCOMING ROUTES.
// Deliberately not in allEndpoints (./index.ts) yet: an operation joins the OpenAPI document and the
// route-coverage test together with its route. When the routes land, updateItemWithActuals and
// getForecastWithMethod replace timeline.updateItem and resources.getForecast (same method and
// path), and itemActualsSchema's fields join itemSchema.

import { z } from "zod";
import { okSchema } from "../common";
import { defineEndpoint } from "../endpoint";
import {
  confidenceQuerySchema,
  confidenceSchema,
  createTimeEntrySchema,
  estimateAccuracyQuerySchema,
  estimateAccuracySchema,
  forecastWithMethodQuerySchema,
  forecastWithMethodSchema,
  itemActualsSchema,
  timeEntryListSchema,
  timeEntrySchema,
  updateItemWithActualsSchema,
} from "../learning";
import { itemSchema } from "../timeline";

const tag = "Actuals and learning";

export const updateItemWithActuals = defineEndpoint({
  method: "PATCH",
  path: "/api/items/{itemId}",
  summary:
    "Change an item (editor), including its actual start and finish and the hours remaining of work in progress",
  tag: "Timeline",
  body: updateItemWithActualsSchema,
  ifMatch: "required",
  response: z.object({ item: itemSchema.extend(itemActualsSchema.shape) }),
  errors: ["outside_horizon", "invalid_reference", "invalid_actuals"],
});

export const listTimeEntries = defineEndpoint({
  method: "GET",
  path: "/api/items/{itemId}/time-entries",
  summary: "The hours logged on a feature, per person and day, newest day first",
  tag,
  response: timeEntryListSchema,
});

export const createTimeEntry = defineEndpoint({
  method: "POST",
  path: "/api/items/{itemId}/time-entries",
  summary: "Log hours on a feature for a day (editor); not on a milestone, a cut item or a future day",
  tag,
  body: createTimeEntrySchema,
  response: z.object({ timeEntry: timeEntrySchema }),
  status: 201,
  errors: ["invalid_actuals", "invalid_reference"],
});

export const deleteTimeEntry = defineEndpoint({
  method: "DELETE",
  path: "/api/time-entries/{timeEntryId}",
  summary: "Remove a time entry (editor)",
  tag,
  response: okSchema,
});

export const getEstimateAccuracy = defineEndpoint({
  method: "GET",
  path: "/api/roadmaps/{roadmapId}/estimate-accuracy",
  summary:
    "Actual over estimated (PERT mean) of the team's done features across all its roadmaps: median, 10th-90th percentile, histogram and worst misses, per team, skill or person",
  tag,
  query: estimateAccuracyQuerySchema,
  response: estimateAccuracySchema,
});

export const getForecastWithMethod = defineEndpoint({
  method: "GET",
  path: "/api/roadmaps/{roadmapId}/forecast",
  summary:
    "Monte-Carlo forecast from three-point estimates (method=pert) or from the team's own actual/estimate ratios (method=history)",
  tag: "Resources, risks, forecast",
  query: forecastWithMethodQuerySchema,
  response: forecastWithMethodSchema,
  errors: ["not_enough_history"],
});

export const getConfidence = defineEndpoint({
  method: "GET",
  path: "/api/roadmaps/{roadmapId}/confidence",
  summary:
    "P50, P80 and on-time probability of each key milestone and the project finish at each recorded forecast (each review, at most one a day)",
  tag,
  query: confidenceQuerySchema,
  response: confidenceSchema,
});

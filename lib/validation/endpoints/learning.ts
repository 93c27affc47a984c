// The operations of issue #18 (api.md, "Actuals and learning"): time entries, estimate accuracy
// and confidence over time. The item PATCH with actuals and the forecast with a method are
// timeline.updateItem and resources.getForecast (same method and path as before, additive).

import { z } from "zod";
import { okSchema } from "../common";
import { defineEndpoint } from "../endpoint";
import { MAX_IMPORT_BYTES } from "../communication-kinds";
import {
  actualsImportResultSchema,
  confidenceQuerySchema,
  confidenceSchema,
  createTimeEntrySchema,
  estimateAccuracyQuerySchema,
  estimateAccuracySchema,
  timeEntryListSchema,
  timeEntrySchema,
} from "../learning";

const tag = "Actuals and learning";

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

export const importActuals = defineEndpoint({
  method: "POST",
  path: "/api/roadmaps/{roadmapId}/actuals-imports",
  summary:
    "Import actuals into a roadmap (editor) from a CSV of `item, date, hours, person` (and `actual_start`, `actual_finish`), as the raw body or multipart field `file` (at most 10 MiB): all or nothing, every bad row listed by its line. With Accept: application/x-ndjson the answer streams progress lines, then the result",
  tag,
  rawBody: { contentTypes: ["text/csv", "multipart/form-data"], description: "The CSV file" },
  maxBodyBytes: MAX_IMPORT_BYTES,
  status: 201,
  response: actualsImportResultSchema,
  errors: ["invalid_actuals", "invalid_reference"],
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

export const getConfidence = defineEndpoint({
  method: "GET",
  path: "/api/roadmaps/{roadmapId}/confidence",
  summary:
    "P50, P80 and on-time probability of each key milestone and the project finish at each recorded forecast (each review, at most one a day), and how often recorded P80s held (calibration, per method)",
  tag,
  query: confidenceQuerySchema,
  response: confidenceSchema,
});

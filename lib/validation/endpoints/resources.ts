import { z } from "zod";
import { defineEndpoint } from "../endpoint";
import { forecastWithMethodQuerySchema, forecastWithMethodSchema } from "../learning";
import {
  capacitySchema,
  createRiskSchema,
  putStaffingSchema,
  riskSchema,
  staffingSchema,
  updateRiskSchema,
} from "../resources";

const tag = "Resources, risks, forecast";
const riskOnly = z.object({ risk: riskSchema });

export const getStaffing = defineEndpoint({
  method: "GET",
  path: "/api/roadmaps/{roadmapId}/staffing",
  summary: "The staffing plan: headcount and hours per week per skill per quarter, and the hiring lead time",
  tag,
  response: z.object({ staffing: staffingSchema }),
});

export const putStaffing = defineEndpoint({
  method: "PUT",
  path: "/api/roadmaps/{roadmapId}/staffing",
  summary: "Replace the staffing plan (editor; If-Match: the plan's version)",
  tag,
  body: putStaffingSchema,
  ifMatch: "required",
  response: z.object({ staffing: staffingSchema }),
  errors: ["invalid_reference", "outside_horizon"],
});

export const getCapacity = defineEndpoint({
  method: "GET",
  path: "/api/roadmaps/{roadmapId}/capacity",
  summary:
    "Demand against capacity per skill and quarter, hours per workstream and quarter, and the ramp-up plan",
  tag,
  response: capacitySchema,
});

export const listRisks = defineEndpoint({
  method: "GET",
  path: "/api/roadmaps/{roadmapId}/risks",
  summary: "The risk register, highest score first",
  tag,
  response: z.object({ items: z.array(riskSchema) }),
});

export const createRisk = defineEndpoint({
  method: "POST",
  path: "/api/roadmaps/{roadmapId}/risks",
  summary: "Add a risk (editor)",
  tag,
  body: createRiskSchema,
  response: riskOnly,
  status: 201,
  errors: ["invalid_reference", "cross_roadmap"],
});

export const updateRisk = defineEndpoint({
  method: "PATCH",
  path: "/api/risks/{riskId}",
  summary: "Change a risk (editor)",
  tag,
  body: updateRiskSchema,
  ifMatch: "required",
  response: riskOnly,
  errors: ["invalid_reference", "cross_roadmap"],
});

export const deleteRisk = defineEndpoint({
  method: "DELETE",
  path: "/api/risks/{riskId}",
  summary: "Delete a risk (editor); restorable for 30 days",
  tag,
  ifMatch: "required",
  response: riskOnly,
});

export const restoreRisk = defineEndpoint({
  method: "POST",
  path: "/api/risks/{riskId}/restore",
  summary: "Restore a deleted risk (editor)",
  tag,
  response: riskOnly,
});

export const getForecast = defineEndpoint({
  method: "GET",
  path: "/api/roadmaps/{roadmapId}/forecast",
  summary:
    "Monte-Carlo forecast: P50/P80/P95 and on-time probability per milestone, criticality per item, from three-point estimates (method=pert) or from the team's own actual/estimate ratios (method=history); the same seed gives the same answer",
  tag,
  query: forecastWithMethodQuerySchema,
  response: forecastWithMethodSchema,
  errors: ["not_enough_history"],
});

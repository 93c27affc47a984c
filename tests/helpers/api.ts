import * as invitationRoute from "@/app/api/invitations/[invitationId]/route";
import * as acceptInvitationRoute from "@/app/api/invitations/accept/route";
import * as meRoute from "@/app/api/me/route";
import * as openApiRoute from "@/app/api/openapi.json/route";
import * as registerRoute from "@/app/api/register/route";
import * as teamInvitationsRoute from "@/app/api/teams/[teamId]/invitations/route";
import * as memberRoute from "@/app/api/teams/[teamId]/members/[userId]/route";
import * as membersRoute from "@/app/api/teams/[teamId]/members/route";
import * as teamRoute from "@/app/api/teams/[teamId]/route";
import * as skillsRoute from "@/app/api/teams/[teamId]/skills/route";
import * as teamsRoute from "@/app/api/teams/route";
import * as tokenRoute from "@/app/api/tokens/[tokenId]/route";
import * as tokensRoute from "@/app/api/tokens/route";
import * as accountPasswordRoute from "@/app/api/account/password/route";
import * as accountSessionsRevokeRoute from "@/app/api/account/sessions/revoke/route";
import * as dependencyRoute from "@/app/api/dependencies/[dependencyId]/route";
import * as itemRestoreRoute from "@/app/api/items/[itemId]/restore/route";
import * as itemRoute from "@/app/api/items/[itemId]/route";
import * as roadmapDependenciesRoute from "@/app/api/roadmaps/[roadmapId]/dependencies/route";
import * as roadmapItemsRoute from "@/app/api/roadmaps/[roadmapId]/items/route";
import * as roadmapRestoreRoute from "@/app/api/roadmaps/[roadmapId]/restore/route";
import * as roadmapRoute from "@/app/api/roadmaps/[roadmapId]/route";
import * as roadmapScheduleRoute from "@/app/api/roadmaps/[roadmapId]/schedule/route";
import * as roadmapWorkstreamsRoute from "@/app/api/roadmaps/[roadmapId]/workstreams/route";
import * as teamRoadmapsRoute from "@/app/api/teams/[teamId]/roadmaps/route";
import * as workstreamRoute from "@/app/api/workstreams/[workstreamId]/route";
import * as commentRestoreRoute from "@/app/api/comments/[commentId]/restore/route";
import * as commentResolveRoute from "@/app/api/comments/[commentId]/resolve/route";
import * as commentRoute from "@/app/api/comments/[commentId]/route";
import * as itemCommentsRoute from "@/app/api/items/[itemId]/comments/route";
import * as notificationsReadRoute from "@/app/api/notifications/read/route";
import * as notificationsRoute from "@/app/api/notifications/route";
import * as roadmapActivityRoute from "@/app/api/roadmaps/[roadmapId]/activity/route";
import * as roadmapEventsRoute from "@/app/api/roadmaps/[roadmapId]/events/route";
import * as roadmapPresenceRoute from "@/app/api/roadmaps/[roadmapId]/presence/route";
import * as roadmapCapacityRoute from "@/app/api/roadmaps/[roadmapId]/capacity/route";
import * as roadmapForecastRoute from "@/app/api/roadmaps/[roadmapId]/forecast/route";
import * as roadmapRisksRoute from "@/app/api/roadmaps/[roadmapId]/risks/route";
import * as roadmapStaffingRoute from "@/app/api/roadmaps/[roadmapId]/staffing/route";
import * as riskRestoreRoute from "@/app/api/risks/[riskId]/restore/route";
import * as riskRoute from "@/app/api/risks/[riskId]/route";
import { dashboardsRoutes } from "./routes/dashboards";
import { deliveryRoutes } from "./routes/delivery";
import { feedbackRoutes } from "./routes/feedback";
import { learningRoutes } from "./routes/learning";
import { picturesRoutes } from "./routes/pictures";
import { replanningRoutes } from "./routes/replanning";
import { reviewsRoutes } from "./routes/reviews";
import { sharingRoutes } from "./routes/sharing";
import { transferRoutes } from "./routes/transfer";

/** A route handler as Next calls it. */
export type RouteHandler = (
  req: Request,
  ctx: { params: Promise<Record<string, string>> },
) => Promise<Response>;

/** Every operation of app/api (except Auth.js), by "METHOD /path/{param}" as in the endpoint specs. */
export const ROUTES = {
  "POST /api/register": registerRoute.POST,
  "GET /api/me": meRoute.GET,
  "GET /api/tokens": tokensRoute.GET,
  "POST /api/tokens": tokensRoute.POST,
  "DELETE /api/tokens/{tokenId}": tokenRoute.DELETE,
  "POST /api/account/password": accountPasswordRoute.POST,
  "POST /api/account/sessions/revoke": accountSessionsRevokeRoute.POST,
  "GET /api/teams": teamsRoute.GET,
  "POST /api/teams": teamsRoute.POST,
  "GET /api/teams/{teamId}": teamRoute.GET,
  "PATCH /api/teams/{teamId}": teamRoute.PATCH,
  "DELETE /api/teams/{teamId}": teamRoute.DELETE,
  "GET /api/teams/{teamId}/members": membersRoute.GET,
  "PATCH /api/teams/{teamId}/members/{userId}": memberRoute.PATCH,
  "DELETE /api/teams/{teamId}/members/{userId}": memberRoute.DELETE,
  "GET /api/teams/{teamId}/invitations": teamInvitationsRoute.GET,
  "POST /api/teams/{teamId}/invitations": teamInvitationsRoute.POST,
  "DELETE /api/invitations/{invitationId}": invitationRoute.DELETE,
  "POST /api/invitations/accept": acceptInvitationRoute.POST,
  "GET /api/teams/{teamId}/skills": skillsRoute.GET,
  "POST /api/teams/{teamId}/skills": skillsRoute.POST,
  "GET /api/openapi.json": openApiRoute.GET,
  // Roadmaps and the timeline
  "GET /api/teams/{teamId}/roadmaps": teamRoadmapsRoute.GET,
  "POST /api/teams/{teamId}/roadmaps": teamRoadmapsRoute.POST,
  "GET /api/roadmaps/{roadmapId}": roadmapRoute.GET,
  "PATCH /api/roadmaps/{roadmapId}": roadmapRoute.PATCH,
  "DELETE /api/roadmaps/{roadmapId}": roadmapRoute.DELETE,
  "POST /api/roadmaps/{roadmapId}/restore": roadmapRestoreRoute.POST,
  "POST /api/roadmaps/{roadmapId}/workstreams": roadmapWorkstreamsRoute.POST,
  "PATCH /api/workstreams/{workstreamId}": workstreamRoute.PATCH,
  "DELETE /api/workstreams/{workstreamId}": workstreamRoute.DELETE,
  "POST /api/roadmaps/{roadmapId}/items": roadmapItemsRoute.POST,
  "GET /api/items/{itemId}": itemRoute.GET,
  "PATCH /api/items/{itemId}": itemRoute.PATCH,
  "DELETE /api/items/{itemId}": itemRoute.DELETE,
  "POST /api/items/{itemId}/restore": itemRestoreRoute.POST,
  "POST /api/roadmaps/{roadmapId}/dependencies": roadmapDependenciesRoute.POST,
  "DELETE /api/dependencies/{dependencyId}": dependencyRoute.DELETE,
  "GET /api/roadmaps/{roadmapId}/schedule": roadmapScheduleRoute.GET,
  // Collaboration
  "GET /api/items/{itemId}/comments": itemCommentsRoute.GET,
  "POST /api/items/{itemId}/comments": itemCommentsRoute.POST,
  "PATCH /api/comments/{commentId}": commentRoute.PATCH,
  "DELETE /api/comments/{commentId}": commentRoute.DELETE,
  "POST /api/comments/{commentId}/restore": commentRestoreRoute.POST,
  "POST /api/comments/{commentId}/resolve": commentResolveRoute.POST,
  "GET /api/notifications": notificationsRoute.GET,
  "POST /api/notifications/read": notificationsReadRoute.POST,
  "GET /api/roadmaps/{roadmapId}/activity": roadmapActivityRoute.GET,
  "GET /api/roadmaps/{roadmapId}/events": roadmapEventsRoute.GET,
  "GET /api/roadmaps/{roadmapId}/presence": roadmapPresenceRoute.GET,
  "PUT /api/roadmaps/{roadmapId}/presence": roadmapPresenceRoute.PUT,
  // Resources, risks, forecast
  "GET /api/roadmaps/{roadmapId}/staffing": roadmapStaffingRoute.GET,
  "PUT /api/roadmaps/{roadmapId}/staffing": roadmapStaffingRoute.PUT,
  "GET /api/roadmaps/{roadmapId}/capacity": roadmapCapacityRoute.GET,
  "GET /api/roadmaps/{roadmapId}/risks": roadmapRisksRoute.GET,
  "POST /api/roadmaps/{roadmapId}/risks": roadmapRisksRoute.POST,
  "PATCH /api/risks/{riskId}": riskRoute.PATCH,
  "DELETE /api/risks/{riskId}": riskRoute.DELETE,
  "POST /api/risks/{riskId}/restore": riskRestoreRoute.POST,
  "GET /api/roadmaps/{roadmapId}/forecast": roadmapForecastRoute.GET,
  // Stakeholder communication
  ...reviewsRoutes,
  ...feedbackRoutes,
  ...sharingRoutes,
  ...dashboardsRoutes,
  ...transferRoutes,
  ...picturesRoutes,
  ...learningRoutes,
  // Phases and replanning
  ...replanningRoutes,
  // Email, webhooks, reminders
  ...deliveryRoutes,
} satisfies Record<string, RouteHandler>;

export type RouteKey = keyof typeof ROUTES;

export interface CallOptions {
  /** Path parameters, substituted into the route's {placeholders} and passed to the handler. */
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** A personal API token secret, sent as Authorization: Bearer. */
  token?: string;
  /** Sent as a JSON body. */
  json?: unknown;
  /** Sent as the raw body (for malformed or oversized bodies). */
  body?: string | Uint8Array;
  /** A version: sent as If-Match: "<version>"; a string is sent as it is. */
  ifMatch?: number | string;
  headers?: Record<string, string>;
}

// Response bodies are asserted field by field in tests; a loose type keeps those assertions short.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LooseJson = any;

export interface ApiResponse {
  status: number;
  json: LooseJson;
  text: string;
  headers: Headers;
}

function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing path parameter ${name} for ${template}`);
    return encodeURIComponent(value);
  });
}

/** Builds the Request that Next would hand to a route handler. */
export function buildRequest(method: string, path: string, options: CallOptions = {}): Request {
  const url = new URL(path, "http://localhost");
  for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
  const headers = new Headers(options.headers);
  if (options.token !== undefined) headers.set("authorization", `Bearer ${options.token}`);
  if (options.ifMatch !== undefined) {
    headers.set("if-match", typeof options.ifMatch === "number" ? `"${options.ifMatch}"` : options.ifMatch);
  }
  let body: string | Uint8Array | undefined = options.body;
  if (options.json !== undefined) body = JSON.stringify(options.json);
  if (body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
  return new Request(url, { method, headers, body: body as BodyInit | undefined });
}

/** Calls a handler directly, as Next does, and reads the whole answer. */
export async function callHandler(
  handler: RouteHandler,
  method: string,
  pathTemplate: string,
  options: CallOptions = {},
): Promise<ApiResponse> {
  const params = options.params ?? {};
  const req = buildRequest(method, fillPath(pathTemplate, params), options);
  const res = await handler(req, { params: Promise.resolve(params) });
  const text = await res.text();
  let json: LooseJson = undefined;
  if (text && /\bjson\b/.test(res.headers.get("content-type")?.split(";")[0].split("/")[1] ?? ""))
    json = JSON.parse(text);
  return { status: res.status, json, text, headers: res.headers };
}

/** Calls one of the API's operations by its "METHOD /path" key. */
export function api(key: RouteKey, options: CallOptions = {}): Promise<ApiResponse> {
  const [method, path] = key.split(" ");
  return callHandler(ROUTES[key], method, path, options);
}

/** The ETag of a response as a version number. */
export function etagVersion(res: ApiResponse): number | undefined {
  const etag = res.headers.get("etag");
  const match = etag ? /^(?:W\/)?"(\d+)"$/.exec(etag) : null;
  return match ? Number(match[1]) : undefined;
}

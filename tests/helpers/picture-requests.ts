import { buildRequest, ROUTES, type ApiResponse, type LooseJson } from "./api";
import type { TestUser } from "./fixtures";

export interface Download extends ApiResponse {
  bytes: Uint8Array;
}

/** A picture export as a browser downloads it: the answer's bytes (and its JSON when it is an error). */
async function call(
  key: "GET /api/roadmaps/{roadmapId}/export" | "GET /api/share/{token}/export",
  path: string,
  params: Record<string, string>,
  query: Record<string, string>,
  headers: Record<string, string> = {},
  token?: string,
): Promise<Download> {
  const req = buildRequest("GET", path, { query, token, headers });
  const res = await ROUTES[key](req, { params: Promise.resolve(params) });
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  const json: LooseJson = res.headers.get("content-type")?.startsWith("application/json")
    ? JSON.parse(text)
    : undefined;
  return { status: res.status, headers: res.headers, bytes, text, json };
}

export function exportPictureAs(
  who: TestUser | undefined,
  roadmapId: string,
  query: Record<string, string>,
  headers?: Record<string, string>,
) {
  return call(
    "GET /api/roadmaps/{roadmapId}/export",
    `/api/roadmaps/${roadmapId}/export`,
    { roadmapId },
    query,
    headers,
    who?.token,
  );
}

export function exportShared(token: string, query: Record<string, string>) {
  return call(
    "GET /api/share/{token}/export",
    `/api/share/${encodeURIComponent(token)}/export`,
    { token },
    query,
  );
}

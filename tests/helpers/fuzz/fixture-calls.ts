import type { Send, WireRequest } from "./wire";

// Fixture responses are read field by field; a loose type keeps that short.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** A well-formed request of the fixture's own (not fuzzed): status and parsed answer. */
export async function request(
  send: Send,
  token: string,
  method: string,
  pathTemplate: string,
  params: Record<string, string>,
  json?: unknown,
  ifMatch?: number,
): Promise<{ status: number; json: Json; text: string }> {
  const path = pathTemplate.replace(/\{(\w+)\}/g, (_, n: string) => params[n]);
  const headers: [string, string][] = [["authorization", `Bearer ${token}`]];
  if (json !== undefined) headers.push(["content-type", "application/json"]);
  if (ifMatch !== undefined) headers.push(["if-match", `"${ifMatch}"`]);
  const body = json === undefined ? undefined : JSON.stringify(json);
  const req: WireRequest = { method, pathTemplate, params, path, query: "", headers, body };
  const res = await send(req);
  const parsed =
    res.text && /json/.test(res.headers.get("content-type") ?? "") ? JSON.parse(res.text) : undefined;
  return { status: res.status, json: parsed, text: res.text };
}

/** One fixture-building call: it must succeed, or the run cannot mean anything. */
export async function call(...args: Parameters<typeof request>): Promise<Json> {
  const res = await request(...args);
  if (res.status >= 300) {
    throw new Error(`Fuzz fixture: ${args[2]} ${args[3]} answered ${res.status}: ${res.text.slice(0, 300)}`);
  }
  return res.json;
}

import type { Credential, FuzzCase, Who } from "./requests";
import { jsonText, scalarText, type FuzzValue, type IdPools } from "./values";

/** A request as it goes out: the same shape for in-process handlers and for HTTP. */
export interface WireRequest {
  method: string;
  /** OpenAPI style, e.g. /api/items/{itemId}: which handler answers. */
  pathTemplate: string;
  /** Path parameters as the handler receives them (decoded). */
  params: Record<string, string>;
  /** The path with the parameters percent-encoded. */
  path: string;
  /** Without the leading "?". */
  query: string;
  headers: [string, string][];
  body?: string | Uint8Array;
}

export interface WireResponse {
  status: number;
  headers: Headers;
  text: string;
}

export type Send = (req: WireRequest) => Promise<WireResponse>;

/** The fixture a case is resolved against: whose tokens and cookies, which ids. */
export interface FuzzWorld {
  pools: IdPools;
  tokens: Record<Exclude<Who, "anonymous">, string>;
  /** A valid `Cookie` header per identity, where one is available. */
  cookies: Partial<Record<Exclude<Who, "anonymous">, string>>;
}

export interface WireOptions {
  /** Longest query string to send: HTTP servers cap the request line (Node: 16 KiB of headers). */
  maxQueryLength: number;
}

/** Percent-encodes UTF-8 bytes; unlike encodeURIComponent it never throws (lone surrogates become U+FFFD). */
export function percentEncode(text: string): string {
  let out = "";
  for (const byte of new TextEncoder().encode(text)) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/**
 * A header value as fetch and Headers accept it: bytes 0x20-0xFF without CR/LF/NUL. Anything else
 * never reaches a server as such (clients refuse to send it), so it is replaced rather than skipped.
 */
function headerValue(value: FuzzValue, pools: IdPools): string {
  return scalarText(value, pools)
    .replace(/[^\x20-\x7e\xa0-\xff\t]/g, "?")
    .trim();
}

function credentialHeaders(who: Who, credential: Credential, world: FuzzWorld): [string, string][] {
  if (credential.kind === "authorization") return [["authorization", credential.value]];
  if (credential.kind === "cookieHeader") return [["cookie", credential.value]];
  if (who === "anonymous") return [];
  const cookie = world.cookies[who];
  if (credential.kind === "cookie" && cookie) return [["cookie", cookie]];
  return [["authorization", `Bearer ${world.tokens[who]}`]];
}

/** Resolves a case against the current fixture into the request to send. */
export function toWire(c: FuzzCase, world: FuzzWorld, options: WireOptions): WireRequest {
  const [method, pathTemplate] = c.key.split(" ");
  const params = Object.fromEntries(
    // An empty segment would change which route answers ("//"), not what the route is given.
    Object.entries(c.params).map(([k, v]) => [k, scalarText(v, world.pools) || " "]),
  );
  const path = pathTemplate.replace(/\{(\w+)\}/g, (_, name: string) => percentEncode(params[name]));
  const query = (
    Array.isArray(c.query)
      ? c.query.map(([k, v]) => `${percentEncode(k)}=${percentEncode(scalarText(v, world.pools))}`).join("&")
      : scalarText(c.query.raw, world.pools).replace(/[^\x21-\x7e]/g, (ch) => percentEncode(ch))
  ).slice(0, options.maxQueryLength);

  const headers = credentialHeaders(c.who, c.credential, world);
  for (const [name, value] of c.headers) headers.push([name, headerValue(value, world.pools)]);

  let body: string | Uint8Array | undefined;
  if (method !== "GET" && c.body) {
    if ("bytes" in c.body) body = Uint8Array.from(c.body.bytes);
    else if ("json" in c.body) body = jsonText(c.body.json, world.pools);
    else body = scalarText(c.body.text, world.pools);
  }
  return { method, pathTemplate, params, path, query, headers, body };
}

/** A short description of a request for failure messages: no megabyte bodies. */
export function describeWire(req: WireRequest): string {
  const clip = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}... (${s.length} chars)` : s);
  const body =
    req.body === undefined
      ? ""
      : typeof req.body === "string"
        ? clip(req.body)
        : `<${req.body.length} bytes>`;
  const headers = req.headers.map(
    ([k, v]) => `${k}: ${clip(k === "authorization" ? v.replace(/\S{12}$/, "…") : v)}`,
  );
  return `${req.method} ${clip(req.path)}${req.query ? `?${clip(req.query)}` : ""}\n  ${headers.join("\n  ")}\n  ${body}`;
}

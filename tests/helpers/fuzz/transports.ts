import type { Send, WireRequest, WireResponse } from "./wire";

export type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/**
 * Reads an answer as a client that is done with it: a stream that would stay open (Server-Sent
 * Events) is read up to its headers and then left, aborting the request as a browser does.
 */
async function readAnswer(res: Response, abort: AbortController): Promise<WireResponse> {
  let text = "";
  if ((res.headers.get("content-type") ?? "").includes("text/event-stream")) {
    await res.body?.cancel().catch(() => {});
  } else {
    text = await res.text();
  }
  abort.abort();
  return { status: res.status, headers: res.headers, text };
}

/** Calls route handlers directly, as Next does, by "METHOD /path/{param}". */
export function inProcessSend(routes: Record<string, Handler>): Send {
  return async (req: WireRequest) => {
    const handler = routes[`${req.method} ${req.pathTemplate}`];
    if (!handler) throw new Error(`No route handler for ${req.method} ${req.pathTemplate}`);
    const abort = new AbortController();
    const url = `http://localhost${req.path}${req.query ? `?${req.query}` : ""}`;
    const request = new Request(url, {
      method: req.method,
      headers: req.headers,
      body: req.body as BodyInit | undefined,
      signal: abort.signal,
    });
    return readAnswer(await handler(request, { params: Promise.resolve(req.params) }), abort);
  };
}

/** Sends over HTTP to a running server (127.0.0.1 only: the fuzzer never leaves the machine). */
export function httpSend(base: string, timeoutMs = 60_000): Send {
  const origin = new URL(base);
  if (origin.hostname !== "127.0.0.1")
    throw new Error(`httpSend targets 127.0.0.1 only, not ${origin.hostname}`);
  return async (req: WireRequest) => {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    try {
      const res = await fetch(`${origin.origin}${req.path}${req.query ? `?${req.query}` : ""}`, {
        method: req.method,
        headers: req.headers,
        body: req.body as BodyInit | undefined,
        redirect: "manual",
        signal: abort.signal,
      });
      return await readAnswer(res, abort);
    } finally {
      clearTimeout(timer);
    }
  };
}

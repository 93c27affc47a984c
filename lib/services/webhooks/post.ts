import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { MAX_WEBHOOK_RESPONSE_BYTES, type WebhookAttemptOutcome } from "@/lib/validation/delivery";
import { guardedLookup, unsafeAddressOf } from "./destination";

export const WEBHOOK_TIMEOUT_MS = 5000;

export interface PostResult {
  outcome: WebhookAttemptOutcome;
  status: number | null;
  durationMs: number;
  error: string | null;
  responseBody: string | null;
}

export interface PostOptions {
  timeoutMs?: number;
  allowPrivate: boolean;
}

/**
 * One POST to a receiver: a redirect is never followed (a failed attempt that says where it
 * pointed), the answer is read up to 1 kB, the whole exchange ends after `timeoutMs`.
 */
export async function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: PostOptions,
): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const target = new URL(url);
  if (!options.allowPrivate) {
    const unsafe = await unsafeAddressOf(target);
    if (unsafe) return refused(`${target.hostname} is ${unsafe}, a private address.`, elapsed());
  }
  const request = target.protocol === "https:" ? httpsRequest : httpRequest;
  try {
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = request(target, {
        method: "POST",
        headers: { ...headers, "content-type": "application/json", "user-agent": "Cairn-Webhooks/1" },
        signal: AbortSignal.timeout(options.timeoutMs ?? WEBHOOK_TIMEOUT_MS),
        ...(!options.allowPrivate && { lookup: guardedLookup }),
      });
      req.on("response", resolve);
      req.on("error", reject);
      req.end(body);
    });
    const text = await readUpTo(response, MAX_WEBHOOK_RESPONSE_BYTES);
    const status = response.statusCode ?? 0;
    const ok = status >= 200 && status < 300;
    const location = response.headers.location;
    const error = ok
      ? null
      : status >= 300 && status < 400
        ? `Redirect to ${location ?? "(no location)"} not followed.`
        : `The receiver answered ${status}.`;
    return { outcome: ok ? "succeeded" : "failed", status, durationMs: elapsed(), error, responseBody: text };
  } catch (cause) {
    const e = cause as NodeJS.ErrnoException;
    if (e.code === "UNSAFE_ADDRESS") return refused(e.message, elapsed());
    const timedOut = e.name === "AbortError" || e.name === "TimeoutError" || e.code === "ABORT_ERR";
    const message = timedOut ? `No answer within ${options.timeoutMs ?? WEBHOOK_TIMEOUT_MS} ms.` : e.message;
    return { outcome: "failed", status: null, durationMs: elapsed(), error: message, responseBody: null };
  }
}

function refused(error: string, durationMs: number): PostResult {
  return { outcome: "refused", status: null, durationMs, error, responseBody: null };
}

/** The first `limit` bytes of the answer as text; the rest is not read. */
async function readUpTo(response: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= limit) break;
    }
  } catch {
    // A body cut short (or timed out) after the status line: keep what came.
  }
  response.destroy();
  return Buffer.concat(chunks).subarray(0, limit).toString("utf8");
}

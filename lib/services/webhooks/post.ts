import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { MAX_WEBHOOK_RESPONSE_BYTES, type WebhookAttemptOutcome } from "@/lib/validation/delivery";
import { checkAddresses, DNS_TIMEOUT_MS, guardedLookup, type LookupAll } from "./destination";

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
  /**
   * The resolver of the address check and of the connection while private addresses are refused:
   * dns.lookup, unless a test hands in its own.
   */
  lookup?: LookupAll;
}

/**
 * One POST to a receiver: a redirect is never followed (a failed attempt that says where it
 * pointed), the answer is read up to 1 kB, the whole exchange ends after `timeoutMs`, the check of
 * the resolved addresses included (its DNS lookup has a shorter timeout of its own).
 */
export async function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: PostOptions,
): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const budget = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const target = new URL(url);
  if (!options.allowPrivate) {
    const dnsTimeoutMs = Math.min(DNS_TIMEOUT_MS, budget);
    const { unsafe, timedOut } = await checkAddresses(target, {
      lookup: options.lookup,
      timeoutMs: dnsTimeoutMs,
    });
    if (timedOut)
      return failed(`DNS gave no address for ${target.hostname} within ${dnsTimeoutMs} ms.`, elapsed());
    if (unsafe) return refused(`${target.hostname} is ${unsafe}, a private address.`, elapsed());
  }
  const request = target.protocol === "https:" ? httpsRequest : httpRequest;
  try {
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = request(target, {
        method: "POST",
        headers: { ...headers, "content-type": "application/json", "user-agent": "Cairn-Webhooks/1" },
        // What the address check took comes out of the same budget.
        signal: AbortSignal.timeout(Math.max(1, budget - elapsed())),
        ...(!options.allowPrivate && { lookup: guardedLookup(options.lookup) }),
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
    return failed(timedOut ? `No answer within ${budget} ms.` : e.message, elapsed());
  }
}

function failed(error: string, durationMs: number): PostResult {
  return { outcome: "failed", status: null, durationMs, error, responseBody: null };
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

// #17 webhooks: the DNS lookup before a delivery has its own timeout inside the 5 s budget, so a
// resolver that never answers fails the attempt (retried later) instead of holding the worker.
// The resolver is handed in (PostOptions.lookup), as node:http's `lookup` option takes one.
import type { LookupAddress } from "node:dns";
import { describe, expect, it } from "vitest";
import { DNS_TIMEOUT_MS, unsafeAddressOf, type LookupAll } from "@/lib/services/webhooks/destination";
import { postWebhook, WEBHOOK_TIMEOUT_MS } from "@/lib/services/webhooks/post";

const URL_ = "https://hooks.example.com/cairn";
const PUBLIC: LookupAddress = { address: "93.184.216.34", family: 4 };

/** Answers each call with the next of `answers`; `null` never answers at all. */
function resolver(...answers: (LookupAddress | null)[]): LookupAll & { calls: number } {
  const lookup = ((_host, _options, callback) => {
    const answer = answers[Math.min(lookup.calls++, answers.length - 1)];
    if (answer) setImmediate(() => callback(null, [answer]));
  }) as LookupAll & { calls: number };
  lookup.calls = 0;
  return lookup;
}

const post = (lookup: LookupAll, timeoutMs?: number) =>
  postWebhook(URL_, {}, "{}", { allowPrivate: false, lookup, timeoutMs });

describe("a webhook delivery's DNS lookup", () => {
  it("fails the attempt after its own timeout when the resolver never answers, well inside the 5 s", async () => {
    const started = performance.now();
    const result = await post(resolver(null));
    const took = performance.now() - started;
    expect(result).toMatchObject({
      outcome: "failed",
      status: null,
      error: `DNS gave no address for hooks.example.com within ${DNS_TIMEOUT_MS} ms.`,
    });
    expect(DNS_TIMEOUT_MS).toBeLessThan(WEBHOOK_TIMEOUT_MS);
    expect(took).toBeGreaterThanOrEqual(DNS_TIMEOUT_MS - 50);
    expect(took).toBeLessThan(DNS_TIMEOUT_MS + 1000);
    expect(result.durationMs).toBeLessThan(DNS_TIMEOUT_MS + 1000);
  });

  it("never waits longer than a shorter budget", async () => {
    const started = performance.now();
    const result = await post(resolver(null), 300);
    expect(result.error).toBe("DNS gave no address for hooks.example.com within 300 ms.");
    expect(performance.now() - started).toBeLessThan(1300);
  });

  it("a lookup that hangs at connection time, after the check answered, ends with the budget", async () => {
    const lookup = resolver(PUBLIC, null);
    const started = performance.now();
    const result = await post(lookup, 800);
    expect(lookup.calls).toBe(2); // the check, then the connection's own lookup (pinned, guarded)
    expect(result).toMatchObject({ outcome: "failed", error: "No answer within 800 ms." });
    expect(performance.now() - started).toBeLessThan(1800);
  });

  it("the injected resolver is guarded as dns.lookup is: a private answer is refused, at the check or at connection", async () => {
    expect(await post(resolver({ address: "127.0.0.1", family: 4 }))).toMatchObject({
      outcome: "refused",
      error: "hooks.example.com is 127.0.0.1, a private address.",
    });
    expect(await post(resolver(PUBLIC, { address: "10.0.0.5", family: 4 }))).toMatchObject({
      outcome: "refused",
      error: "hooks.example.com resolves to 10.0.0.5, a private address.",
    });
  });

  it("at creation, a name whose resolver never answers is let through after the timeout, as one that does not resolve", async () => {
    const started = performance.now();
    expect(await unsafeAddressOf(new URL(URL_), { lookup: resolver(null), timeoutMs: 100 })).toBeNull();
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

import { lookup, type LookupAddress } from "node:dns";
import { isIP } from "node:net";
import { isUnsafeAddress } from "@/lib/collaboration/webhook-address";

// Where a webhook may send. Checked on the addresses a name resolves to, at creation and at every
// delivery (DNS can change), and pinned at connection time by `guardedLookup`, so a name that
// resolves to a public address for the check and a private one for the request is refused too.

/** CAIRN_WEBHOOK_ALLOW_PRIVATE=1 lets webhooks reach private and loopback hosts (tests, intranets). */
export function privateAddressesAllowed(): boolean {
  return process.env.CAIRN_WEBHOOK_ALLOW_PRIVATE === "1";
}

function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, "");
}

/** dns.lookup with `all: true`, as node:http calls it; tests hand in a resolver of their own. */
export type LookupAll = (
  hostname: string,
  options: { all: true },
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/**
 * How long the check before a delivery (or at creation) waits for DNS: getaddrinfo has no timeout
 * of its own, so a resolver that never answers would hold a delivery past its 5 s and a worker slot.
 */
export const DNS_TIMEOUT_MS = 2000;

export interface DnsOptions {
  lookup?: LookupAll;
  timeoutMs?: number;
}

/**
 * What the URL's host is or resolves to: the first unsafe address (null when every one is public
 * or the name does not resolve), and whether the resolver gave no answer within the timeout.
 */
export async function checkAddresses(
  url: URL,
  dns: DnsOptions = {},
): Promise<{ unsafe: string | null; timedOut: boolean }> {
  const host = hostOf(url);
  if (isIP(host)) return { unsafe: isUnsafeAddress(host) ? host : null, timedOut: false };
  const resolve = dns.lookup ?? (lookup as LookupAll);
  let timer: NodeJS.Timeout | undefined;
  const addresses = await Promise.race([
    new Promise<LookupAddress[]>((done) =>
      resolve(host, { all: true }, (error, found) => done(error ? [] : found)),
    ),
    new Promise<null>((done) => (timer = setTimeout(() => done(null), dns.timeoutMs ?? DNS_TIMEOUT_MS))),
  ]).finally(() => clearTimeout(timer));
  if (!addresses) return { unsafe: null, timedOut: true };
  // A name that does not resolve is refused by the request itself (a failed attempt), not here.
  return { unsafe: addresses.find((a) => isUnsafeAddress(a.address))?.address ?? null, timedOut: false };
}

/** The first unsafe address the URL's host is or resolves to; null when every one is public. */
export async function unsafeAddressOf(url: URL, dns: DnsOptions = {}): Promise<string | null> {
  return (await checkAddresses(url, dns)).unsafe;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** node:http's `lookup` option: resolves as usual (or with `resolve`), then fails on an unsafe address. */
export function guardedLookup(resolve: LookupAll = lookup as LookupAll) {
  return (hostname: string, options: object, callback: LookupCallback): void => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const bad = addresses.find((a) => isUnsafeAddress(a.address));
      if (bad) {
        const refused: NodeJS.ErrnoException = new Error(
          `${hostname} resolves to ${bad.address}, a private address.`,
        );
        refused.code = "UNSAFE_ADDRESS";
        return callback(refused, []);
      }
      if ((options as { all?: boolean }).all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

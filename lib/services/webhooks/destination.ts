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

/** The first unsafe address the URL's host is or resolves to; null when every one is public. */
export async function unsafeAddressOf(url: URL): Promise<string | null> {
  const host = hostOf(url);
  if (isIP(host)) return isUnsafeAddress(host) ? host : null;
  const addresses = await new Promise<LookupAddress[]>((resolve) =>
    lookup(host, { all: true }, (error, found) => resolve(error ? [] : found)),
  );
  // A name that does not resolve is refused by the request itself (a failed attempt), not here.
  return addresses.find((a) => isUnsafeAddress(a.address))?.address ?? null;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** node:http's `lookup` option: resolves as usual, then fails on an unsafe address. */
export function guardedLookup(hostname: string, options: object, callback: LookupCallback): void {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
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
}

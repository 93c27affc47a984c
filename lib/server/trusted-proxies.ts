import { BlockList, isIP } from "node:net";
import { normalizeAddress } from "./ip-address";

/**
 * Which X-Forwarded-For entries may be believed (CAIRN_TRUSTED_PROXIES):
 * - none: the socket address is the client, whatever the request says;
 * - hops: N proxies stand in front of the app, each appending the address it was reached from;
 * - list: the proxies' own addresses (or networks); entries are believed while they come from one.
 */
export type TrustedProxies =
  { kind: "none" } | { kind: "hops"; count: number } | { kind: "list"; proxies: BlockList };

/** What the app answers when it cannot know the client's address (see clientAddressFrom). */
export const UNKNOWN_ADDRESS = "unknown";

export class TrustedProxiesError extends Error {}

/**
 * Reads CAIRN_TRUSTED_PROXIES: unset, empty or `0` trusts no proxy; a whole number is a hop count;
 * anything else is a comma-separated list of addresses and CIDR networks (`10.0.0.0/8`, `::1`).
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const text = value?.trim() ?? "";
  if (text === "" || text === "0") return { kind: "none" };
  if (/^\d+$/.test(text)) {
    const count = Number(text);
    if (count > 20) throw new TrustedProxiesError(`CAIRN_TRUSTED_PROXIES=${text}: at most 20 proxy hops.`);
    return { kind: "hops", count };
  }
  const proxies = new BlockList();
  for (const entry of text.split(",").map((s) => s.trim())) {
    const [address, prefix, extra] = entry.split("/");
    const normalized = normalizeAddress(address ?? "");
    const family = normalized ? isIP(normalized) : 0;
    const bits = prefix === undefined ? undefined : Number(prefix);
    const validBits = bits === undefined || (/^\d+$/.test(prefix!) && bits <= (family === 4 ? 32 : 128));
    if (!normalized || extra !== undefined || !validBits) {
      throw new TrustedProxiesError(
        `CAIRN_TRUSTED_PROXIES: "${entry}" is not an IP address or network. Give a number of proxy hops (e.g. 1) or a comma-separated list such as 10.0.0.0/8, 192.0.2.7.`,
      );
    }
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) proxies.addAddress(normalized, type);
    else proxies.addSubnet(normalized, bits, type);
  }
  return { kind: "list", proxies };
}

function isTrusted(proxies: BlockList, address: string): boolean {
  return proxies.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address from the socket's peer address and X-Forwarded-For, believing only what
 * the trusted proxies wrote. The hops are walked from the right (nearest first); the walk stops at
 * the first untrusted hop, and at an entry that is not an address (the last real hop counts then).
 *
 * Without the peer address (served by plain `next start` or `next dev`, or a handler called
 * directly) a hop count still works, the nearest proxy being the unseen peer; with no trust or a
 * list, which needs the peer to be checked, every client is UNKNOWN_ADDRESS (one shared bucket).
 */
export function clientAddressFrom(
  trust: TrustedProxies,
  peer: string | undefined,
  forwardedFor: string | null,
): string {
  const peerAddress = peer === undefined ? null : normalizeAddress(peer);
  if (trust.kind === "none") return peerAddress ?? UNKNOWN_ADDRESS;
  const forwarded = (forwardedFor ?? "").split(",").filter((s) => s.trim() !== "");

  if (trust.kind === "hops") {
    // The hops to skip: the peer is the first proxy when it is known, else it is the unseen one.
    const hops = peerAddress ? [...forwarded, peerAddress] : forwarded;
    let skip = peerAddress ? trust.count : trust.count - 1;
    let current: string | null = null;
    for (let i = hops.length - 1; i >= 0; i--) {
      const address = normalizeAddress(hops[i]);
      if (!address) break;
      current = address;
      if (skip-- <= 0) break;
    }
    return current ?? UNKNOWN_ADDRESS;
  }

  if (!peerAddress) return UNKNOWN_ADDRESS;
  let current = peerAddress;
  for (let i = forwarded.length - 1; i >= 0 && isTrusted(trust.proxies, current); i--) {
    const address = normalizeAddress(forwarded[i]);
    if (!address) break;
    current = address;
  }
  return current;
}

import { isIP, SocketAddress } from "node:net";

/**
 * An address as it appears in a socket or an X-Forwarded-For entry, in one canonical spelling:
 * IPv4-mapped IPv6 (`::ffff:192.0.2.1`, what a dual-stack socket reports) becomes plain IPv4,
 * `[v6]:port`, `v4:port` and a zone (`%eth0`) are dropped. Null when it is not an IP address.
 */
export function normalizeAddress(raw: string): string | null {
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  value = value.replace(/%.*$/, "").toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(value);
  if (mapped) value = mapped[1];
  const family = isIP(value);
  if (family === 4) return value;
  if (family === 6) return canonicalIPv6(value);
  return null;
}

/** RFC 5952's spelling (lower case, longest zero run as `::`), so one address has one key. */
function canonicalIPv6(address: string): string {
  return new SocketAddress({ address, family: "ipv6" }).address;
}

/** The eight 16-bit groups of a valid IPv6 address (with `::` and a dotted IPv4 tail resolved). */
function expandIPv6(address: string): number[] {
  let text = address;
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, undefined];
  const parse = (part: string | undefined) => (part ? part.split(":").map((h) => parseInt(h, 16)) : []);
  const left = parse(head);
  const right = parse(tail);
  const zeros = tail === undefined ? [] : new Array<number>(8 - left.length - right.length).fill(0);
  return [...left, ...zeros, ...right];
}

/**
 * The unit per-address limits count: an IPv4 address, or an IPv6 address's /64 network, because
 * one host is usually handed a whole /64 and could otherwise take a fresh address per request.
 */
export function addressBucket(address: string): string {
  if (isIP(address) !== 6) return address;
  const network = [...expandIPv6(address).slice(0, 4), 0, 0, 0, 0].map((h) => h.toString(16)).join(":");
  return `${canonicalIPv6(network)}/64`;
}

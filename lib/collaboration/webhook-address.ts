import { BlockList, isIP } from "node:net";

// Where a webhook may not send: addresses of this host, its network, or no host at all. Checked
// on the resolved addresses (a name can point anywhere), at creation and again at each delivery.

const unsafe = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this network", unspecified
  ["10.0.0.0", 8], // private
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local (cloud metadata lives here)
  ["172.16.0.0", 12], // private
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // documentation
  ["192.168.0.0", 16], // private
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // documentation
  ["203.0.113.0", 24], // documentation
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, and 255.255.255.255 broadcast
] as const) {
  unsafe.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128], // unspecified
  ["::1", 128], // loopback
  ["100::", 64], // discard
  ["2001:db8::", 32], // documentation
  ["fc00::", 7], // unique-local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated, still routed by some)
  ["ff00::", 8], // multicast
] as const) {
  unsafe.addSubnet(network, prefix, "ipv6");
}

/** The eight 16-bit groups of an IPv6 address (with `::` and a dotted IPv4 tail expanded). */
function ipv6Groups(address: string): number[] {
  let text = address.split("%")[0]!.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split(".").map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, undefined];
  const left = head ? head.split(":") : [];
  const right = tail === undefined ? [] : tail ? tail.split(":") : [];
  const zeros = tail === undefined ? [] : Array(8 - left.length - right.length).fill("0");
  return [...left, ...zeros, ...right].map((group) => parseInt(group, 16));
}

/**
 * The IPv4 address an IPv6 one carries, when it is IPv4-mapped (`::ffff:a.b.c.d`), IPv4-compatible
 * (`::a.b.c.d`, deprecated) or NAT64 (`64:ff9b::a.b.c.d`): the host it reaches is that IPv4 one.
 */
export function embeddedIpv4(address: string): string | null {
  const groups = ipv6Groups(address);
  const prefix = groups.slice(0, 6);
  const mapped = prefix.every((g, i) => (i === 5 ? g === 0xffff : g === 0));
  const compatible = prefix.every((g) => g === 0) && (groups[6] ?? 0) !== 0;
  const nat64 = groups[0] === 0x64 && groups[1] === 0xff9b && prefix.slice(2).every((g) => g === 0);
  if (!mapped && !compatible && !nat64) return null;
  const [high, low] = [groups[6]!, groups[7]!];
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
}

/**
 * True when a webhook must not send to this IP address: loopback, link-local, private,
 * unique-local, CGNAT, multicast, unspecified, reserved, or an IPv6 form of one of those. Text
 * that is not an IP address is unsafe too (the caller resolves names first).
 */
export function isUnsafeAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "");
  const family = isIP(bare.split("%")[0]!);
  if (family === 4) return unsafe.check(bare, "ipv4");
  if (family !== 6) return true;
  const inner = embeddedIpv4(bare);
  if (inner !== null) return unsafe.check(inner, "ipv4");
  return unsafe.check(bare.split("%")[0]!, "ipv6");
}

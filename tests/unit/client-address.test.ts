import { describe, expect, it } from "vitest";
import { addressBucket, normalizeAddress } from "@/lib/server/ip-address";
import { slowDownMs } from "@/lib/server/sign-in-guard";
import {
  clientAddressFrom,
  parseTrustedProxies,
  TrustedProxiesError,
  UNKNOWN_ADDRESS,
} from "@/lib/server/trusted-proxies";

describe("normalizeAddress", () => {
  it.each([
    ["192.0.2.1", "192.0.2.1"],
    [" 192.0.2.1 ", "192.0.2.1"],
    ["192.0.2.1:8443", "192.0.2.1"],
    ["::ffff:192.0.2.1", "192.0.2.1"],
    ["[2001:DB8::1]:443", "2001:db8::1"],
    ["2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"],
    ["fe80::1%eth0", "fe80::1"],
  ])("%s is %s", (raw, expected) => {
    expect(normalizeAddress(raw)).toBe(expected);
  });

  it.each(["", "unknown", "192.0.2", "999.0.2.1", "1.2.3.4, 5.6.7.8", "<script>"])(
    "%j is not an address",
    (raw) => {
      expect(normalizeAddress(raw)).toBeNull();
    },
  );
});

describe("addressBucket", () => {
  it("keeps IPv4 addresses and groups IPv6 ones by /64 network", () => {
    expect(addressBucket("192.0.2.1")).toBe("192.0.2.1");
    expect(addressBucket("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
    expect(addressBucket(UNKNOWN_ADDRESS)).toBe(UNKNOWN_ADDRESS);
  });
});

describe("parseTrustedProxies", () => {
  it("unset, empty and 0 trust no proxy; a whole number is a hop count", () => {
    expect(parseTrustedProxies(undefined)).toEqual({ kind: "none" });
    expect(parseTrustedProxies("  ")).toEqual({ kind: "none" });
    expect(parseTrustedProxies("0")).toEqual({ kind: "none" });
    expect(parseTrustedProxies("2")).toEqual({ kind: "hops", count: 2 });
  });

  it("reads a list of addresses and networks of both families", () => {
    const trust = parseTrustedProxies("10.0.0.0/8, 192.0.2.7,::1, 2001:db8::/32");
    expect(trust.kind).toBe("list");
    const via = (peer: string) => clientAddressFrom(trust, peer, "198.51.100.1");
    for (const proxy of ["10.200.3.4", "192.0.2.7", "::1", "::ffff:10.0.0.1", "2001:db8:ff::9"]) {
      expect(via(proxy)).toBe("198.51.100.1");
    }
    for (const stranger of ["192.0.2.8", "11.0.0.1", "2001:db9::1"])
      expect(via(stranger)).toBe(normalizeAddress(stranger));
  });

  it.each(["1.2.3.4/33", "10.0.0.0/8/1", "proxy.internal", "10.0.0.1,", "-1", "21", "::1/129", "10.0.0.0/x"])(
    "refuses %j with a message naming the entry",
    (value) => {
      expect(() => parseTrustedProxies(value)).toThrow(TrustedProxiesError);
    },
  );
});

describe("clientAddressFrom", () => {
  const none = parseTrustedProxies(undefined);
  const oneHop = parseTrustedProxies("1");
  const twoHops = parseTrustedProxies("2");
  const list = parseTrustedProxies("10.0.0.0/8");

  it("trusting no proxy, the socket address counts whatever X-Forwarded-For says", () => {
    expect(clientAddressFrom(none, "203.0.113.5", "198.51.100.1")).toBe("203.0.113.5");
    expect(clientAddressFrom(none, "::ffff:203.0.113.5", null)).toBe("203.0.113.5");
  });

  it("a hop count takes the entry that many proxies from the right, the peer being the nearest", () => {
    // A client forged "6.6.6.6"; the load balancer (the peer) appended the address it saw.
    expect(clientAddressFrom(oneHop, "10.0.0.2", "6.6.6.6, 203.0.113.5")).toBe("203.0.113.5");
    // Two proxies: the outer one appended the client, the inner one appended the outer one.
    expect(clientAddressFrom(twoHops, "10.0.0.3", "6.6.6.6, 203.0.113.5, 10.0.0.2")).toBe("203.0.113.5");
    // Fewer entries than hops: the furthest address known.
    expect(clientAddressFrom(twoHops, "10.0.0.3", "")).toBe("10.0.0.3");
    expect(clientAddressFrom(twoHops, "10.0.0.3", null)).toBe("10.0.0.3");
  });

  it("the walk stops at an entry that is not an address, keeping the hop that handed it over", () => {
    expect(clientAddressFrom(twoHops, "10.0.0.3", "203.0.113.5, garbage")).toBe("10.0.0.3");
    expect(clientAddressFrom(list, "10.0.0.3", "203.0.113.5, garbage, 10.0.0.2")).toBe("10.0.0.2");
  });

  it("a list skips trusted proxies from the right and ignores X-Forwarded-For from anyone else", () => {
    expect(clientAddressFrom(list, "10.0.0.2", "6.6.6.6, 203.0.113.5, 10.1.1.1")).toBe("203.0.113.5");
    expect(clientAddressFrom(list, "203.0.113.9", "6.6.6.6")).toBe("203.0.113.9");
    // Nothing but proxies: the furthest one.
    expect(clientAddressFrom(list, "10.0.0.2", "10.0.0.1")).toBe("10.0.0.1");
  });

  it("without the socket address: a hop count still works, anything else is one shared 'unknown'", () => {
    expect(clientAddressFrom(oneHop, undefined, "6.6.6.6, 203.0.113.5")).toBe("203.0.113.5");
    expect(clientAddressFrom(twoHops, undefined, "6.6.6.6, 203.0.113.5, 10.0.0.2")).toBe("203.0.113.5");
    expect(clientAddressFrom(oneHop, undefined, null)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddressFrom(none, undefined, "203.0.113.5")).toBe(UNKNOWN_ADDRESS);
    expect(clientAddressFrom(list, undefined, "203.0.113.5")).toBe(UNKNOWN_ADDRESS);
  });
});

describe("slowDownMs", () => {
  it("waits nothing below the limit, then 1 s doubling per failure up to 10 s", () => {
    expect([0, 9].map((f) => slowDownMs(f, 10))).toEqual([0, 0]);
    expect([10, 11, 12, 13, 14, 50].map((f) => slowDownMs(f, 10))).toEqual([
      1000, 2000, 4000, 8000, 10_000, 10_000,
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { ByteLru } from "@/lib/server/byte-lru";
import { matchesIfNoneMatch } from "@/lib/server/cached-answer";
import { negotiateCoding } from "@/lib/server/encoding";

const bytes = (s: string) => s.length;

describe("ByteLru", () => {
  it("keeps what fits in its byte cap, dropping the least recently used first", () => {
    const lru = new ByteLru<string>(10, bytes);
    lru.set("a", "aaaa");
    lru.set("b", "bbbb");
    expect(lru.get("a")).toBe("aaaa"); // a is now the most recently used
    lru.set("c", "cccc");
    expect(lru.get("b")).toBeUndefined();
    expect(lru.get("a")).toBe("aaaa");
    expect(lru.get("c")).toBe("cccc");
    expect(lru.bytes).toBe(8);
    expect(lru.size).toBe(2);
  });

  it("never holds more bytes than its cap, and refuses an entry larger than the whole cap", () => {
    const lru = new ByteLru<string>(100, bytes);
    for (let i = 0; i < 500; i++) {
      lru.set(`k${i}`, "x".repeat(1 + (i % 37)));
      expect(lru.bytes).toBeLessThanOrEqual(100);
    }
    lru.set("huge", "y".repeat(101));
    expect(lru.get("huge")).toBeUndefined();
    expect(lru.bytes).toBeLessThanOrEqual(100);
  });

  it("replacing a key recounts its bytes; resize recounts a value that grew in place", () => {
    const lru = new ByteLru<{ s: string }>(20, (v) => v.s.length);
    const value = { s: "12345" };
    lru.set("k", value);
    lru.set("k", { s: "123" });
    expect(lru.bytes).toBe(3);
    lru.set("g", value);
    value.s = "1234567890";
    lru.resize("g");
    expect(lru.bytes).toBe(13);
    lru.delete("k");
    expect(lru.bytes).toBe(10);
  });
});

describe("negotiateCoding", () => {
  it.each([
    [null, "identity"],
    ["", "identity"],
    ["gzip, deflate, br", "br"],
    ["gzip, deflate, br, zstd", "br"],
    ["gzip", "gzip"],
    ["br;q=0, gzip;q=0.5", "gzip"],
    ["identity", "identity"],
    ["*", "br"],
    ["*;q=0", "identity"],
    ["deflate", "identity"],
    ["GZIP;Q=1", "gzip"],
    ["gzip;q=garbage", "identity"],
  ])("%j -> %s", (header, coding) => {
    expect(negotiateCoding(header)).toBe(coding);
  });
});

describe("matchesIfNoneMatch", () => {
  it("compares weakly and accepts lists and *", () => {
    expect(matchesIfNoneMatch('W/"b3-viewer"', 'W/"b3-viewer"')).toBe(true);
    expect(matchesIfNoneMatch('"b3-viewer"', 'W/"b3-viewer"')).toBe(true);
    expect(matchesIfNoneMatch('W/"b2-viewer", W/"b3-viewer"', 'W/"b3-viewer"')).toBe(true);
    expect(matchesIfNoneMatch("*", 'W/"b3-viewer"')).toBe(true);
    expect(matchesIfNoneMatch('W/"b3-editor"', 'W/"b3-viewer"')).toBe(false);
    expect(matchesIfNoneMatch('W/"b31-viewer"', 'W/"b3-viewer"')).toBe(false);
    expect(matchesIfNoneMatch(null, 'W/"b3-viewer"')).toBe(false);
    // Garbage names nothing: the full answer, never an error.
    expect(matchesIfNoneMatch('b3-viewer", ,,W/', 'W/"b3-viewer"')).toBe(false);
    expect(matchesIfNoneMatch("\u0000".repeat(10_000), 'W/"b3-viewer"')).toBe(false);
  });
});

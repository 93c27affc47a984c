import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { runWithPeerAddress } from "@/lib/server/client-address";
import { startServer } from "@/lib/server/startup";
import { api } from "../helpers/api";
import { describeEachDatabase } from "../helpers/database";
import { uniqueEmail, withEnv } from "../helpers/fixtures";

let counter = 0;
/** A documentation-range address nobody else in this file uses. */
const fresh = (prefix: "198.51.100" | "203.0.113") => `${prefix}.${++counter}`;

// Which address the per-address limits count, seen through registration (CAIRN_LIMIT_REGISTER_IP=2:
// the third registration from one client is refused).
describeEachDatabase("client address", (getCtx) => {
  /** Registers from socket address `peer` (undefined: the server did not say) with X-Forwarded-For. */
  const register = async (peer: string | undefined, forwardedFor?: string) => {
    const email = uniqueEmail("client");
    const res = await runWithPeerAddress(peer, () =>
      api("POST /api/register", {
        json: { email, name: "Client Address", password: "long enough password" },
        headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor },
      }),
    );
    const [row] = await getCtx().db.select({ id: users.id }).from(users).where(eq(users.email, email));
    // A refused registration writes nothing.
    expect(Boolean(row)).toBe(res.status === 201);
    return res.status;
  };
  const statuses = async (requests: Array<[string | undefined, string?]>) => {
    const out: number[] = [];
    for (const [peer, forwardedFor] of requests) out.push(await register(peer, forwardedFor));
    return out;
  };
  const limited = (vars: Record<string, string | undefined>, run: () => Promise<void>) =>
    withEnv({ CAIRN_LIMIT_REGISTER_IP: "2", ...vars }, run);

  describe("CAIRN_TRUSTED_PROXIES unset: the socket address counts", () => {
    it("made-up X-Forwarded-For addresses do not reset the limit", async () => {
      await limited({ CAIRN_TRUSTED_PROXIES: undefined }, async () => {
        const peer = fresh("203.0.113");
        const spoofed = [1, 2, 3, 4].map((i) => [peer, `198.51.100.${200 + i}`] as [string, string]);
        expect(await statuses(spoofed)).toEqual([201, 201, 429, 429]);
        expect(await register(fresh("203.0.113"), `198.51.100.201`)).toBe(201);
      });
    });

    it("IPv6 clients count by /64 network", async () => {
      await limited({ CAIRN_TRUSTED_PROXIES: undefined }, async () => {
        const net = `2001:db8:${++counter}:1`;
        expect(await statuses([[`${net}::a`], [`${net}::b`], [`${net}:ffff::c`]])).toEqual([201, 201, 429]);
        expect(await register(`2001:db8:${counter}:2::a`)).toBe(201);
      });
    });

    it("without a socket address (plain next start, next dev) every client shares one count", async () => {
      await limited({ CAIRN_TRUSTED_PROXIES: undefined }, async () => {
        // This database's "unknown" bucket is used by this test alone.
        expect(
          await statuses([[undefined, "198.51.100.250"], [undefined, "198.51.100.251"], [undefined]]),
        ).toEqual([201, 201, 429]);
      });
    });
  });

  describe("a hop count", () => {
    it("1: the entry the load balancer (the peer) appended counts; what the client wrote before it does not", async () => {
      await limited({ CAIRN_TRUSTED_PROXIES: "1" }, async () => {
        const balancer = "10.0.0.1";
        const client = fresh("203.0.113");
        const spoofed = [1, 2, 3].map((i) => [balancer, `198.51.100.${i}, ${client}`] as [string, string]);
        expect(await statuses(spoofed)).toEqual([201, 201, 429]);
        // Other clients behind the same balancer have counts of their own.
        expect(await register(balancer, fresh("203.0.113"))).toBe(201);
      });
    });

    it("2: two proxies' entries are skipped", async () => {
      await limited({ CAIRN_TRUSTED_PROXIES: "2" }, async () => {
        const client = fresh("203.0.113");
        const spoofed = [1, 2, 3].map(
          (i) => ["10.0.0.1", `198.51.100.${i}, ${client}, 10.0.0.2`] as [string, string],
        );
        expect(await statuses(spoofed)).toEqual([201, 201, 429]);
      });
    });

    it("without a socket address the hop count still reads X-Forwarded-For, the unseen peer being the first proxy", async () => {
      await limited({ CAIRN_TRUSTED_PROXIES: "1" }, async () => {
        const client = fresh("203.0.113");
        const spoofed = [1, 2, 3].map(
          (i) => [undefined, `198.51.100.${i}, ${client}`] as [undefined, string],
        );
        expect(await statuses(spoofed)).toEqual([201, 201, 429]);
      });
    });
  });

  describe("a list of proxy addresses", () => {
    const vars = { CAIRN_TRUSTED_PROXIES: "10.0.0.0/8, 192.0.2.10" };

    it("entries are believed while they come from a listed proxy", async () => {
      await limited(vars, async () => {
        const client = fresh("203.0.113");
        const spoofed = [1, 2, 3].map(
          (i) => ["10.1.2.3", `198.51.100.${i}, ${client}, 192.0.2.10`] as [string, string],
        );
        expect(await statuses(spoofed)).toEqual([201, 201, 429]);
        expect(await register("10.1.2.3", fresh("203.0.113"))).toBe(201);
      });
    });

    it("a client reaching the app directly cannot choose its address", async () => {
      await limited(vars, async () => {
        const direct = fresh("203.0.113");
        const spoofed = [1, 2, 3].map((i) => [direct, `198.51.100.${i}`] as [string, string]);
        expect(await statuses(spoofed)).toEqual([201, 201, 429]);
      });
    });
  });

  it("a malformed CAIRN_TRUSTED_PROXIES fails the start-up hook with a message naming the entry", async () => {
    await withEnv({ CAIRN_TRUSTED_PROXIES: "10.0.0.0/40" }, async () => {
      await expect(startServer()).rejects.toThrow(
        /CAIRN_TRUSTED_PROXIES: "10\.0\.0\.0\/40" is not an IP address/,
      );
    });
  });
});

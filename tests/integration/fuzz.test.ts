import fc from "fast-check";
import { encode } from "next-auth/jwt";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createToken } from "@/lib/services/accounts/tokens";
import { allEndpoints } from "@/lib/validation/endpoints";
import { ROUTES } from "../helpers/api";
import { describeEachDatabase } from "../helpers/database";
import { createUser, type TestUser } from "../helpers/fixtures";
import { changedTables, readFingerprint } from "../helpers/fuzz/fingerprint";
import { caseArbitrary } from "../helpers/fuzz/cases";
import { endpointKey } from "../helpers/fuzz/requests";
import { FuzzRunner } from "../helpers/fuzz/runner";
import { fuzzSettings, seedFor } from "../helpers/fuzz/settings";
import { inProcessSend, type Handler } from "../helpers/fuzz/transports";
import type { CastMember, FuzzCast } from "../helpers/fuzz/world";

/**
 * Item 10 of #13: every endpoint, fed requests derived from its own zod schemas (valid, almost
 * valid, hostile), never answers 5xx, always refuses in api.md's error shape, and a refused request
 * changes nothing in the database. FUZZ_CASES (default 2,000) spreads over the endpoints; FUZZ_SEED
 * (printed with any failure) reproduces a run.
 */
const { seed, cases, only } = fuzzSettings(process.env);
const endpoints = allEndpoints.filter((e) => !only || endpointKey(e).includes(only));
const perEndpoint = Math.ceil(cases / endpoints.length);

const member = (u: TestUser): CastMember => ({ userId: u.user.id, email: u.user.email, token: u.token });
const sessionCookie = async (userId: string) =>
  `authjs.session-token=${await encode({ token: { sub: userId }, secret: process.env.AUTH_SECRET!, salt: "authjs.session-token" })}`;

describeEachDatabase("fuzzing every endpoint", (getCtx) => {
  let runner: FuzzRunner;
  const started = Date.now();

  beforeAll(async () => {
    const { db } = getCtx();
    const [owner, editor, commenter, viewer, outsider] = await Promise.all(
      ["owner", "editor", "commenter", "viewer", "outsider"].map((label) => createUser(db, label)),
    );
    const spare = await Promise.all([1, 2].map((n) => createToken(db, owner.actor, { name: `spare ${n}` })));
    const cast: FuzzCast = {
      owner: member(owner),
      editor: member(editor),
      commenter: member(commenter),
      viewer: member(viewer),
      outsider: member(outsider),
      cookies: { owner: await sessionCookie(owner.user.id), viewer: await sessionCookie(viewer.user.id) },
      spareTokenIds: spare.map((s) => s.token.id),
    };
    runner = await FuzzRunner.start({
      send: inProcessSend(ROUTES as Record<string, Handler>),
      cast,
      wire: { maxQueryLength: 64 * 1024 },
      fingerprint: () => readFingerprint(db),
    });
    // Five sign-ups (argon2) and two teams built request by request: slow on a busy machine.
  }, 180_000);

  afterAll(() => {
    if (!runner) return;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `fuzz [${getCtx().backend}] FUZZ_SEED=${seed} FUZZ_CASES=${cases}: ${perEndpoint * endpoints.length} cases in ${seconds} s, fixture mended ${runner.mended} times, rebuilt after [${runner.rebuiltAfter.join("; ")}]`,
      runner.tally,
    );
  });

  it("the read-back notices a rewritten row in any state table, and not a token merely being used", async () => {
    const { db } = getCtx();
    const before = await readFingerprint(db);
    const me = runner.world.tokens.owner;
    const send = inProcessSend(ROUTES as Record<string, Handler>);
    const used = await send({
      method: "GET",
      pathTemplate: "/api/me",
      params: {},
      path: "/api/me",
      query: "",
      headers: [["authorization", `Bearer ${me}`]],
    });
    expect(used.status).toBe(200);
    expect(changedTables(before, await readFingerprint(db))).toEqual([]);
    // Even an update that writes the same values is a write.
    await db.execute(sql`update teams set name = name where id = ${runner.world.pools.own.team![0]}`);
    expect(changedTables(before, await readFingerprint(db))).toEqual(["teams"]);
  });

  for (const endpoint of endpoints) {
    const key = endpointKey(endpoint);
    it(`${key}: ${perEndpoint} cases, no 5xx, refusals in api.md's shape and without effect`, async () => {
      const endpointSeed = seedFor(seed, key);
      try {
        await fc.assert(
          fc.asyncProperty(caseArbitrary(endpoint), async (c) => {
            const { problems } = await runner.run(c);
            if (problems.length > 0) throw new Error(problems.join("\n\n"));
          }),
          // The database carries state from case to case, so shrinking would replay against a
          // different state: report the first failure as it happened.
          { seed: endpointSeed, numRuns: perEndpoint, endOnFailure: true, includeErrorInReport: true },
        );
        const quiet = await runner.verifyQuiet();
        if (quiet.length > 0) throw new Error(quiet.join("\n\n"));
      } catch (error) {
        throw new Error(
          `Reproduce with FUZZ_SEED=${seed} FUZZ_CASES=${cases}${only ? ` FUZZ_ONLY='${only}'` : ""} (${key}, seed ${endpointSeed}).\n${(error as Error).message}`,
        );
      }
    }, 120_000);
  }
});

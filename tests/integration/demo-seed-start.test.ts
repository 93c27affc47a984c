import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { users } from "@/db/schema";
import { DEMO_LOGIN } from "@/lib/demo/login";
import { seedDemoOnFirstStart } from "@/lib/demo/start";
import { withEnv } from "../helpers/fixtures";

/**
 * What a start on an empty embedded database leaves behind: the server's start-up migrates the
 * handle database() opens, then runs seedDemoOnFirstStart on it (lib/server/startup.ts; `npm start`,
 * `npm run dev`). In memory to keep it quick.
 */
async function accountsAfterStart(env: Record<string, string | undefined>): Promise<string[]> {
  const handle = openDatabase({ dataDir: "memory" });
  try {
    await handle.migrate();
    await withEnv(env, () => seedDemoOnFirstStart(handle));
    return (await handle.db.select({ email: users.email }).from(users)).map((r) => r.email);
  } finally {
    await handle.close();
  }
}

describe("demo accounts at start on the embedded database", () => {
  it("a production start creates no account", async () => {
    expect(await accountsAfterStart({ NODE_ENV: "production", CAIRN_SEED_DEMO: undefined })).toEqual([]);
  }, 120_000); // migrations on PGlite take seconds, more on a busy machine

  it("a production start with CAIRN_SEED_DEMO=1 seeds the demo team's four accounts", async () => {
    const emails = await accountsAfterStart({ NODE_ENV: "production", CAIRN_SEED_DEMO: "1" });
    expect(emails).toContain(DEMO_LOGIN.email);
    expect(emails).toHaveLength(4);
  }, 120_000);
});

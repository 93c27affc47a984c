import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * The import boundaries of eslint.config.mjs, run on snippets placed at real paths of the tree: a
 * deliberate violation fails lint with the boundary's message, the allowed direction passes.
 */
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages
    .filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports")
    .map((m) => m.message);
}

describe("import boundaries", () => {
  it("a service may not import lib/server, next, react or lib/client", async () => {
    const file = "lib/services/items/boundary-fixture.ts";
    expect(await boundaryErrors(file, 'import { route } from "@/lib/server/route";\nvoid route;\n')).toEqual([
      expect.stringContaining("Services never call up"),
    ]);
    expect(
      await boundaryErrors(file, 'import { cookies } from "next/headers";\nvoid cookies;\n'),
    ).toHaveLength(1);
    expect(await boundaryErrors(file, 'import { useState } from "react";\nvoid useState;\n')).toHaveLength(1);
    expect(await boundaryErrors(file, 'import { api } from "../../client/api";\nvoid api;\n')).toHaveLength(
      1,
    );
    expect(
      await boundaryErrors(
        file,
        'import { AppError } from "@/lib/services/kernel/errors";\nvoid AppError;\n',
      ),
    ).toEqual([]);
  }, 60_000);

  it("db/ imports nothing above it but the enumerations and types", async () => {
    const file = "db/schema/boundary-fixture.ts";
    expect(
      await boundaryErrors(file, 'import { loadItems } from "@/lib/services/items/rows";\nvoid loadItems;\n'),
    ).toEqual([expect.stringContaining("db/ is the bottom layer")]);
    expect(
      await boundaryErrors(file, 'import { z } from "@/lib/validation/common";\nvoid z;\n'),
    ).toHaveLength(1);
    expect(
      await boundaryErrors(
        file,
        'import { GATE_DECISIONS } from "@/lib/validation/phase-kinds";\nvoid GATE_DECISIONS;\n',
      ),
    ).toEqual([]);
    expect(
      await boundaryErrors(
        file,
        'import type { Item } from "@/lib/validation/timeline";\nexport type T = Item;\n',
      ),
    ).toEqual([]);
  }, 60_000);

  it("pure folders import nothing impure", async () => {
    const file = "lib/planning/boundary-fixture.ts";
    expect(await boundaryErrors(file, 'import { eq } from "drizzle-orm";\nvoid eq;\n')).toHaveLength(1);
    expect(
      await boundaryErrors(file, 'import { loadItems } from "../services/items/rows";\nvoid loadItems;\n'),
    ).toHaveLength(1);
    expect(await boundaryErrors(file, 'import { addDays } from "./civil-date";\nvoid addDays;\n')).toEqual(
      [],
    );
  }, 60_000);

  it("components and lib/client never import the server, services or db", async () => {
    for (const target of ["@/lib/server/session", "@/lib/services/items/rows", "@/db/schema"]) {
      expect(
        await boundaryErrors(
          "components/timeline/boundary-fixture.tsx",
          `import * as m from "${target}";\nvoid m;\n`,
        ),
      ).toHaveLength(1);
      expect(
        await boundaryErrors("lib/client/boundary-fixture.ts", `import * as m from "${target}";\nvoid m;\n`),
      ).toHaveLength(1);
    }
  }, 60_000);
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script without type declarations
import { checkArchitecture } from "../../../scripts/check-architecture.mjs";

type Findings = {
  files: number;
  cycles: string[][];
  violations: string[];
  longFiles: { file: string; lines: number; reason: string | null }[];
};

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A throwaway tree of the given files (path -> source). */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "cairn-architecture-"));
  roots.push(root);
  for (const [file, source] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), source);
  }
  return root;
}

const check = (files: Record<string, string>) => checkArchitecture(tree(files)) as Findings;

describe("scripts/check-architecture.mjs", () => {
  it("finds nothing in a tree whose arrows point down", () => {
    const found = check({
      "lib/services/items/get.ts":
        'import { loadItem } from "./rows";\nimport { z } from "@/lib/validation/common";\n',
      "lib/services/items/rows.ts": 'import { items } from "@/db/schema";\nexport const loadItem = 1;\n',
      "lib/validation/common.ts": "export const z = 1;\n",
      "db/schema.ts": "export const items = 1;\n",
    });
    expect(found).toMatchObject({ files: 4, cycles: [], violations: [], longFiles: [] });
  });

  it("names a file-level cycle, type-only imports included", () => {
    const found = check({
      "lib/planning/a.ts": 'import type { B } from "./b";\nexport type A = B;\n',
      "lib/planning/b.ts": 'import { a } from "./a";\nexport type B = typeof a;\n',
    });
    expect(found.cycles).toEqual([["lib/planning/a.ts", "lib/planning/b.ts"]]);
  });

  it("names imports against the arrows: services up into the server, db up into services, pure into drizzle", () => {
    const found = check({
      "lib/services/x.ts":
        'import { route } from "@/lib/server/route";\nimport { cookies } from "next/headers";\n',
      "lib/server/route.ts": "export const route = 1;\n",
      "db/seed.ts": 'import { x } from "../lib/services/x";\n',
      "lib/planning/p.ts": 'import { eq } from "drizzle-orm";\n',
      "db/schema/kinds.ts":
        'import { KINDS } from "@/lib/validation/item-kinds";\nimport type { T } from "@/lib/validation/t";\n',
      "lib/validation/item-kinds.ts": "export const KINDS = [];\n",
      "lib/validation/t.ts": "export type T = 1;\n",
    });
    expect([...found.violations].sort()).toEqual([
      expect.stringContaining("db/seed.ts imports lib/services/x.ts (db -> services"),
      expect.stringContaining("lib/planning/p.ts imports drizzle-orm"),
      expect.stringContaining("lib/services/x.ts imports lib/server/route.ts (services -> server"),
      expect.stringContaining("lib/services/x.ts imports next/headers"),
    ]);
  });

  it("lets a file over 300 lines pass only when its first comment says why", () => {
    const body = "export const x = 1;\n".repeat(301);
    const found = check({
      "lib/planning/long.ts": body,
      "lib/planning/explained.ts": `// Over 300 lines: one table of rates, read top to bottom.\n${body}`,
    });
    expect([...found.longFiles].sort((a, b) => a.file.localeCompare(b.file))).toEqual([
      { file: "lib/planning/explained.ts", lines: 302, reason: "one table of rates, read top to bottom." },
      { file: "lib/planning/long.ts", lines: 301, reason: null },
    ]);
  });
});

import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.dirname(fileURLToPath(import.meta.url)),
  // Server modules import "server-only", which Next resolves to an empty module on the server; so do the tests.
  "server-only": "next/dist/compiled/server-only/empty.js",
};

export default defineConfig({
  resolve: { alias },
  test: {
    // Worker-thread bundles (.workers/, scripts/build-workers.mjs), built once for all projects.
    globalSetup: ["tests/setup/build-workers.mjs"],
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          environment: "node",
          include: ["tests/unit/**/*.test.ts"],
          sequence: { groupOrder: 0 },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          environment: "node",
          include: ["tests/integration/**/*.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Each file opens its own databases; two at a time keeps PGlite's memory in bounds on 2 cores.
          maxWorkers: 2,
          // Runs after the unit tests: projects with their own worker limits need their own group.
          sequence: { groupOrder: 1 },
          // next-auth imports "next/server" without an extension, which only a bundler resolves.
          server: { deps: { inline: ["next-auth"] } },
          env: { AUTH_SECRET: "integration-test-secret-0123456789abcdef", NEXT_TELEMETRY_DISABLED: "1" },
        },
      },
    ],
  },
});

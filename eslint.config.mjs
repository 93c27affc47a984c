import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/** The framework: only app/, components/, lib/client and lib/server may import it. */
const FRAMEWORK = [
  "next",
  "next/*",
  "next-auth",
  "next-auth/*",
  "react",
  "react/*",
  "react-dom",
  "react-dom/*",
];

/**
 * An import of one of the project's folders, by alias ("@/lib/server/...") or by a relative path
 * that climbs into it ("../server/...", "../../db/...").
 */
function folders(names, why) {
  const inLib = names.filter((n) => n.startsWith("lib/")).map((n) => n.slice(4));
  const top = names.filter((n) => !n.startsWith("lib/"));
  const alternatives = [
    ...(inLib.length ? [`(lib/)?(${inLib.join("|")})`] : []),
    ...(top.length ? [`(${top.join("|")})`] : []),
  ];
  return { regex: `^(@/|(\\.\\./)+)(${alternatives.join("|")})(/|$)`, caseSensitive: true, message: why };
}

function restrict(files, patterns) {
  return { files, rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns }] } };
}

function boundaries() {
  const framework = (why) => ({ group: FRAMEWORK, message: why });
  return [
    restrict(
      ["lib/planning/**", "lib/collaboration/**", "lib/validation/**", "lib/imports/**", "lib/exports/**"],
      [
        framework("Pure folders use no framework."),
        {
          group: ["drizzle-orm", "drizzle-orm/*", "server-only"],
          message: "Pure folders touch no database.",
        },
        folders(
          ["app", "components", "db", "lib/client", "lib/server", "lib/services", "lib/demo"],
          "Planning, collaboration, validation, imports and exports are pure: they import only each other.",
        ),
      ],
    ),
    restrict(
      ["lib/services/**"],
      [
        framework("Services are use cases: no framework (pages and routes call them)."),
        folders(
          ["app", "components", "lib/client", "lib/server", "lib/demo"],
          "Services never call up into the server, pages or browser code; lib/server calls them.",
        ),
      ],
    ),
    restrict(
      ["lib/demo/**"],
      [
        framework("The demo seed uses no framework."),
        folders(
          ["app", "components", "lib/client", "lib/server"],
          "The server starts the demo seed, not the reverse.",
        ),
      ],
    ),
    restrict(
      ["lib/server/**"],
      [
        folders(
          ["app", "components", "lib/client"],
          "lib/server serves requests; pages and components sit above it.",
        ),
      ],
    ),
    restrict(
      ["db/**"],
      [
        framework("db/ is the bottom layer."),
        folders(
          [
            "app",
            "components",
            "lib/client",
            "lib/server",
            "lib/services",
            "lib/demo",
            "lib/planning",
            "lib/collaboration",
            "lib/imports",
            "lib/exports",
          ],
          "db/ is the bottom layer: it imports nothing above it.",
        ),
        // The schema's columns use the API's enumerations (files that import nothing) and may name a
        // validation type (erased at build); nothing else of lib/validation.
        {
          regex: "^(@/|(\\.\\./)+)(lib/)?validation/(?![\\w-]+-kinds$)",
          caseSensitive: true,
          allowTypeImports: true,
          message: "db/ imports nothing above it (only the *-kinds enumerations, and types).",
        },
      ],
    ),
    restrict(
      ["components/**", "lib/client/**"],
      [
        { group: ["server-only"], message: "Browser code cannot import server modules." },
        folders(
          ["app", "db", "lib/server", "lib/services", "lib/demo"],
          "Browser code reaches data through the HTTP API (lib/client), never the server's modules.",
        ),
      ],
    ),
  ];
}

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".next-*/**",
    "node_modules/**",
    ".data/**",
    // Bundled worker entries (scripts/build-workers.mjs): generated, like .next.
    ".workers/**",
    "coverage/**",
    "bench/results/**",
    "drizzle/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // Import boundaries: each layer imports only the layers below it (docs/architecture.md, "Layers").
  // scripts/check-architecture.mjs checks the same arrows over the whole import graph, with cycles.
  ...boundaries(),
]);

import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".next-*/**",
    "node_modules/**",
    ".data/**",
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
  {
    // The planning maths and the comment logic stay pure: no framework, no database, no server code.
    files: ["lib/planning/**", "lib/collaboration/**", "lib/exports/**", "lib/imports/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            "next",
            "next/*",
            "react",
            "react-dom",
            "@/db/*",
            "@/lib/server/*",
            "@/lib/services/*",
            "drizzle-orm",
            "drizzle-orm/*",
          ],
        },
      ],
    },
  },
  {
    files: ["components/**", "lib/client/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["@/db/*", "@/lib/services/*", "@/lib/server/*"] }],
    },
  },
]);

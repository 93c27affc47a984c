import type { TokenScopes } from "@/lib/validation/accounts";

/** The two kinds of token people choose between, as the scopes the API stores. */
export type TokenAccess = "read-write" | "read";

export const scopesFor = (access: TokenAccess): TokenScopes =>
  access === "read" ? ["read"] : ["read", "write"];

export const accessOf = (scopes: readonly string[]): TokenAccess =>
  scopes.includes("write") ? "read-write" : "read";

export const TOKEN_ACCESS_OPTIONS: { value: TokenAccess; label: string; summary: string }[] = [
  {
    value: "read-write",
    label: "Read and write",
    summary: "Reads and changes whatever your role allows: imports, syncs, automations.",
  },
  {
    value: "read",
    label: "Read only",
    summary: "Reads roadmaps, schedules and reports; any change is refused. Best for dashboards and exports.",
  },
];

import { describe, expect, it } from "vitest";
import { createTokenSchema, registerSchema, signInSchema } from "@/lib/validation/accounts";
import { roleSchema } from "@/lib/validation/common";
import {
  acceptInvitationSchema,
  changeRoleSchema,
  createInvitationSchema,
  createSkillSchema,
  createTeamSchema,
} from "@/lib/validation/teams";

/** The paths of the problems a schema finds, or [] when the input is valid. */
function problems(
  schema: { safeParse(input: unknown): { success: boolean; error?: { issues: { path: PropertyKey[] }[] } } },
  input: unknown,
) {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error!.issues.map((i) => i.path.map(String).join("."));
}

const valid = { email: "ada@example.com", name: "Ada Lovelace", password: "analytical engine" };

describe("registerSchema", () => {
  it("trims and lower-cases the email and trims the name", () => {
    expect(
      registerSchema.parse({ email: "  Ada@Example.COM ", name: "  Ada Lovelace  ", password: "0123456789" }),
    ).toEqual({
      email: "ada@example.com",
      name: "Ada Lovelace",
      password: "0123456789",
    });
  });

  it("keeps the password exactly as typed (spaces are part of it)", () => {
    expect(registerSchema.parse({ ...valid, password: "  spaced out  " }).password).toBe("  spaced out  ");
  });

  it("needs a password of 10 to 200 characters", () => {
    expect(problems(registerSchema, { ...valid, password: "123456789" })).toEqual(["password"]);
    expect(problems(registerSchema, { ...valid, password: "1234567890" })).toEqual([]);
    expect(problems(registerSchema, { ...valid, password: "x".repeat(200) })).toEqual([]);
    expect(problems(registerSchema, { ...valid, password: "x".repeat(201) })).toEqual(["password"]);
  });

  it("needs a valid email of at most 254 characters", () => {
    for (const email of ["ada", "ada@", "@example.com", "ada example@x.com", "", 42]) {
      expect(problems(registerSchema, { ...valid, email }), String(email)).toEqual(["email"]);
    }
    const long = `${"a".repeat(64)}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(58)}.com`;
    expect(long.length).toBeGreaterThan(254);
    expect(problems(registerSchema, { ...valid, email: long })).toEqual(["email"]);
  });

  it("needs a name of 1 to 100 characters after trimming", () => {
    expect(problems(registerSchema, { ...valid, name: "   " })).toEqual(["name"]);
    expect(problems(registerSchema, { ...valid, name: "x".repeat(100) })).toEqual([]);
    expect(problems(registerSchema, { ...valid, name: ` ${"x".repeat(100)} ` })).toEqual([]);
    expect(problems(registerSchema, { ...valid, name: "x".repeat(101) })).toEqual(["name"]);
  });

  it("lists every missing field", () => {
    expect(problems(registerSchema, {}).sort()).toEqual(["email", "name", "password"]);
  });

  it("drops fields it does not know (no mass assignment)", () => {
    expect(registerSchema.parse({ ...valid, id: "x", isAdmin: true, passwordHash: "h" })).toEqual(valid);
  });
});

describe("signInSchema", () => {
  it("normalises the email like registration does", () => {
    expect(signInSchema.parse({ email: " ADA@example.com", password: "x" }).email).toBe("ada@example.com");
    expect(problems(signInSchema, { email: "ada@example.com", password: "" })).toEqual(["password"]);
  });
});

describe("createTokenSchema", () => {
  it("accepts 1 to 3650 whole days, or no expiry (scopes default to read and write)", () => {
    const scopes = ["read", "write"];
    for (const expiresInDays of [1, 30, 3650]) {
      expect(createTokenSchema.parse({ name: "ci", expiresInDays })).toEqual({
        name: "ci",
        scopes,
        expiresInDays,
      });
    }
    expect(createTokenSchema.parse({ name: " ci " })).toEqual({ name: "ci", scopes });
  });

  it("takes read-only or read-write scopes, nothing else", () => {
    expect(createTokenSchema.parse({ name: "ci", scopes: ["read"] }).scopes).toEqual(["read"]);
    for (const scopes of [[], ["write"], ["write", "read"], ["read", "admin"], "read", null]) {
      expect(problems(createTokenSchema, { name: "ci", scopes }), JSON.stringify(scopes)).toEqual(["scopes"]);
    }
  });

  it("refuses 0, 3651, fractions, negatives, strings and null", () => {
    for (const expiresInDays of [0, 3651, 2.5, -1, "7", null]) {
      expect(problems(createTokenSchema, { name: "ci", expiresInDays }), String(expiresInDays)).toEqual([
        "expiresInDays",
      ]);
    }
  });

  it("needs a name", () => {
    expect(problems(createTokenSchema, { name: " " })).toEqual(["name"]);
    expect(problems(createTokenSchema, { name: "x".repeat(101) })).toEqual(["name"]);
  });
});

describe("roles", () => {
  it("are exactly owner, editor, commenter and viewer, in lower case", () => {
    for (const role of ["owner", "editor", "commenter", "viewer"]) expect(roleSchema.parse(role)).toBe(role);
    for (const role of ["admin", "Owner", "VIEWER", "", "member", null, 1]) {
      expect(roleSchema.safeParse(role).success, String(role)).toBe(false);
    }
  });

  it("are required when changing a role or inviting", () => {
    expect(problems(changeRoleSchema, {})).toEqual(["role"]);
    expect(problems(changeRoleSchema, { role: "superuser" })).toEqual(["role"]);
    expect(problems(createInvitationSchema, { email: "a@b.co" })).toEqual(["role"]);
  });
});

describe("team schemas", () => {
  it("normalise the invitee's email", () => {
    expect(createInvitationSchema.parse({ email: " Bob@Example.org ", role: "viewer" })).toEqual({
      email: "bob@example.org",
      role: "viewer",
    });
  });

  it("bound team names to 80 and skill names to 60 characters, trimmed", () => {
    expect(createTeamSchema.parse({ name: "  Platform  " })).toEqual({ name: "Platform" });
    expect(problems(createTeamSchema, { name: "x".repeat(80) })).toEqual([]);
    expect(problems(createTeamSchema, { name: "x".repeat(81) })).toEqual(["name"]);
    expect(problems(createTeamSchema, { name: "" })).toEqual(["name"]);
    expect(problems(createSkillSchema, { name: "x".repeat(60) })).toEqual([]);
    expect(problems(createSkillSchema, { name: "x".repeat(61) })).toEqual(["name"]);
  });

  it("trim the invitation token and bound it", () => {
    expect(acceptInvitationSchema.parse({ token: " inv_abc " })).toEqual({ token: "inv_abc" });
    expect(problems(acceptInvitationSchema, { token: "x".repeat(201) })).toEqual(["token"]);
    expect(problems(acceptInvitationSchema, {})).toEqual(["token"]);
  });
});

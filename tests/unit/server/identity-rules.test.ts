import { describe, expect, it } from "vitest";
import { checkIdentityAllows, requiredTokenScope } from "@/lib/server/identity-rules";
import type { Actor } from "@/lib/services/kernel/actor";
import { AppError } from "@/lib/services/kernel/errors";

const person = { userId: "u", email: "u@example.test", name: "U" };
const session: Actor = { ...person, via: "session", sessionVersion: 0 };
const reader: Actor = { ...person, via: "token", tokenId: "t1", scopes: ["read"] };
const writer: Actor = { ...person, via: "token", tokenId: "t2", scopes: ["read", "write"] };
const unscoped: Actor = { ...person, via: "token", tokenId: "t3" };

function refusal(run: () => void): string | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe("requiredTokenScope", () => {
  it("reads are GET and HEAD; every other method writes", () => {
    expect(["GET", "head"].map((m) => requiredTokenScope({}, m))).toEqual(["read", "read"]);
    expect(["POST", "PUT", "PATCH", "DELETE", "OPTIONS"].map((m) => requiredTokenScope({}, m))).toEqual(
      Array(5).fill("write"),
    );
  });

  it("an endpoint may say otherwise", () => {
    expect(requiredTokenScope({ tokenScope: "read" }, "POST")).toBe("read");
    expect(requiredTokenScope({ tokenScope: "write" }, "GET")).toBe("write");
  });
});

describe("checkIdentityAllows", () => {
  it("sessions and anonymous callers pass: roles decide for them", () => {
    for (const actor of [session, null]) {
      expect(refusal(() => checkIdentityAllows({ auth: "session" }, "POST", actor))).toBeNull();
      expect(refusal(() => checkIdentityAllows({}, "DELETE", actor))).toBeNull();
    }
  });

  it("session-only operations refuse every token, whatever its scopes, even to read", () => {
    for (const actor of [reader, writer]) {
      expect(refusal(() => checkIdentityAllows({ auth: "session" }, "GET", actor))).toBe("session_required");
    }
  });

  it("a read-only token reads and is refused writes; a read-write token does both", () => {
    expect(refusal(() => checkIdentityAllows({}, "GET", reader))).toBeNull();
    expect(refusal(() => checkIdentityAllows({}, "PATCH", reader))).toBe("insufficient_scope");
    expect(refusal(() => checkIdentityAllows({ tokenScope: "read" }, "POST", reader))).toBeNull();
    expect(refusal(() => checkIdentityAllows({}, "PATCH", writer))).toBeNull();
  });

  it("a token without recorded scopes is read-only (fails closed)", () => {
    expect(refusal(() => checkIdentityAllows({}, "GET", unscoped))).toBeNull();
    expect(refusal(() => checkIdentityAllows({}, "POST", unscoped))).toBe("insufficient_scope");
  });
});

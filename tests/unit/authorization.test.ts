import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, roleAtLeast, type Permission } from "@/lib/validation/permissions";
import { ROLES, type Role } from "@/lib/validation/common";

/** api.md: viewer < commenter < editor < owner, each able to do everything below it. */
const ORDER: Role[] = ["viewer", "commenter", "editor", "owner"];

describe("roleAtLeast", () => {
  for (const role of ORDER) {
    for (const minimum of ORDER) {
      const expected = ORDER.indexOf(role) >= ORDER.indexOf(minimum);
      it(`${role} is ${expected ? "" : "not "}at least ${minimum}`, () => {
        expect(roleAtLeast(role, minimum)).toBe(expected);
      });
    }
  }

  it("knows exactly the four roles of api.md", () => {
    expect([...ROLES].sort()).toEqual([...ORDER].sort());
  });
});

describe("can", () => {
  const table: [Permission, Record<Role, boolean>][] = [
    ["team.read", { viewer: true, commenter: true, editor: true, owner: true }],
    ["comment.write", { viewer: false, commenter: true, editor: true, owner: true }],
    ["roadmap.write", { viewer: false, commenter: false, editor: true, owner: true }],
    ["skill.write", { viewer: false, commenter: false, editor: true, owner: true }],
    ["team.manage", { viewer: false, commenter: false, editor: false, owner: true }],
  ];
  for (const [permission, expected] of table) {
    it(`${permission}: ${ORDER.filter((r) => expected[r]).join(", ")}`, () => {
      expect(Object.fromEntries(ORDER.map((r) => [r, can(r, permission)]))).toEqual(expected);
    });
  }

  it("every permission is monotone in the role, and the owner may do everything", () => {
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
      const allowed = ORDER.map((r) => can(r, permission));
      const firstAllowed = allowed.indexOf(true);
      expect(firstAllowed, permission).toBeGreaterThanOrEqual(0);
      expect(allowed.slice(firstAllowed).every(Boolean), permission).toBe(true);
      expect(allowed.slice(0, firstAllowed).some(Boolean), permission).toBe(false);
    }
  });
});

import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { invitations, memberships } from "@/db/schema";
import { api, etagVersion } from "../helpers/api";
import { expectApiError, expectInvalidRequest } from "../helpers/assertions";
import { describeEachDatabase } from "../helpers/database";
import {
  createTeamWithMembers,
  createUser,
  teamState,
  tokenFromAcceptUrl,
  uniqueEmail,
  type TestUser,
} from "../helpers/fixtures";

describeEachDatabase("members, invitations and skills", (getCtx) => {
  let owner: TestUser;
  let second: TestUser;
  let third: TestUser;

  beforeAll(async () => {
    const { db } = getCtx();
    [owner, second, third] = await Promise.all([
      createUser(db, "owner"),
      createUser(db, "second"),
      createUser(db, "third"),
    ]);
  });

  const setRole = (actor: TestUser, teamId: string, target: TestUser, role: string, ifMatch?: number) =>
    api("PATCH /api/teams/{teamId}/members/{userId}", {
      params: { teamId, userId: target.user.id },
      token: actor.token,
      json: { role },
      ifMatch,
    });
  const removeMember = (actor: TestUser, teamId: string, target: TestUser) =>
    api("DELETE /api/teams/{teamId}/members/{userId}", {
      params: { teamId, userId: target.user.id },
      token: actor.token,
    });
  const roleOf = async (teamId: string, user: TestUser) =>
    (await teamState(getCtx().db, teamId)).members.find((m) => m.userId === user.user.id)?.role ?? null;

  describe("teams", () => {
    const createTeam = (name: string) => api("POST /api/teams", { token: owner.token, json: { name } });

    it("derives the slug from the name, and the same name again gets another slug", async () => {
      const name = `Platform & Growth ${Math.random().toString(36).slice(2, 7)}`;
      const first = await createTeam(name);
      expect(first.status).toBe(201);
      expect(first.json.team.slug).toMatch(/^platform-growth-[a-z0-9]+$/);
      const second = await createTeam(name);
      expect(second.status).toBe(201);
      expect(second.json.team.name).toBe(name);
      expect(second.json.team.slug).not.toBe(first.json.team.slug);
    });

    it("a name without letters or digits still gets a slug", async () => {
      const res = await createTeam("!!!");
      expect(res.status).toBe(201);
      expect(res.json.team.slug).toMatch(/^team(-[a-z0-9]+)?$/);
    });

    it("five teams with the same name created at once all succeed with distinct slugs", async () => {
      const name = `Rush ${Math.random().toString(36).slice(2, 7)}`;
      const results = await Promise.all(Array.from({ length: 5 }, () => createTeam(name)));
      expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
      expect(new Set(results.map((r) => r.json.team.slug)).size).toBe(5);
      const mine = await api("GET /api/teams", { token: owner.token });
      expect(mine.json.items.filter((t: { name: string }) => t.name === name)).toHaveLength(5);
    });
  });

  describe("the last owner", () => {
    it("cannot be demoted: 422 last_owner, the role stays", async () => {
      const team = await createTeamWithMembers(getCtx().db, owner, [{ member: second, role: "editor" }]);
      const before = await teamState(getCtx().db, team.id);
      const res = await setRole(owner, team.id, owner, "editor");
      expectApiError(res, 422, "last_owner");
      expect(await teamState(getCtx().db, team.id)).toEqual(before);
    });

    it("cannot be removed, not even by themselves (leaving): 422 last_owner", async () => {
      const team = await createTeamWithMembers(getCtx().db, owner, [{ member: second, role: "editor" }]);
      const before = await teamState(getCtx().db, team.id);
      expectApiError(await removeMember(owner, team.id, owner), 422, "last_owner");
      expect(await teamState(getCtx().db, team.id)).toEqual(before);
    });

    it("setting the last owner's role to owner again is a harmless no-op", async () => {
      const team = await createTeamWithMembers(getCtx().db, owner);
      const res = await setRole(owner, team.id, owner, "owner");
      expect(res.status).toBe(200);
      expect(res.json.member).toEqual({ userId: owner.user.id, role: "owner", version: 1 });
    });
  });

  describe("with another owner", () => {
    it("an owner may demote themselves", async () => {
      const team = await createTeamWithMembers(getCtx().db, owner, [{ member: second, role: "owner" }]);
      const res = await setRole(owner, team.id, owner, "viewer");
      expect(res.status).toBe(200);
      expect(res.json.member).toEqual({ userId: owner.user.id, role: "viewer", version: 2 });
      expect(etagVersion(res)).toBe(2);
      expect(await roleOf(team.id, owner)).toBe("viewer");
      // ...and, no longer an owner, may not manage the team any more.
      expectApiError(await setRole(owner, team.id, second, "editor"), 403, "forbidden");
    });

    it("an owner may leave", async () => {
      const team = await createTeamWithMembers(getCtx().db, owner, [{ member: second, role: "owner" }]);
      expect((await removeMember(owner, team.id, owner)).status).toBe(200);
      expect(await roleOf(team.id, owner)).toBeNull();
      expect(await roleOf(team.id, second)).toBe("owner");
    });

    it("an owner may remove another owner", async () => {
      const team = await createTeamWithMembers(getCtx().db, owner, [{ member: second, role: "owner" }]);
      expect((await removeMember(owner, team.id, second)).status).toBe(200);
      expect(await roleOf(team.id, second)).toBeNull();
    });
  });

  describe("role changes", () => {
    it("a stale If-Match on a role change: 412 with the current membership", async () => {
      const team = await createTeamWithMembers(getCtx().db, owner, [{ member: second, role: "viewer" }]);
      expect((await setRole(owner, team.id, second, "commenter", 1)).status).toBe(200);
      const stale = await setRole(owner, team.id, second, "editor", 1);
      expectApiError(stale, 412, "version_mismatch");
      expect(stale.json.current).toEqual({ userId: second.user.id, role: "commenter", version: 2 });
      expect(await roleOf(team.id, second)).toBe("commenter");
    });

    it("the role of someone who is not a member: 404", async () => {
      const team = await createTeamWithMembers(getCtx().db, owner);
      expectApiError(await setRole(owner, team.id, third, "editor"), 404, "not_found");
      expectApiError(await removeMember(owner, team.id, third), 404, "not_found");
    });

    it("the new role shows in the member list and in the member's own /api/me", async () => {
      const team = await createTeamWithMembers(getCtx().db, owner, [{ member: second, role: "viewer" }]);
      expect((await setRole(owner, team.id, second, "editor")).status).toBe(200);
      const list = await api("GET /api/teams/{teamId}/members", {
        params: { teamId: team.id },
        token: second.token,
      });
      expect(list.json.items).toContainEqual({
        user: second.user,
        role: "editor",
        joinedAt: expect.any(String),
      });
      const me = await api("GET /api/me", { token: second.token });
      expect(me.json.teams).toContainEqual({ id: team.id, name: team.name, slug: team.slug, role: "editor" });
    });
  });

  describe("leaving", () => {
    it("a member (any role) may leave the team; afterwards it is a 404 to them", async () => {
      const team = await createTeamWithMembers(getCtx().db, owner, [{ member: second, role: "viewer" }]);
      const res = await removeMember(second, team.id, second);
      expect(res.status).toBe(200);
      expect(await roleOf(team.id, second)).toBeNull();
      expectApiError(
        await api("GET /api/teams/{teamId}", { params: { teamId: team.id }, token: second.token }),
        404,
        "not_found",
      );
      const me = await api("GET /api/me", { token: second.token });
      expect(me.json.teams.map((t: { id: string }) => t.id)).not.toContain(team.id);
    });

    it("a member may not remove someone else: 403", async () => {
      const team = await createTeamWithMembers(getCtx().db, owner, [
        { member: second, role: "editor" },
        { member: third, role: "viewer" },
      ]);
      expectApiError(await removeMember(second, team.id, third), 403, "forbidden");
      expect(await roleOf(team.id, third)).toBe("viewer");
    });
  });

  describe("invitations", () => {
    const invite = (teamId: string, email: string, role = "editor") =>
      api("POST /api/teams/{teamId}/invitations", {
        params: { teamId },
        token: owner.token,
        json: { email, role },
        headers: { "x-forwarded-host": "cairn.example", "x-forwarded-proto": "https" },
      });
    const accept = (actor: TestUser, token: string) =>
      api("POST /api/invitations/accept", { token: actor.token, json: { token } });

    it("creates a pending invitation with a one-time link; accepting joins with the invited role", async () => {
      const team = await createTeamWithMembers(getCtx().db, owner);
      const res = await invite(team.id, `  ${second.user.email.toUpperCase()} `, "commenter");
      expect(res.status).toBe(201);
      expect(res.json.invitation).toMatchObject({ email: second.user.email, role: "commenter" });
      expect(new Date(res.json.invitation.expiresAt).getTime()).toBeGreaterThan(Date.now());
      expect(res.json.acceptUrl).toMatch(/^https:\/\/cairn\.example\/invite\/inv_[\w-]+$/);
      const [stored] = await getCtx()
        .db.select({ tokenHash: invitations.tokenHash })
        .from(invitations)
        .where(eq(invitations.id, res.json.invitation.id));
      expect(stored.tokenHash).not.toBe(tokenFromAcceptUrl(res.json.acceptUrl));

      const list = await api("GET /api/teams/{teamId}/invitations", {
        params: { teamId: team.id },
        token: owner.token,
      });
      expect(list.json.items.map((i: { id: string }) => i.id)).toEqual([res.json.invitation.id]);
      expect(list.text).not.toContain(tokenFromAcceptUrl(res.json.acceptUrl));

      const joined = await accept(second, tokenFromAcceptUrl(res.json.acceptUrl));
      expect(joined.status).toBe(200);
      expect(joined.json.role).toBe("commenter");
      expect(await roleOf(team.id, second)).toBe("commenter");
      const after = await api("GET /api/teams/{teamId}/invitations", {
        params: { teamId: team.id },
        token: owner.token,
      });
      expect(after.json.items).toEqual([]);
    });

    it("inviting someone who is already a member: 409 conflict", async () => {
      const team = await createTeamWithMembers(getCtx().db, owner, [{ member: second, role: "viewer" }]);
      expectApiError(await invite(team.id, second.user.email.toUpperCase()), 409, "conflict");
    });

    it("an invalid email: 400 with the email path", async () => {
      const team = await createTeamWithMembers(getCtx().db, owner);
      expect(expectInvalidRequest(await invite(team.id, "not-an-email"))).toEqual(["email"]);
    });

    it("a used invitation: 410 invitation_gone", async () => {
      const team = await createTeamWithMembers(getCtx().db, owner);
      const token = tokenFromAcceptUrl((await invite(team.id, second.user.email)).json.acceptUrl);
      expect((await accept(second, token)).status).toBe(200);
      expectApiError(await accept(second, token), 410, "invitation_gone");
    });

    it("an expired invitation: 410 invitation_gone, and nobody joins", async () => {
      const { db } = getCtx();
      const team = await createTeamWithMembers(db, owner);
      const created = await invite(team.id, second.user.email);
      await db
        .update(invitations)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(invitations.id, created.json.invitation.id));
      expectApiError(
        await accept(second, tokenFromAcceptUrl(created.json.acceptUrl)),
        410,
        "invitation_gone",
      );
      expect(await roleOf(team.id, second)).toBeNull();
      const list = await api("GET /api/teams/{teamId}/invitations", {
        params: { teamId: team.id },
        token: owner.token,
      });
      expect(list.json.items).toEqual([]);
    });

    it("a withdrawn invitation: 410 invitation_gone", async () => {
      const team = await createTeamWithMembers(getCtx().db, owner);
      const created = await invite(team.id, second.user.email);
      const withdrawn = await api("DELETE /api/invitations/{invitationId}", {
        params: { invitationId: created.json.invitation.id },
        token: owner.token,
      });
      expect(withdrawn.status).toBe(200);
      expectApiError(
        await accept(second, tokenFromAcceptUrl(created.json.acceptUrl)),
        410,
        "invitation_gone",
      );
      expect(await roleOf(team.id, second)).toBeNull();
    });

    it("withdrawing an invitation that was already accepted: 410, and the member stays", async () => {
      const team = await createTeamWithMembers(getCtx().db, owner);
      const created = await invite(team.id, second.user.email, "viewer");
      expect((await accept(second, tokenFromAcceptUrl(created.json.acceptUrl))).status).toBe(200);
      const late = await api("DELETE /api/invitations/{invitationId}", {
        params: { invitationId: created.json.invitation.id },
        token: owner.token,
      });
      expectApiError(late, 410, "invitation_gone");
      expect(await roleOf(team.id, second)).toBe("viewer");
    });

    it("an unknown token: 410 invitation_gone", async () => {
      expectApiError(await accept(second, "inv_this-token-was-never-issued"), 410, "invitation_gone");
    });

    it("accepting with another user's email: 403, and the invitation stays usable by the invitee", async () => {
      const { db } = getCtx();
      const team = await createTeamWithMembers(db, owner);
      const created = await invite(team.id, second.user.email, "editor");
      const token = tokenFromAcceptUrl(created.json.acceptUrl);

      const wrong = await accept(third, token);
      expectApiError(wrong, 403, "forbidden");
      expect(await roleOf(team.id, third)).toBeNull();
      const [row] = await db
        .select({ acceptedAt: invitations.acceptedAt })
        .from(invitations)
        .where(eq(invitations.id, created.json.invitation.id));
      expect(row.acceptedAt).toBeNull();

      const right = await accept(second, token);
      expect(right.status).toBe(200);
      expect(await roleOf(team.id, second)).toBe("editor");
    });

    it("accepting while already a member keeps the current role", async () => {
      const { db } = getCtx();
      const team = await createTeamWithMembers(db, owner, [{ member: second, role: "editor" }]);
      const created = await invite(team.id, uniqueEmail("other"), "viewer");
      // Re-address the invitation to a member, as if they had joined meanwhile by another invitation.
      await db
        .update(invitations)
        .set({ email: second.user.email })
        .where(eq(invitations.id, created.json.invitation.id));
      const res = await accept(second, tokenFromAcceptUrl(created.json.acceptUrl));
      expect(res.status).toBe(200);
      expect(res.json.role).toBe("editor");
      const rows = await db
        .select()
        .from(memberships)
        .where(and(eq(memberships.teamId, team.id), eq(memberships.userId, second.user.id)));
      expect(rows).toHaveLength(1);
    });
  });

  describe("skills", () => {
    const addSkill = (teamId: string, name: string) =>
      api("POST /api/teams/{teamId}/skills", { params: { teamId }, token: owner.token, json: { name } });

    it("creates skills and lists them by name", async () => {
      const team = await createTeamWithMembers(getCtx().db, owner, [{ member: second, role: "viewer" }]);
      const created = await addSkill(team.id, "  Frontend ");
      expect(created.status).toBe(201);
      expect(created.json.skill).toEqual({ id: expect.any(String), name: "Frontend" });
      expect((await addSkill(team.id, "Backend")).status).toBe(201);
      const list = await api("GET /api/teams/{teamId}/skills", {
        params: { teamId: team.id },
        token: second.token,
      });
      expect(list.json.items.map((s: { name: string }) => s.name)).toEqual(["Backend", "Frontend"]);
    });

    it("a duplicate name, in any case: 409 conflict, and no second skill", async () => {
      const team = await createTeamWithMembers(getCtx().db, owner);
      expect((await addSkill(team.id, "Data Science")).status).toBe(201);
      expectApiError(await addSkill(team.id, "data science"), 409, "conflict");
      expectApiError(await addSkill(team.id, "DATA SCIENCE"), 409, "conflict");
      expect((await teamState(getCtx().db, team.id)).skills).toEqual(["Data Science"]);
    });

    it("the same name in another team is fine", async () => {
      const a = await createTeamWithMembers(getCtx().db, owner);
      const b = await createTeamWithMembers(getCtx().db, owner);
      expect((await addSkill(a.id, "Security")).status).toBe(201);
      expect((await addSkill(b.id, "security")).status).toBe(201);
    });
  });
});

import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { activity, invitations, memberships } from "@/db/schema";
import { createInvitation } from "@/lib/services/teams/invitations";
import { api, etagVersion } from "../helpers/api";
import { expectApiError } from "../helpers/assertions";
import { describeEachDatabase } from "../helpers/database";
import { createTeamWithMembers, createUser, teamState, type TestUser } from "../helpers/fixtures";

describeEachDatabase("versions and concurrent writes", (getCtx) => {
  let owner: TestUser;
  let coOwner: TestUser;
  let editor: TestUser;

  beforeAll(async () => {
    const { db } = getCtx();
    [owner, coOwner, editor] = await Promise.all([
      createUser(db, "owner"),
      createUser(db, "coowner"),
      createUser(db, "editor"),
    ]);
  });

  const newTeam = () => createTeamWithMembers(getCtx().db, owner, [{ member: editor, role: "editor" }]);
  const patchTeam = (teamId: string, name: string, ifMatch?: number | string) =>
    api("PATCH /api/teams/{teamId}", { params: { teamId }, token: owner.token, json: { name }, ifMatch });

  describe("PATCH /api/teams/{teamId}", () => {
    it("without If-Match: 428 precondition_required, nothing changes", async () => {
      const team = await newTeam();
      const res = await patchTeam(team.id, "No precondition");
      expectApiError(res, 428, "precondition_required");
      expect((await teamState(getCtx().db, team.id)).team).toEqual({
        name: team.name,
        slug: team.slug,
        version: 1,
      });
    });

    it("with the current version: 200, the new version in the body and the ETag", async () => {
      const team = await newTeam();
      const res = await patchTeam(team.id, "  Renamed  ", 1);
      expect(res.status).toBe(200);
      expect(res.json.team).toMatchObject({ id: team.id, name: "Renamed", version: 2 });
      expect(etagVersion(res)).toBe(2);
      const read = await api("GET /api/teams/{teamId}", { params: { teamId: team.id }, token: editor.token });
      expect(read.json.team).toMatchObject({ name: "Renamed", version: 2 });
      expect(etagVersion(read)).toBe(2);
    });

    it('W/"1" and a bare 1 are accepted as If-Match too', async () => {
      const team = await newTeam();
      expect((await patchTeam(team.id, "Weak", 'W/"1"')).status).toBe(200);
      expect((await patchTeam(team.id, "Bare", "2")).status).toBe(200);
      expect((await teamState(getCtx().db, team.id)).team).toMatchObject({ name: "Bare", version: 3 });
    });

    it("with a stale If-Match: 412 with the current team, its version and ETag; nothing changes", async () => {
      const team = await newTeam();
      expect((await patchTeam(team.id, "First edit", 1)).status).toBe(200);

      const res = await patchTeam(team.id, "Lost edit", 1);
      expectApiError(res, 412, "version_mismatch");
      expect(res.json.current).toEqual({
        id: team.id,
        name: "First edit",
        slug: team.slug,
        version: 2,
        createdAt: team.createdAt,
      });
      expect(res.headers.get("etag")).toBe('"2"');
      expect((await teamState(getCtx().db, team.id)).team).toMatchObject({ name: "First edit", version: 2 });
    });

    it("a version from the future is stale too: 412", async () => {
      const team = await newTeam();
      const res = await patchTeam(team.id, "Time traveller", 99);
      expectApiError(res, 412, "version_mismatch");
      expect(res.json.current.version).toBe(1);
    });

    it("20 concurrent PATCHes with the same If-Match: exactly one 200, 19 x 412, the winner's name is stored", async () => {
      const { db } = getCtx();
      const team = await newTeam();
      const names = Array.from({ length: 20 }, (_, i) => `Writer ${i + 1}`);

      const results = await Promise.all(names.map((name) => patchTeam(team.id, name, 1)));

      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 412)).toHaveLength(19);
      const winner = names[statuses.indexOf(200)];
      expect((await teamState(db, team.id)).team).toMatchObject({ name: winner, version: 2 });
      for (const loser of results.filter((r) => r.status === 412)) {
        expectApiError(loser, 412, "version_mismatch");
        expect(loser.json.current).toMatchObject({ name: winner, version: 2 });
        expect(loser.headers.get("etag")).toBe('"2"');
      }
      const updates = await db
        .select({ changes: activity.changes })
        .from(activity)
        .where(and(eq(activity.teamId, team.id), eq(activity.action, "updated")));
      expect(updates).toEqual([{ changes: { name: winner } }]);
    });

    it("an editor with the right version still gets 403", async () => {
      const team = await newTeam();
      const res = await api("PATCH /api/teams/{teamId}", {
        params: { teamId: team.id },
        token: editor.token,
        json: { name: "Editor's name" },
        ifMatch: 1,
      });
      expectApiError(res, 403, "forbidden");
    });
  });

  describe("DELETE /api/teams/{teamId}", () => {
    it("without If-Match: 428; stale: 412 with current; current: 200 and the team is gone", async () => {
      const team = await newTeam();
      expect((await patchTeam(team.id, "Doomed", 1)).status).toBe(200);
      const del = (ifMatch?: number) =>
        api("DELETE /api/teams/{teamId}", { params: { teamId: team.id }, token: owner.token, ifMatch });

      expectApiError(await del(), 428, "precondition_required");
      const stale = await del(1);
      expectApiError(stale, 412, "version_mismatch");
      expect(stale.json.current).toMatchObject({ id: team.id, name: "Doomed", version: 2 });
      expect((await teamState(getCtx().db, team.id)).team).not.toBeNull();

      const ok = await del(2);
      expect(ok.status).toBe(200);
      expect(ok.json).toEqual({ ok: true });
      expect((await teamState(getCtx().db, team.id)).team).toBeNull();
      expectApiError(
        await api("GET /api/teams/{teamId}", { params: { teamId: team.id }, token: owner.token }),
        404,
        "not_found",
      );
    });
  });

  describe("members and invitations under concurrency", () => {
    it("two owners demoting each other at once: exactly one succeeds and one owner remains", async () => {
      const { db } = getCtx();
      const team = await createTeamWithMembers(db, owner, [{ member: coOwner, role: "owner" }]);
      const demote = (actor: TestUser, target: TestUser) =>
        api("PATCH /api/teams/{teamId}/members/{userId}", {
          params: { teamId: team.id, userId: target.user.id },
          token: actor.token,
          json: { role: "editor" },
        });

      const results = await Promise.all([demote(owner, coOwner), demote(coOwner, owner)]);

      const statuses = results.map((r) => r.status).sort();
      expect(statuses[0]).toBe(200);
      // The loser is either refused by the last-owner rule or, if it started late, no longer an owner.
      expect([403, 422]).toContain(statuses[1]);
      const owners = (await teamState(db, team.id)).members.filter((m) => m.role === "owner");
      expect(owners).toHaveLength(1);
    });

    it("two owners removing each other at once: one owner remains", async () => {
      const { db } = getCtx();
      const team = await createTeamWithMembers(db, owner, [{ member: coOwner, role: "owner" }]);
      const remove = (actor: TestUser, target: TestUser) =>
        api("DELETE /api/teams/{teamId}/members/{userId}", {
          params: { teamId: team.id, userId: target.user.id },
          token: actor.token,
        });

      const results = await Promise.all([remove(owner, coOwner), remove(coOwner, owner)]);

      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      const members = (await teamState(db, team.id)).members;
      expect(members).toHaveLength(1);
      expect(members[0].role).toBe("owner");
    });

    it("the same invitation accepted five times at once: one 200, four 410, one membership", async () => {
      const { db } = getCtx();
      const invitee = editor;
      const team = await createTeamWithMembers(db, owner);
      const { invitation, token } = await createInvitation(db, owner.actor, team.id, {
        email: invitee.user.email,
        role: "commenter",
      });

      const results = await Promise.all(
        Array.from({ length: 5 }, () =>
          api("POST /api/invitations/accept", { token: invitee.token, json: { token } }),
        ),
      );

      expect(results.map((r) => r.status).sort()).toEqual([200, 410, 410, 410, 410]);
      for (const r of results.filter((x) => x.status === 410)) expectApiError(r, 410, "invitation_gone");
      const rows = await db
        .select({ role: memberships.role })
        .from(memberships)
        .where(and(eq(memberships.teamId, team.id), eq(memberships.userId, invitee.user.id)));
      expect(rows).toEqual([{ role: "commenter" }]);
      const [stored] = await db.select().from(invitations).where(eq(invitations.id, invitation.id));
      expect(stored.acceptedBy).toBe(invitee.user.id);
    });
  });
});

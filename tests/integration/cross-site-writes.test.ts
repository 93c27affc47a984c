import { eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { items, roadmaps, teams } from "@/db/schema";
import { api, ROUTES, type ApiResponse, type CallOptions, type RouteKey } from "../helpers/api";
import { expectApiError } from "../helpers/assertions";
import { describeEachDatabase } from "../helpers/database";
import { createTeamWithMembers, createUser, uniqueEmail, withEnv, type TestUser } from "../helpers/fixtures";
import { createBoardFixture, type BoardFixture } from "../helpers/timeline";

/** The origin people reach the app at in these tests (AUTH_URL). */
const APP = "https://cairn.example";

/** An Auth.js session cookie for the user, as the browser holds it after signing in. */
async function sessionCookie(userId: string): Promise<string> {
  const value = await encode({
    token: { sub: userId },
    secret: process.env.AUTH_SECRET!,
    salt: "authjs.session-token",
  });
  return `authjs.session-token=${value}`;
}

/** A multipart body with `file`, as the import page's FormData sends it. */
async function multipart(content: string, name: string, type: string) {
  const form = new FormData();
  form.set("file", new File([content], name, { type }));
  const req = new Request("http://localhost/", { method: "POST", body: form });
  return { body: new Uint8Array(await req.arrayBuffer()), type: req.headers.get("content-type")! };
}

const CSV = "type,title,start,end\nfeature,Imported feature,2027-01-11,2027-01-15\n";

describeEachDatabase("cross-site writes with the session cookie", (getCtx) => {
  let owner: TestUser;
  let cookie: string;
  let teamId: string;
  let board: BoardFixture;

  beforeAll(async () => {
    const { db } = getCtx();
    owner = await createUser(db, "owner");
    cookie = await sessionCookie(owner.user.id);
    teamId = (await createTeamWithMembers(db, owner)).id;
    board = await createBoardFixture(db, owner.actor, teamId);
  });

  /** Calls the route as a browser holding the owner's session cookie would, with AUTH_URL = APP. */
  const asBrowser = (key: RouteKey, options: CallOptions & { headers?: Record<string, string> } = {}) =>
    withEnv({ AUTH_URL: APP }, () => api(key, { ...options, headers: { cookie, ...options.headers } }));

  const teamsNamed = async (name: string) =>
    getCtx().db.select({ id: teams.id }).from(teams).where(eq(teams.name, name));

  /** Creates a team named `name` with the given headers and body; returns the answer and whether it exists. */
  async function createTeamAs(
    name: string,
    headers: Record<string, string>,
    body: string = JSON.stringify({ name }),
  ): Promise<{ res: ApiResponse; created: boolean }> {
    const res = await asBrowser("POST /api/teams", { body, headers });
    return { res, created: (await teamsNamed(name)).length > 0 };
  }

  describe("POST /api/teams", () => {
    it("text/plain (what a cross-site form can send): 415 unsupported_media_type, no team", async () => {
      const name = `Plain ${uniqueEmail()}`;
      const { res, created } = await createTeamAs(name, { "content-type": "text/plain" });
      expectApiError(res, 415, "unsupported_media_type");
      expect(res.json.error.message).toContain("application/json");
      expect(created).toBe(false);
    });

    it("form-encoded, or multipart where no file is taken: 415, no team", async () => {
      for (const type of ["application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
        const name = `Typed ${uniqueEmail()}`;
        const { res, created } = await createTeamAs(name, { "content-type": type });
        expectApiError(res, 415, "unsupported_media_type");
        expect(created).toBe(false);
      }
    });

    it("a body without any Content-Type: 415, no team", async () => {
      const name = `Untyped ${uniqueEmail()}`;
      // Built by hand: the helper would label the body as JSON.
      const req = new Request("http://localhost/api/teams", {
        method: "POST",
        headers: { cookie },
        body: new TextEncoder().encode(JSON.stringify({ name })),
      });
      expect(req.headers.has("content-type")).toBe(false);
      const res = await withEnv({ AUTH_URL: APP }, () =>
        ROUTES["POST /api/teams"](req, { params: Promise.resolve({}) }),
      );
      expect(res.status).toBe(415);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unsupported_media_type");
      expect(await teamsNamed(name)).toEqual([]);
    });

    it("Origin of another site: 403 cross_site_request, no team", async () => {
      const name = `Evil ${uniqueEmail()}`;
      const { res, created } = await createTeamAs(name, {
        "content-type": "application/json",
        origin: "https://evil.example",
      });
      expectApiError(res, 403, "cross_site_request");
      expect(res.json.error.message).toContain("https://evil.example");
      expect(created).toBe(false);
    });

    it("Origin null (a sandboxed frame, a redirect across sites) or of a sibling subdomain: 403", async () => {
      for (const origin of ["null", "https://evil.cairn.example", "http://cairn.example"]) {
        const name = `Origin ${uniqueEmail()}`;
        const { res, created } = await createTeamAs(name, { "content-type": "application/json", origin });
        expectApiError(res, 403, "cross_site_request");
        expect(created).toBe(false);
      }
    });

    it("Sec-Fetch-Site cross-site or same-site (a sibling subdomain): 403, whatever Origin says", async () => {
      for (const site of ["cross-site", "same-site"]) {
        const name = `Site ${site} ${uniqueEmail()}`;
        const { res, created } = await createTeamAs(name, {
          "content-type": "application/json",
          "sec-fetch-site": site,
          origin: APP,
        });
        expectApiError(res, 403, "cross_site_request");
        expect(created).toBe(false);
      }
    });

    it("a cross-site text/plain post is refused as cross-site first (403)", async () => {
      const name = `Both ${uniqueEmail()}`;
      const { res, created } = await createTeamAs(name, {
        "content-type": "text/plain",
        origin: "https://evil.example",
        "sec-fetch-site": "cross-site",
      });
      expectApiError(res, 403, "cross_site_request");
      expect(created).toBe(false);
    });

    it("JSON from the app's own origin: 201, and the team is there", async () => {
      const variants: Record<string, string>[] = [
        { origin: APP, "sec-fetch-site": "same-origin" },
        { origin: APP },
        { "sec-fetch-site": "same-origin" },
        { "content-type": "application/json; charset=UTF-8", origin: APP },
        {}, // neither header: not a browser, so no other site's page sent it
      ];
      for (const headers of variants) {
        const name = `Own ${uniqueEmail()}`;
        const { res, created } = await createTeamAs(name, { "content-type": "application/json", ...headers });
        expect(res.status, res.text).toBe(201);
        expect(res.json.team.name).toBe(name);
        expect(created).toBe(true);
      }
    });

    it("without AUTH_URL the app's origin is the forwarded host the request came to", async () => {
      const name = `Forwarded ${uniqueEmail()}`;
      const headers = {
        cookie,
        "content-type": "application/json",
        origin: "https://roadmaps.example.org",
        "x-forwarded-host": "roadmaps.example.org",
        "x-forwarded-proto": "https",
      };
      const ok = await withEnv({ AUTH_URL: undefined }, () =>
        api("POST /api/teams", { json: { name }, headers }),
      );
      expect(ok.status, ok.text).toBe(201);
      const refused = await withEnv({ AUTH_URL: undefined }, () =>
        api("POST /api/teams", {
          json: { name: `${name} 2` },
          headers: { ...headers, origin: "https://other.example.org" },
        }),
      );
      expectApiError(refused, 403, "cross_site_request");
      expect(await teamsNamed(`${name} 2`)).toEqual([]);
    });

    it("a Bearer token is exempt: text/plain JSON from another origin is still read (201)", async () => {
      const name = `Token ${uniqueEmail()}`;
      const res = await withEnv({ AUTH_URL: APP }, () =>
        api("POST /api/teams", {
          token: owner.token,
          body: JSON.stringify({ name }),
          headers: {
            "content-type": "text/plain",
            origin: "https://evil.example",
            "sec-fetch-site": "cross-site",
          },
        }),
      );
      expect(res.status, res.text).toBe(201);
      expect(await teamsNamed(name)).toHaveLength(1);
    });
  });

  describe("reads and bodyless writes", () => {
    it("a GET with the cookie is answered whatever its origin (reads change nothing)", async () => {
      const res = await asBrowser("GET /api/teams", {
        headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      });
      expect(res.status).toBe(200);
    });

    it("bodyless DELETE and restore from the app's origin work with Content-Type: application/json", async () => {
      const { db } = getCtx();
      const deletedAt = async () =>
        (await db.select({ deletedAt: items.deletedAt }).from(items).where(eq(items.id, board.second.id)))[0]
          .deletedAt;
      const own = { "content-type": "application/json", origin: APP, "sec-fetch-site": "same-origin" };

      const untyped = await asBrowser("DELETE /api/items/{itemId}", {
        params: { itemId: board.second.id },
        ifMatch: board.second.version,
        headers: { origin: APP },
      });
      expectApiError(untyped, 415, "unsupported_media_type");
      expect(await deletedAt()).toBeNull();

      const deleted = await asBrowser("DELETE /api/items/{itemId}", {
        params: { itemId: board.second.id },
        ifMatch: board.second.version,
        headers: own,
      });
      expect(deleted.status, deleted.text).toBe(200);
      expect(await deletedAt()).not.toBeNull();

      const foreign = await asBrowser("POST /api/items/{itemId}/restore", {
        params: { itemId: board.second.id },
        headers: { ...own, origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      });
      expectApiError(foreign, 403, "cross_site_request");
      expect(await deletedAt()).not.toBeNull();

      const restored = await asBrowser("POST /api/items/{itemId}/restore", {
        params: { itemId: board.second.id },
        headers: own,
      });
      expect(restored.status, restored.text).toBe(200);
      expect(await deletedAt()).toBeNull();
    });
  });

  describe("POST /api/teams/{teamId}/imports (takes a file)", () => {
    const roadmapCount = async () =>
      (await getCtx().db.select({ id: roadmaps.id }).from(roadmaps).where(eq(roadmaps.teamId, teamId)))
        .length;

    it("multipart from the app's origin imports (201)", async () => {
      const before = await roadmapCount();
      const form = await multipart(CSV, "plan.csv", "text/csv");
      const res = await asBrowser("POST /api/teams/{teamId}/imports", {
        params: { teamId },
        body: form.body,
        headers: { "content-type": form.type, origin: APP, "sec-fetch-site": "same-origin" },
      });
      expect(res.status, res.text).toBe(201);
      expect(res.json).toMatchObject({ source: "csv", imported: { items: 1 } });
      expect(await roadmapCount()).toBe(before + 1);
    });

    it("multipart from another site: 403; a raw CSV body with the cookie: 415; nothing imported", async () => {
      const before = await roadmapCount();
      const form = await multipart(CSV, "plan.csv", "text/csv");
      const foreign = await asBrowser("POST /api/teams/{teamId}/imports", {
        params: { teamId },
        body: form.body,
        headers: { "content-type": form.type, origin: "https://evil.example" },
      });
      expectApiError(foreign, 403, "cross_site_request");

      const raw = await asBrowser("POST /api/teams/{teamId}/imports", {
        params: { teamId },
        body: CSV,
        headers: { "content-type": "text/csv", origin: APP },
      });
      expectApiError(raw, 415, "unsupported_media_type");
      expect(raw.json.error.message).toContain("multipart/form-data");
      expect(await roadmapCount()).toBe(before);
    });

    it("a raw CSV body with a Bearer token still imports (201)", async () => {
      const res = await api("POST /api/teams/{teamId}/imports", {
        params: { teamId },
        token: owner.token,
        body: CSV,
        headers: { "content-type": "text/csv" },
      });
      expect(res.status, res.text).toBe(201);
    });
  });
});

import { expect, test } from "@playwright/test";
import { SseReader } from "../helpers/sse";
import { createDatabase, startInstance, userWithToken, type AppInstance } from "./app-instances";

// Two app processes on one PostgreSQL database, as a deployment with two instances runs: a change
// made through one must reach the event streams of the other (LISTEN/NOTIFY, not process memory).
test.describe("two app instances on one database", () => {
  test.describe.configure({ mode: "serial", timeout: 180_000 });
  let database: ReturnType<typeof createDatabase>;
  let a: AppInstance;
  let b: AppInstance;

  test.beforeAll(async () => {
    database = createDatabase();
    // One at a time: both would otherwise race to apply the migrations.
    a = await startInstance(3311, database.url);
    b = await startInstance(3312, database.url);
  });

  test.afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    database?.drop();
  });

  test("a change through instance A reaches an SSE client of instance B, and presence crosses too", async () => {
    const owner = await userWithToken(a.base, "Ada Owner");
    const watcher = await userWithToken(b.base, "Bea Watcher");
    const call = async (base: string, token: string, method: string, path: string, body?: unknown) => {
      const res = await fetch(base + path, {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, json: text ? JSON.parse(text) : null };
    };

    const team = (await call(a.base, owner.token, "POST", "/api/teams", { name: "Two instances" })).json.team;
    // The watcher joins through an invitation made out to their own address.
    const me = (await call(b.base, watcher.token, "GET", "/api/me")).json.user;
    const invite = await call(a.base, owner.token, "POST", `/api/teams/${team.id}/invitations`, {
      email: me.email,
      role: "viewer",
    });
    const accepted = await call(b.base, watcher.token, "POST", "/api/invitations/accept", {
      token: new URL(invite.json.acceptUrl).pathname.split("/").pop(),
    });
    expect(accepted.status).toBe(200);
    const roadmap = (
      await call(a.base, owner.token, "POST", `/api/teams/${team.id}/roadmaps`, {
        title: "Across",
        startDate: "2027-01-04",
      })
    ).json.roadmap;

    // The watcher listens on instance B.
    const abort = new AbortController();
    const res = await fetch(`${b.base}/api/roadmaps/${roadmap.id}/events`, {
      headers: { authorization: `Bearer ${watcher.token}`, accept: "text/event-stream" },
      signal: abort.signal,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const stream = new SseReader(res, abort);
    await stream.waitFor((d) => d.type === "hello");

    // The owner writes through instance A.
    const made = await call(a.base, owner.token, "POST", `/api/roadmaps/${roadmap.id}/items`, {
      kind: "feature",
      title: "Cross-instance feature",
      startDate: "2027-01-04",
      endDate: "2027-01-08",
    });
    expect(made.status).toBe(201);
    const event = await stream.waitFor((d) => d.type === "created" && d.id === made.json.item.id, 2_000);
    expect(event.data).toMatchObject({
      entity: "item",
      version: 1,
      actorId: owner.id,
      roadmapId: roadmap.id,
    });

    const changed = await fetch(`${a.base}/api/items/${made.json.item.id}`, {
      method: "PATCH",
      headers: {
        authorization: `Bearer ${owner.token}`,
        "content-type": "application/json",
        "if-match": '"1"',
      },
      body: JSON.stringify({ title: "Renamed on A" }),
    });
    expect(changed.status).toBe(200);
    await stream.waitFor((d) => d.type === "updated" && d.version === 2, 2_000);

    // Presence: the owner opens the roadmap on A; the watcher on B sees both of them.
    const ownerAbort = new AbortController();
    const ownerRes = await fetch(`${a.base}/api/roadmaps/${roadmap.id}/events`, {
      headers: { authorization: `Bearer ${owner.token}` },
      signal: ownerAbort.signal,
    });
    const ownerStream = new SseReader(ownerRes, ownerAbort);
    await stream.waitFor(
      (d) => d.type === "presence" && d.users.some((u: { userId: string }) => u.userId === owner.id),
      3_000,
    );
    const from = stream.events.length;
    ownerStream.close();
    await stream.waitFor(
      (d) => d.type === "presence" && !d.users.some((u: { userId: string }) => u.userId === owner.id),
      3_000,
      from,
    );
    stream.close();
  });
});

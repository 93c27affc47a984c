import { expect, test } from "@playwright/test";
import { SseReader } from "../helpers/sse";
import { createDatabase, startInstance, userWithToken, type AppInstance } from "./app-instances";

/** The two instances' ports: E2E_INSTANCE_PORTS=3251,3252 keeps parallel runs apart. */
const PORTS = (process.env.E2E_INSTANCE_PORTS ?? "3311,3312").split(",").map(Number);

const call = async (base: string, token: string, method: string, path: string, body?: unknown) => {
  const res = await fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
};

/** Opens a roadmap's event stream on an instance; the answer's status, and a reader when it is 200. */
async function openStream(base: string, token: string, roadmapId: string) {
  const abort = new AbortController();
  const res = await fetch(`${base}/api/roadmaps/${roadmapId}/events`, {
    headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" },
    signal: abort.signal,
  });
  if (res.status !== 200) return { status: res.status, json: await res.json(), stream: null };
  const stream = new SseReader(res, abort);
  await stream.waitFor((d) => d.type === "hello");
  return { status: res.status, json: null, stream };
}

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
    a = await startInstance(PORTS[0], database.url);
    b = await startInstance(PORTS[1], database.url);
  });

  test.afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    database?.drop();
  });

  test("a change through instance A reaches an SSE client of instance B, and presence crosses too", async () => {
    const owner = await userWithToken(a.base, "Ada Owner");
    const watcher = await userWithToken(b.base, "Bea Watcher");
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
    const opened = await openStream(b.base, watcher.token, roadmap.id);
    expect(opened.status).toBe(200);
    expect(opened.stream!.response.headers.get("content-type")).toContain("text/event-stream");
    const stream = opened.stream!;

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
    const ownerStream = (await openStream(a.base, owner.token, roadmap.id)).stream!;
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

  test("at most 20 streams per user across both instances; a token revoked through A closes its stream on B at once", async () => {
    const owner = await userWithToken(a.base, "Lim Owner");
    const team = (await call(a.base, owner.token, "POST", "/api/teams", { name: "Limits" })).json.team;
    const roadmap = (
      await call(a.base, owner.token, "POST", `/api/teams/${team.id}/roadmaps`, {
        title: "Watched",
        startDate: "2027-01-04",
      })
    ).json.roadmap;

    const streams = [];
    for (let i = 0; i < 20; i++) {
      const opened = await openStream(i % 2 ? b.base : a.base, owner.token, roadmap.id);
      expect(opened.status).toBe(200);
      streams.push(opened.stream!);
    }
    for (const base of [a.base, b.base]) {
      const refused = await openStream(base, owner.token, roadmap.id);
      expect(refused.status).toBe(429);
      expect(refused.json.error.code).toBe("rate_limited");
    }
    for (const stream of streams) stream.close();

    // Revoked through A (a session's act), its stream on B ends well before the next heartbeat.
    // Slots free as the servers let go of the closed streams.
    let reader = null;
    for (let i = 0; !reader; i++) {
      reader = (await openStream(b.base, owner.token, roadmap.id)).stream;
      if (i > 100) throw new Error("the closed streams' slots were never freed");
      if (!reader) await new Promise((r) => setTimeout(r, 50));
    }
    const revoked = await fetch(`${a.base}/api/tokens/${owner.tokenId}`, {
      method: "DELETE",
      headers: {
        cookie: owner.cookie,
        origin: a.base,
        "sec-fetch-site": "same-origin",
        "content-type": "application/json",
      },
    });
    expect(revoked.status).toBe(200);
    const started = Date.now();
    while (!reader.ended && Date.now() - started < 5_000) await new Promise((r) => setTimeout(r, 20));
    expect(reader.ended).toBe(true);
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});

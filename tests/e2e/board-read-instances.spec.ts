import { expect, test } from "@playwright/test";
import { SseReader } from "../helpers/sse";
import { createDatabase, startInstance, userWithToken, type AppInstance } from "./app-instances";

/** This spec's own two instance ports: E2E_BOARD_INSTANCE_PORTS=3202,3203 keeps parallel runs apart. */
const PORTS = (process.env.E2E_BOARD_INSTANCE_PORTS ?? "3321,3322").split(",").map(Number);

// Issue #15: each instance caches serialised boards by sequence number and role. A write through one
// instance must be read back through the other at once (the sequence number lives in the database),
// and compression, negotiated for the board, must never touch the event stream.
test.describe("the board's cache on two app instances", () => {
  test.describe.configure({ mode: "serial", timeout: 180_000 });
  let database: ReturnType<typeof createDatabase>;
  let a: AppInstance;
  let b: AppInstance;

  test.beforeAll(async () => {
    database = createDatabase();
    a = await startInstance(PORTS[0], database.url);
    b = await startInstance(PORTS[1], database.url);
  });

  test.afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    database?.drop();
  });

  test("a PATCH through A, then a GET on B (which had the old board cached) returns the new version; the stream stays uncompressed", async () => {
    const owner = await userWithToken(a.base, "Ren Owner");
    const auth = { authorization: `Bearer ${owner.token}` };
    const json = { ...auth, "content-type": "application/json" };
    const post = async (base: string, path: string, body: unknown) =>
      (await fetch(base + path, { method: "POST", headers: json, body: JSON.stringify(body) })).json();
    const { team } = await post(a.base, "/api/teams", { name: "Cached boards" });
    const { roadmap } = await post(a.base, `/api/teams/${team.id}/roadmaps`, {
      title: "Read your writes",
      startDate: "2027-01-04",
    });
    const { item } = await post(a.base, `/api/roadmaps/${roadmap.id}/items`, {
      kind: "feature",
      title: "Before",
      startDate: "2027-01-04",
      endDate: "2027-01-08",
    });
    const boardPath = `/api/roadmaps/${roadmap.id}`;

    // Both instances hold the board in their caches (a second read answers from it).
    const onB = await fetch(b.base + boardPath, { headers: auth });
    const oldTag = onB.headers.get("etag")!;
    expect(oldTag).toMatch(/^W\/"\d+-b\d+-owner"$/);
    expect((await fetch(b.base + boardPath, { headers: { ...auth, "if-none-match": oldTag } })).status).toBe(
      304,
    );
    expect((await fetch(a.base + boardPath, { headers: auth })).headers.get("etag")).toBe(oldTag);

    // B's event stream, asked for with every coding a browser accepts.
    const abort = new AbortController();
    const streamRes = await fetch(`${b.base}${boardPath}/events`, {
      headers: { ...auth, accept: "text/event-stream", "accept-encoding": "gzip, deflate, br" },
      signal: abort.signal,
    });
    expect(streamRes.status).toBe(200);
    expect(streamRes.headers.get("content-encoding")).toBeNull();
    const stream = new SseReader(streamRes, abort);
    await stream.waitFor((d) => d.type === "hello");

    const patched = await fetch(`${a.base}/api/items/${item.id}`, {
      method: "PATCH",
      headers: { ...json, "if-match": `"${item.version}"` },
      body: JSON.stringify({ title: "Written on A" }),
    });
    expect(patched.status).toBe(200);
    // The event reaches B's stream promptly: nothing holds it back in a compressor's buffer.
    await stream.waitFor((d) => d.type === "updated" && d.id === item.id, 2_000);
    stream.close();

    const fresh = await fetch(b.base + boardPath, { headers: { ...auth, "if-none-match": oldTag } });
    expect(fresh.status).toBe(200);
    const board = await fresh.json();
    expect(board.items.find((i: { id: string }) => i.id === item.id).title).toBe("Written on A");
    const newTag = fresh.headers.get("etag")!;
    expect(newTag).not.toBe(oldTag);
    expect(newTag).toBe(`W/"${board.roadmap.version}-b${board.seq}-owner"`);
    expect((await fetch(b.base + boardPath, { headers: { ...auth, "if-none-match": newTag } })).status).toBe(
      304,
    );

    // Compression is negotiated: brotli or gzip as asked, with Vary, and the same JSON.
    for (const coding of ["br", "gzip"]) {
      const res = await fetch(b.base + boardPath, { headers: { ...auth, "accept-encoding": coding } });
      expect(res.headers.get("content-encoding")).toBe(coding);
      expect(res.headers.get("vary")).toContain("Accept-Encoding");
      expect(await res.json()).toEqual(board);
    }
  });
});

import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq, sql } from "drizzle-orm";
import { Webhook as Verifier } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { outboxMessages, roadmaps, webhookAttempts, webhookDeliveries, webhooks } from "@/db/schema";
import { JOB_QUEUES } from "@/db/job-queue";
import { startJobRunner } from "@/lib/server/jobs/job-runner";
import { mailSender } from "@/lib/server/mail/transport";
import { createItem } from "@/lib/services/items/create";
import { createReview } from "@/lib/services/reviews/reviews";
import { attemptWebhookDelivery } from "@/lib/services/webhooks/deliver";
import { itemEvent, queueWebhookEvent, type WebhookJob } from "@/lib/services/webhooks/events";
import type { Team } from "@/lib/validation/teams";
import { api } from "../helpers/api";
import { expectApiError, expectInvalidRequest } from "../helpers/assertions";
import { describeEachDatabase } from "../helpers/database";
import { createTeamWithMembers, createUser, type TestUser } from "../helpers/fixtures";
import { applyScenario, makeScenario } from "../helpers/scenarios";
import { createBoardFixture, featureInput, type BoardFixture } from "../helpers/timeline";

type Reply = "ok" | "fail" | "hang" | "redirect";

/** A real receiver on 127.0.0.1: answers each request as the next reply in `script` says. */
async function startReceiver() {
  const received: { headers: IncomingMessage["headers"]; body: string }[] = [];
  const script: Reply[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      const reply = script.shift() ?? "ok";
      if (reply === "hang") return; // never answers
      if (reply === "redirect") return res.writeHead(302, { location: "http://127.0.0.1:1/admin" }).end();
      res.writeHead(reply === "ok" ? 200 : 500, { "content-type": "text/plain" });
      res.end(reply === "ok" ? "thanks" : "x".repeat(5000));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return {
    url,
    received,
    script,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const TIMEOUT_MS = 300;

describeEachDatabase("outgoing webhooks to a real receiver", (getCtx) => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let owner: TestUser;
  let editor: TestUser;
  let team: Team;
  let fx: BoardFixture;

  beforeAll(async () => {
    const { db } = getCtx();
    receiver = await startReceiver();
    [owner, editor] = await Promise.all([createUser(db, "owner"), createUser(db, "editor")]);
    team = await createTeamWithMembers(db, owner, [{ member: editor, role: "editor" }]);
    fx = await createBoardFixture(db, owner.actor, team.id, { title: "Hooked roadmap" });
  }, 60_000);

  afterEach(() => {
    delete process.env.CAIRN_WEBHOOK_ALLOW_PRIVATE;
  });
  afterAll(async () => {
    await receiver?.close();
  });

  const addWebhook = async (body: object) => {
    process.env.CAIRN_WEBHOOK_ALLOW_PRIVATE = "1";
    const res = await api("POST /api/teams/{teamId}/webhooks", {
      params: { teamId: team.id },
      token: owner.token,
      json: body,
    });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    return res.json as { webhook: { id: string; version: number }; secret: string };
  };

  /** The queued job for the delivery's next attempt (pg-boss's own table), run now. */
  const runNextAttempt = async (deliveryId: string) => {
    const rows = (await getCtx().db.execute(
      sql`select data from pgboss.job where name = ${JOB_QUEUES.deliverWebhook} and data->>'deliveryId' = ${deliveryId} order by (data->>'attempt')::int desc limit 1`,
    )) as unknown;
    const [row] = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { data: WebhookJob }[];
    expect(row, `a job for delivery ${deliveryId}`).toBeDefined();
    return attemptWebhookDelivery(getCtx().db, row!.data, { timeoutMs: TIMEOUT_MS });
  };

  const deliveriesOf = async (webhookId: string) =>
    getCtx().db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, webhookId));

  it("an item created in a transaction is delivered signed (verified by standardwebhooks); a 500 then a 200 is one delivery with two attempts and one webhook-id", async () => {
    const { webhook, secret } = await addWebhook({ url: receiver.url, events: ["item.created"] });
    expect(secret).toMatch(/^whsec_/);
    const listed = await api("GET /api/teams/{teamId}/webhooks", {
      params: { teamId: team.id },
      token: owner.token,
    });
    expect(JSON.stringify(listed.json)).not.toContain(secret);

    process.env.CAIRN_WEBHOOK_ALLOW_PRIVATE = "1";
    const item = await createItem(
      getCtx().db,
      owner.actor,
      fx.roadmap.id,
      featureInput("Signed launch", fx.feature.startDate, fx.feature.endDate),
    );
    const [delivery] = await deliveriesOf(webhook.id);
    expect(delivery!.event).toBe("item.created");

    receiver.script.push("fail", "ok");
    const before = receiver.received.length;
    expect((await runNextAttempt(delivery!.id))?.outcome).toBe("failed");
    expect((await runNextAttempt(delivery!.id))?.outcome).toBe("succeeded");
    // The same job run again (pg-boss is at least once) sends nothing more.
    expect(await runNextAttempt(delivery!.id)).toBeNull();

    const sent = receiver.received.slice(before);
    expect(sent).toHaveLength(2);
    for (const request of sent) {
      const payload = new Verifier(secret).verify(
        request.body,
        request.headers as Record<string, string>,
      ) as { type: string; data: { itemId: string } };
      expect(payload).toMatchObject({
        type: "item.created",
        data: { itemId: item.id, title: "Signed launch" },
      });
    }
    expect(sent[0]!.headers["webhook-id"]).toBe(delivery!.id);
    expect(sent[1]!.headers["webhook-id"]).toBe(delivery!.id);

    const log = await api("GET /api/webhooks/{webhookId}/deliveries", {
      params: { webhookId: webhook.id },
      token: owner.token,
    });
    expect(log.status).toBe(200);
    expect(log.json.items).toHaveLength(1);
    const [entry] = log.json.items;
    expect(entry).toMatchObject({ id: delivery!.id, state: "delivered", nextAttemptAt: null });
    expect(entry.attempts.map((a: { outcome: string; status: number }) => [a.outcome, a.status])).toEqual([
      ["failed", 500],
      ["succeeded", 200],
    ]);
    expect(entry.attempts[0].responseBody).toHaveLength(1024);
  });

  it("a hanging receiver times out and the attempt is retried later; a redirect is never followed", async () => {
    const { webhook } = await addWebhook({ url: receiver.url, events: ["*"], format: "slack" });
    process.env.CAIRN_WEBHOOK_ALLOW_PRIVATE = "1";
    const test = await api("POST /api/webhooks/{webhookId}/test", {
      params: { webhookId: webhook.id },
      token: owner.token,
    });
    expect(test.status).toBe(202);
    const deliveryId = test.json.delivery.id as string;

    receiver.script.push("hang", "redirect");
    const before = receiver.received.length;
    const hung = await runNextAttempt(deliveryId);
    expect(hung).toMatchObject({
      outcome: "failed",
      status: null,
      error: `No answer within ${TIMEOUT_MS} ms.`,
    });
    expect(hung!.durationMs).toBeLessThan(TIMEOUT_MS + 1000);
    const [pending] = await getCtx()
      .db.select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.id, deliveryId));
    expect(pending!.state).toBe("pending");
    expect(pending!.nextAttemptAt!.getTime() - Date.now()).toBeGreaterThan(20_000);

    const redirected = await runNextAttempt(deliveryId);
    expect(redirected).toMatchObject({
      outcome: "failed",
      status: 302,
      error: "Redirect to http://127.0.0.1:1/admin not followed.",
    });
    // Only the two requests to the receiver: nothing went to the redirect's target.
    expect(receiver.received.slice(before)).toHaveLength(2);
    expect(JSON.parse(receiver.received.at(-1)!.body).text).toContain("Test event from Cairn");
  });

  it("a private address is refused at creation (422 unsafe_url), and at delivery when allowed then no longer", async () => {
    for (const url of [
      "http://127.0.0.1:9/x",
      "http://[::1]/x",
      "http://169.254.169.254/latest",
      "http://localhost/x",
      "http://[::ffff:10.0.0.1]/",
    ]) {
      const res = await api("POST /api/teams/{teamId}/webhooks", {
        params: { teamId: team.id },
        token: owner.token,
        json: { url, events: ["*"] },
      });
      expectApiError(res, 422, "unsafe_url");
    }
    const { webhook } = await addWebhook({ url: receiver.url, events: ["item.updated"] });
    const patch = await api("PATCH /api/webhooks/{webhookId}", {
      params: { webhookId: webhook.id },
      token: owner.token,
      json: { url: "http://10.1.2.3/" },
    });
    expect(patch.status).toBe(200); // still allowed here
    delete process.env.CAIRN_WEBHOOK_ALLOW_PRIVATE;
    const refusedPatch = await api("PATCH /api/webhooks/{webhookId}", {
      params: { webhookId: webhook.id },
      token: owner.token,
      json: { url: receiver.url },
    });
    expectApiError(refusedPatch, 422, "unsafe_url");

    const test = await api("POST /api/webhooks/{webhookId}/test", {
      params: { webhookId: webhook.id },
      token: owner.token,
    });
    const before = receiver.received.length;
    const result = await runNextAttempt(test.json.delivery.id);
    expect(result).toMatchObject({ outcome: "refused", status: null });
    expect(receiver.received.length).toBe(before);
    const [row] = await getCtx()
      .db.select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.id, test.json.delivery.id));
    expect(row!.state).toBe("gave_up");
    const attempts = await getCtx()
      .db.select()
      .from(webhookAttempts)
      .where(eq(webhookAttempts.deliveryId, row!.id));
    expect(attempts.map((a) => a.outcome)).toEqual(["refused"]);
  });

  it("only owners manage webhooks (403 for an editor, 404 for a stranger); bad input is 400", async () => {
    const { webhook } = await addWebhook({ url: receiver.url, events: ["*"] });
    const asEditor = await api("GET /api/teams/{teamId}/webhooks", {
      params: { teamId: team.id },
      token: editor.token,
    });
    expectApiError(asEditor, 403, "forbidden");
    expectApiError(
      await api("POST /api/webhooks/{webhookId}/test", {
        params: { webhookId: webhook.id },
        token: editor.token,
      }),
      403,
      "forbidden",
    );
    expectApiError(
      await api("GET /api/webhooks/{webhookId}/deliveries", {
        params: { webhookId: webhook.id },
        token: editor.token,
      }),
      403,
      "forbidden",
    );
    expectApiError(
      await api("DELETE /api/webhooks/{webhookId}", {
        params: { webhookId: webhook.id },
        token: editor.token,
      }),
      403,
      "forbidden",
    );
    const stranger = await createUser(getCtx().db, "stranger");
    expectApiError(
      await api("PATCH /api/webhooks/{webhookId}", {
        params: { webhookId: webhook.id },
        token: stranger.token,
        json: { active: false },
      }),
      404,
      "not_found",
    );

    for (const body of [
      { url: "ftp://example.com/x", events: ["*"] },
      { url: "not a url", events: ["*"] },
      { url: "https://example.com/x", events: ["item.exploded"] },
      { url: "https://example.com/x", events: [] },
      { url: "https://example.com/x", events: ["*"], format: "teams" },
      { url: "https://example.com/x", events: ["*"], extra: 1 },
    ]) {
      const res = await api("POST /api/teams/{teamId}/webhooks", {
        params: { teamId: team.id },
        token: owner.token,
        json: body,
      });
      expectInvalidRequest(res);
    }
    expectInvalidRequest(
      await api("PATCH /api/webhooks/{webhookId}", {
        params: { webhookId: webhook.id },
        token: owner.token,
        json: {},
      }),
    );

    const off = await api("PATCH /api/webhooks/{webhookId}", {
      params: { webhookId: webhook.id },
      token: owner.token,
      json: { active: false },
    });
    expect(off.json.webhook).toMatchObject({ active: false, disabledReason: "owner" });
    const gone = await api("DELETE /api/webhooks/{webhookId}", {
      params: { webhookId: webhook.id },
      token: owner.token,
    });
    expect(gone.status).toBe(200);
    expect(await getCtx().db.select().from(webhooks).where(eq(webhooks.id, webhook.id))).toHaveLength(0);
  });

  it("test events are limited per caller (429 with Retry-After), so a webhook cannot be turned into a relay", async () => {
    const db = getCtx().db;
    const tester = await createUser(db, "tester");
    const ownTeam = await createTeamWithMembers(db, tester, []);
    process.env.CAIRN_WEBHOOK_ALLOW_PRIVATE = "1";
    process.env.CAIRN_LIMIT_WEBHOOK_TEST = "2";
    try {
      const created = await api("POST /api/teams/{teamId}/webhooks", {
        params: { teamId: ownTeam.id },
        token: tester.token,
        json: { url: receiver.url, events: ["*"] },
      });
      expect(created.status).toBe(201);
      const send = () =>
        api("POST /api/webhooks/{webhookId}/test", {
          params: { webhookId: created.json.webhook.id },
          token: tester.token,
        });
      expect((await send()).status).toBe(202);
      expect((await send()).status).toBe(202);
      const refused = await send();
      expectApiError(refused, 429, "rate_limited");
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      delete process.env.CAIRN_LIMIT_WEBHOOK_TEST;
    }
  });

  it("a review recorded and a gate decided are delivered to the webhooks that asked for them, and to no other", async () => {
    const wants = await addWebhook({ url: receiver.url, events: ["review.recorded"] });
    const itemsOnly = await addWebhook({ url: receiver.url, events: ["item.deleted"] });
    const review = await createReview(getCtx().db, owner.actor, fx.roadmap.id, {
      audience: "product",
      heldOn: "2026-01-05",
      notes: "",
      decisions: [],
    });
    const [delivery] = await deliveriesOf(wants.webhook.id);
    expect(delivery).toMatchObject({ event: "review.recorded" });
    expect(delivery!.payload).toMatchObject({
      type: "review.recorded",
      data: { reviewId: review.id, roadmapId: fx.roadmap.id, roadmapName: "Hooked roadmap" },
    });
    expect(await deliveriesOf(itemsOnly.webhook.id)).toHaveLength(0);

    const phase = await api("POST /api/roadmaps/{roadmapId}/phases", {
      params: { roadmapId: fx.roadmap.id },
      token: owner.token,
      json: {
        name: "Discovery",
        startDate: "2027-01-04",
        endDate: "2027-03-31",
        gate: { title: "Scope go", outcome: "Scope agreed" },
      },
    });
    expect(phase.status, JSON.stringify(phase.json)).toBe(201);
    const decided = await api("POST /api/phases/{phaseId}/decision", {
      params: { phaseId: phase.json.phase.id },
      token: owner.token,
      json: { decision: "proceed", notes: "Ready." },
    });
    expect(decided.status, JSON.stringify(decided.json)).toBe(201);
    const gates = (await deliveriesOf(wants.webhook.id)).filter((d) => d.event === "gate.decided");
    expect(gates).toHaveLength(0); // it asked for reviews only
    const all = await addWebhook({ url: receiver.url, events: ["*"] });
    const again = await api("POST /api/roadmaps/{roadmapId}/phases", {
      params: { roadmapId: fx.roadmap.id },
      token: owner.token,
      json: {
        name: "Build",
        startDate: "2027-04-01",
        endDate: "2027-06-30",
        gate: { title: "Beta go", outcome: "Beta ready" },
      },
    });
    await api("POST /api/phases/{phaseId}/decision", {
      params: { phaseId: again.json.phase.id },
      token: owner.token,
      json: { decision: "proceed", notes: "Ship it." },
    });
    const [gate] = await deliveriesOf(all.webhook.id);
    expect(gate!.payload).toMatchObject({
      type: "gate.decided",
      data: { decision: "proceed", title: "Gate “Beta go”: proceed" },
    });
  });

  it("a scenario applied, a feedback round closed and a not-feasible verdict reach a webhook that wants every event (a feasible one does not)", async () => {
    const all = await addWebhook({ url: receiver.url, events: ["*"] });
    const { db } = getCtx();
    const made = await makeScenario(owner.token, fx.roadmap.id, "Hooked what-if");
    expect(made.status, JSON.stringify(made.json)).toBe(201);
    const [base] = await db
      .select({ version: roadmaps.version })
      .from(roadmaps)
      .where(eq(roadmaps.id, fx.roadmap.id));
    const applied = await applyScenario(owner.token, made.json.scenario.roadmap.id, base!.version);
    expect(applied.status, JSON.stringify(applied.json)).toBe(200);

    const round = await api("POST /api/roadmaps/{roadmapId}/feedback-rounds", {
      params: { roadmapId: fx.roadmap.id },
      token: owner.token,
      json: { question: "Ready to ship?", audience: "executive", closesOn: "2099-01-01" },
    });
    expect(round.status, JSON.stringify(round.json)).toBe(201);
    const closed = await api("POST /api/feedback-rounds/{roundId}/close", {
      params: { roundId: round.json.round.id },
      token: owner.token,
    });
    expect(closed.status, JSON.stringify(closed.json)).toBe(200);

    const verdict = await api("POST /api/items/{itemId}/comments", {
      params: { itemId: fx.feature.id },
      token: owner.token,
      json: { body: "Cannot be done by then.", feasibility: "not_feasible" },
    });
    expect(verdict.status, JSON.stringify(verdict.json)).toBe(201);
    await api("POST /api/items/{itemId}/comments", {
      params: { itemId: fx.feature.id },
      token: owner.token,
      json: { body: "Looks fine.", feasibility: "feasible" },
    });

    const events = (await deliveriesOf(all.webhook.id)).map((d) => d.payload);
    expect(events).toEqual([
      expect.objectContaining({
        type: "scenario.applied",
        data: expect.objectContaining({
          title: "Scenario “Hooked what-if” applied",
          roadmapId: fx.roadmap.id,
        }),
      }),
      expect.objectContaining({
        type: "feedback_round.closed",
        data: expect.objectContaining({
          title: "Feedback round “Ready to ship?” closed",
          roundId: round.json.round.id,
        }),
      }),
      expect.objectContaining({
        type: "comment.not_feasible",
        data: expect.objectContaining({
          itemId: fx.feature.id,
          title: "Not feasible: “Cannot be done by then.”",
          url: expect.stringContaining(`/roadmaps/${fx.roadmap.id}?item=${fx.feature.id}`),
        }),
      }),
    ]);
  });

  it("a change rolled back queues nothing; after a day of failures the delivery gives up and the webhook turns itself off", async () => {
    const { webhook } = await addWebhook({ url: receiver.url, events: ["item.created"] });
    process.env.CAIRN_WEBHOOK_ALLOW_PRIVATE = "1";
    const rolledBack = getCtx().db.transaction(async (tx) => {
      await queueWebhookEvent(tx, team.id, itemEvent("item.created", { ...fx.feature, teamId: team.id }));
      expect(
        await tx.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, webhook.id)),
      ).toHaveLength(1);
      throw new Error("the change fails after its event was queued");
    });
    await expect(rolledBack).rejects.toThrow("the change fails");
    expect(await deliveriesOf(webhook.id)).toHaveLength(0);

    await createItem(
      getCtx().db,
      owner.actor,
      fx.roadmap.id,
      featureInput("Doomed", fx.feature.startDate, fx.feature.endDate),
    );
    const [delivery] = await deliveriesOf(webhook.id);
    // The delivery was made 23 h 59 min 50 s ago (the next try, 30 s on, would be past the day) and the webhook has failed since 25 h ago.
    const { db } = getCtx();
    await db
      .update(webhookDeliveries)
      .set({ createdAt: new Date(Date.now() - 24 * 3_600_000 + 10_000) })
      .where(eq(webhookDeliveries.id, delivery!.id));
    await db
      .update(webhooks)
      .set({ failingSince: new Date(Date.now() - 25 * 3_600_000) })
      .where(eq(webhooks.id, webhook.id));
    receiver.script.push("fail");
    expect((await runNextAttempt(delivery!.id))?.outcome).toBe("failed");
    const [after] = await deliveriesOf(webhook.id);
    expect(after).toMatchObject({ state: "gave_up", nextAttemptAt: null });
    const [hook] = await db.select().from(webhooks).where(eq(webhooks.id, webhook.id));
    expect(hook).toMatchObject({ active: false, disabledReason: "failing" });
    const told = await db.select().from(outboxMessages).where(eq(outboxMessages.kind, "webhookDisabled"));
    expect(told.map((m) => m.to)).toEqual([owner.user.email]);
    expect(told[0]!.text).toContain(receiver.url);
    expect(told[0]!.text).toContain(`/teams/${team.slug}/settings`);

    // An inactive webhook gets no item events; turning it back on starts afresh.
    await createItem(
      db,
      owner.actor,
      fx.roadmap.id,
      featureInput("Unheard", fx.feature.startDate, fx.feature.endDate),
    );
    expect(await deliveriesOf(webhook.id)).toHaveLength(1);
    const on = await api("PATCH /api/webhooks/{webhookId}", {
      params: { webhookId: webhook.id },
      token: owner.token,
      json: { active: true },
    });
    expect(on.json.webhook).toMatchObject({ active: true, disabledReason: null });
  });

  it("the server's workers deliver a test event from the queue, and it shows in the delivery log", async () => {
    const { webhook, secret } = await addWebhook({ url: receiver.url, events: ["*"] });
    process.env.CAIRN_WEBHOOK_ALLOW_PRIVATE = "1";
    const runner = await startJobRunner(getCtx().handle, {
      send: mailSender(),
      pollingIntervalSeconds: 0.5,
      webhookTimeoutMs: TIMEOUT_MS,
    });
    try {
      const test = await api("POST /api/webhooks/{webhookId}/test", {
        params: { webhookId: webhook.id },
        token: owner.token,
      });
      for (let i = 0; i < 100; i++) {
        const log = await api("GET /api/webhooks/{webhookId}/deliveries", {
          params: { webhookId: webhook.id },
          token: owner.token,
        });
        if (log.json.items[0]?.state === "delivered") break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const log = await api("GET /api/webhooks/{webhookId}/deliveries", {
        params: { webhookId: webhook.id },
        token: owner.token,
      });
      expect(log.json.items[0]).toMatchObject({
        id: test.json.delivery.id,
        event: "webhook.test",
        state: "delivered",
      });
      const request = receiver.received.find((r) => r.headers["webhook-id"] === test.json.delivery.id)!;
      expect(
        new Verifier(secret).verify(request.body, request.headers as Record<string, string>),
      ).toMatchObject({ type: "webhook.test" });
    } finally {
      await runner.stop();
    }
  });
});

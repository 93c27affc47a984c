// #17 webhooks: edits inside a scenario (a what-if copy) send no item events to the team's
// webhooks, one by one or in bulk (auto-schedule); the same edits on the roadmap do, and applying
// the scenario sends the roadmap's. Read back as webhook_deliveries rows (no worker runs here).
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { items, webhookDeliveries } from "@/db/schema";
import { createDependency } from "@/lib/services/dependencies/edges";
import { createItem } from "@/lib/services/items/create";
import { deleteItem } from "@/lib/services/items/delete";
import { restoreItem } from "@/lib/services/items/restore";
import { updateItem } from "@/lib/services/items/update";
import { createRoadmap } from "@/lib/services/roadmaps/create";
import { api } from "../helpers/api";
import { describeEachDatabase } from "../helpers/database";
import { createTeamWithMembers, createUser } from "../helpers/fixtures";
import { ok } from "../helpers/resources";
import { makeScenario } from "../helpers/scenarios";
import { featureInput, MONDAY } from "../helpers/timeline";

describeEachDatabase("webhook item events of a scenario's edits", (getCtx) => {
  beforeAll(() => {
    process.env.CAIRN_WEBHOOK_ALLOW_PRIVATE = "1";
  });
  afterAll(() => {
    delete process.env.CAIRN_WEBHOOK_ALLOW_PRIVATE;
  });

  it("a what-if's item created, changed, deleted, restored or auto-scheduled tells nobody; the roadmap's edits do", async () => {
    const { db } = getCtx();
    const owner = await createUser(db, "owner");
    const team = await createTeamWithMembers(db, owner, []);
    const hook = ok(
      await api("POST /api/teams/{teamId}/webhooks", {
        params: { teamId: team.id },
        token: owner.token,
        json: { url: "http://127.0.0.1:9/hook", events: ["item.created", "item.updated", "item.deleted"] },
      }),
      201,
    );
    const events = async () =>
      (
        await db
          .select({ event: webhookDeliveries.event, payload: webhookDeliveries.payload })
          .from(webhookDeliveries)
          .where(eq(webhookDeliveries.webhookId, hook.webhook.id))
          .orderBy(asc(webhookDeliveries.createdAt))
      ).map((d) => [d.event, (d.payload.data as { roadmapId: string }).roadmapId]);

    const roadmap = await createRoadmap(db, owner.actor, team.id, { title: "Real plan", startDate: MONDAY });
    const first = await createItem(db, owner.actor, roadmap.id, featureInput("First", MONDAY, "2027-01-15"));
    expect(await events()).toEqual([["item.created", roadmap.id]]);

    const scenarioId = ok(await makeScenario(owner.token, roadmap.id, "What if"), 201).scenario.roadmap.id;
    const [copy] = await db.select().from(items).where(eq(items.roadmapId, scenarioId));
    const changed = await updateItem(db, owner.actor, copy.id, copy.version, { title: "First, later" });
    const added = await createItem(db, owner.actor, scenarioId, featureInput("Extra", MONDAY, "2027-01-08"));
    await deleteItem(db, owner.actor, added.id, added.version);
    await restoreItem(db, owner.actor, added.id);
    // Extra after First: auto-schedule moves it (a bulk item.updated, were it the roadmap).
    await createDependency(db, owner.actor, scenarioId, { fromId: changed.id, toId: added.id });
    const run = ok(
      await api("POST /api/roadmaps/{roadmapId}/auto-schedule", {
        params: { roadmapId: scenarioId },
        token: owner.token,
        json: { mode: "earliest" },
      }),
    );
    expect(run.moved.map((m: { id: string }) => m.id)).toEqual([added.id]);
    const [moved] = await db.select().from(items).where(eq(items.id, added.id));
    await deleteItem(db, owner.actor, moved.id, moved.version);
    expect(await events()).toEqual([["item.created", roadmap.id]]);

    // The roadmap itself is news as before.
    await updateItem(db, owner.actor, first.id, first.version, { title: "First, renamed" });
    expect(await events()).toEqual([
      ["item.created", roadmap.id],
      ["item.updated", roadmap.id],
    ]);
  });
});

import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { JOB_QUEUES } from "@/db/job-queue";
import { startJobRunner, type JobRunner } from "@/lib/server/jobs/job-runner";
import { mailSender } from "@/lib/server/mail/transport";
import { items, outboxMessages } from "@/db/schema";
import { updateItem } from "@/lib/services/items/update";
import { createScenario } from "@/lib/services/scenarios/scenarios";
import { mailOwnedItemChanges, type OwnedItemJob } from "@/lib/services/mail/owned-item-mail";
import { describeEachDatabase } from "../helpers/database";
import { createTeamWithMembers, createUser, type TestUser } from "../helpers/fixtures";
import { headerOf, linkIn } from "../helpers/mail";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtp";
import { createBoardFixture, type BoardFixture } from "../helpers/timeline";

const ORIGIN = "http://cairn.test";
process.env.AUTH_URL = ORIGIN;

interface JobRow {
  data: OwnedItemJob;
  singleton_key: string;
  start_after: Date | string;
}

describeEachDatabase("changes to items you own: one mail per item and owner per hour", (getCtx) => {
  let smtp: TestSmtpServer;
  let runner: JobRunner;
  let olga: TestUser;
  let eddie: TestUser;
  let priya: TestUser;
  let fx: BoardFixture;
  let teamName: string;

  const jobs = async (): Promise<JobRow[]> => {
    const result = (await getCtx().db.execute(
      sql`select data, singleton_key, start_after from pgboss.job where name = ${JOB_QUEUES.ownedItemChanges} order by created_on`,
    )) as unknown;
    return (Array.isArray(result) ? result : (result as { rows: JobRow[] }).rows) as JobRow[];
  };

  beforeAll(async () => {
    const { db, handle } = getCtx();
    smtp = await startSmtpServer();
    runner = await startJobRunner(handle, { send: mailSender(smtp.url), pollingIntervalSeconds: 0.5 });
    [olga, eddie, priya] = await Promise.all([
      createUser(db, "owner", { name: "Olga Owner" }),
      createUser(db, "editor", { name: "Eddie Editor" }),
      createUser(db, "priya", { name: "Priya Shah" }),
    ]);
    const team = await createTeamWithMembers(db, olga, [
      { member: eddie, role: "editor" },
      { member: priya, role: "editor" },
    ]);
    teamName = team.name;
    fx = await createBoardFixture(db, olga.actor, team.id, { title: "Owned roadmap" });
    // The changes below must fall in one clock hour: a run in its last minute waits for the next.
    const now = new Date();
    if (now.getUTCMinutes() === 59)
      await new Promise((r) => setTimeout(r, (61 - now.getUTCSeconds()) * 1000));
  }, 120_000);

  afterAll(async () => {
    await runner?.stop();
    await smtp?.close();
  });

  it("five changes in an hour: one deferred job, then one mail listing the others' changes, not the owner's own", async () => {
    const { db } = getCtx();
    let item = await updateItem(db, olga.actor, fx.feature.id, fx.feature.version, {
      ownerId: priya.user.id,
    });
    item = await updateItem(db, eddie.actor, item.id, item.version, { endDate: "2027-02-19" });
    item = await updateItem(db, eddie.actor, item.id, item.version, { title: "Checkout v2" });
    item = await updateItem(db, priya.actor, item.id, item.version, { status: "in_progress" });
    await updateItem(db, olga.actor, item.id, item.version, { description: "Longer text" });

    // One job for Priya (the throttle took the first change's, the rest added nothing), none for
    // the changers, deferred to the end of the hour the changes were made in.
    const queued = await jobs();
    expect(queued.map((j) => j.singleton_key)).toEqual([`${fx.feature.id}:${priya.user.id}`]);
    const [job] = queued;
    const windowStart = new Date(job.data.windowStart);
    expect(windowStart.getTime() % 3_600_000).toBe(0);
    expect(Date.now() - windowStart.getTime()).toBeLessThan(3_600_000);
    expect(new Date(job.start_after).getTime()).toBe(windowStart.getTime() + 3_600_000);

    // The hour is over (the job runs it now rather than wait): one mail, once however often it runs.
    expect(await mailOwnedItemChanges(db, job.data)).toBe(true);
    expect(await mailOwnedItemChanges(db, job.data)).toBe(false);
    const mail = await smtp.waitFor((m) => smtp.to(priya.user.email).includes(m));
    expect(mail.subject).toBe("2 people changed “Checkout v2” in Owned roadmap (4 changes)");
    expect(mail.text).toContain(`Olga Owner changed owner.`);
    expect(mail.text).toContain("Eddie Editor changed end 2027-02-12 → 2027-02-19.");
    expect(mail.text).toContain("Eddie Editor changed title Fixture feature → Checkout v2.");
    expect(mail.text).toContain("Olga Owner changed description.");
    expect(mail.text).not.toContain("Priya Shah");
    expect(mail.text).toContain(`Team: ${teamName}`);
    expect(mail.text).toContain("Roadmap: Owned roadmap");
    const link = linkIn(mail, `${ORIGIN}/roadmaps/`);
    expect(link.pathname).toBe(`/roadmaps/${fx.roadmap.id}`);
    expect(link.searchParams.get("item")).toBe(fx.feature.id);
    expect(headerOf(mail, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(headerOf(mail, "list-unsubscribe")).toContain("/api/unsubscribe?token=");
    const rows = await db.select().from(outboxMessages).where(eq(outboxMessages.kind, "ownedItemChanged"));
    expect(rows.map((r) => r.to)).toEqual([priya.user.email]);
  });

  it("an hour with only the owner's own changes mails nothing", async () => {
    const { db } = getCtx();
    const [job] = await jobs();
    const ownOnly = { ...job.data, itemId: fx.second.id };
    await updateItem(db, priya.actor, fx.second.id, fx.second.version, { title: "Mine to change" });
    expect(await mailOwnedItemChanges(db, ownOnly)).toBe(false);
  });

  it("edits inside a what-if scenario mail nobody, as they send no webhook", async () => {
    const { db } = getCtx();
    const scenario = await createScenario(db, olga.actor, fx.roadmap.id, { name: "What if" });
    const [copy] = await db
      .select()
      .from(items)
      .where(and(eq(items.roadmapId, scenario.roadmap.id), eq(items.sourceId, fx.feature.id)))
      .limit(1);
    await updateItem(db, eddie.actor, copy.id, copy.version, { endDate: "2027-03-05" });
    const [job] = await jobs();
    const before = await db.select().from(outboxMessages);
    expect(await mailOwnedItemChanges(db, { ...job.data, itemId: copy.id })).toBe(false);
    expect(await db.select().from(outboxMessages)).toHaveLength(before.length);
  });
});

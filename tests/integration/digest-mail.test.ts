import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { forecastRecords, outboxMessages } from "@/db/schema";
import { JOB_QUEUES } from "@/db/job-queue";
import { dueDigestPeriod } from "@/lib/collaboration/digest-period";
import { DIGEST_CRON, startJobRunner, type JobRunner } from "@/lib/server/jobs/job-runner";
import { mailSender } from "@/lib/server/mail/transport";
import { updateItem } from "@/lib/services/items/update";
import { queueDigests } from "@/lib/services/mail/digest";
import { updateNotificationSettings } from "@/lib/services/mail/settings";
import { createRisk } from "@/lib/services/risks/create";
import { createRoadmap } from "@/lib/services/roadmaps/create";
import { api } from "../helpers/api";
import { describeEachDatabase } from "../helpers/database";
import { createTeamWithMembers, createUser, type TestUser } from "../helpers/fixtures";
import { headerOf, linkIn, unsubscribeTarget } from "../helpers/mail";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtp";
import { createBoardFixture, MONDAY, type BoardFixture } from "../helpers/timeline";

const ORIGIN = "http://cairn.test";
process.env.AUTH_URL = ORIGIN;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const TOKYO = "Asia/Tokyo"; // +9, no summer time

/**
 * The changes are made now (the database's clock); the digest job is run at a moved clock: the
 * next hour's :10, ten minutes into the readers' send hour, whose period then holds the changes.
 */
// At least five minutes ahead, so the changes made while the test runs are all before it.
const nextHour = new Date(Math.ceil((Date.now() + 5 * 60_000) / HOUR) * HOUR);
const sendHour = (nextHour.getUTCHours() + 9) % 24;
const run = (at: Date) => new Date(at.getTime() + 10 * 60_000);

describeEachDatabase("digests: daily or weekly, in the reader's time zone and hour", (getCtx) => {
  let smtp: TestSmtpServer;
  let runner: JobRunner;
  let olga: TestUser;
  let eddie: TestUser;
  let priya: TestUser;
  let vic: TestUser;
  let fx: BoardFixture;
  let teamName: string;

  const digestsTo = async (user: TestUser) =>
    (await getCtx().db.select().from(outboxMessages).where(eq(outboxMessages.kind, "digest"))).filter(
      (m) => m.userId === user.user.id,
    );

  beforeAll(async () => {
    const { db, handle } = getCtx();
    smtp = await startSmtpServer();
    runner = await startJobRunner(handle, { send: mailSender(smtp.url), pollingIntervalSeconds: 0.5 });
    [olga, eddie, priya, vic] = await Promise.all([
      createUser(db, "owner", { name: "Olga Owner" }),
      createUser(db, "editor", { name: "Eddie Editor" }),
      createUser(db, "priya", { name: "Priya Shah" }),
      createUser(db, "vic", { name: "Vic Quiet" }),
    ]);
    const team = await createTeamWithMembers(db, olga, [
      { member: eddie, role: "editor" },
      { member: priya, role: "viewer" },
    ]);
    teamName = team.name;
    for (const who of [olga, eddie])
      await updateNotificationSettings(db, who.actor, { email: { digest: "off" } });
    for (const who of [priya, vic])
      await updateNotificationSettings(db, who.actor, {
        email: { digest: "daily" },
        timeZone: TOKYO,
        digestHour: sendHour,
      });
    fx = await createBoardFixture(db, olga.actor, team.id, { title: "Digest roadmap" });
    // Vic's own team, with a roadmap only he touched: nothing anyone else did, nothing to say.
    const quiet = await createTeamWithMembers(db, vic, []);
    await createRoadmap(db, vic.actor, quiet.id, { title: "Quiet roadmap", startDate: MONDAY });

    await updateItem(db, eddie.actor, fx.feature.id, fx.feature.version, { endDate: "2027-02-19" });
    await createRisk(db, eddie.actor, fx.roadmap.id, {
      title: "Payments vendor slips",
      kind: "external",
      likelihood: 4,
      impact: 5,
    });
    // The forecast before the period and during it: the key milestone's P80 moved a week.
    const series = (p80: string) => ({
      milestones: [
        {
          milestoneId: fx.milestone.id,
          title: "Launch",
          targetDate: "2027-03-31",
          p50: "2027-03-25",
          p80,
          onTimeProbability: 0.6,
        },
      ],
      projectFinish: { p50: "2027-03-25", p80, onTimeProbability: null },
    });
    const record = (at: Date, p80: string) => ({
      roadmapId: fx.roadmap.id,
      recordedAt: at,
      recordedOn: at.toISOString().slice(0, 10),
      reason: "daily" as const,
      method: "pert" as const,
      runs: 1000,
      seed: 1,
      series: series(p80),
    });
    await db
      .insert(forecastRecords)
      .values([
        record(new Date(nextHour.getTime() - 3 * DAY), "2027-04-02"),
        record(new Date(), "2027-04-09"),
      ]);
  }, 120_000);

  afterAll(async () => {
    await runner?.stop();
    await smtp?.close();
  });

  it("is scheduled hourly in pg-boss, so one instance of many runs each tick", async () => {
    expect(await runner.boss.getSchedules()).toContainEqual(
      expect.objectContaining({ name: JOB_QUEUES.digests, cron: DIGEST_CRON }),
    );
  });

  it("daily: once in the send hour, telling others' changes, the P80 that moved and the risk needing contingency; nothing for a quiet reader", async () => {
    const { db } = getCtx();
    expect(await queueDigests(db, run(new Date(nextHour.getTime() - HOUR)))).toBe(0); // the hour before
    expect(await queueDigests(db, run(nextHour))).toBe(1);
    // Every later run in that hour, on any instance, queues nothing more; nor does the next hour.
    expect(await queueDigests(db, new Date(nextHour.getTime() + 50 * 60_000))).toBe(0);
    expect(await queueDigests(db, run(new Date(nextHour.getTime() + HOUR)))).toBe(0);
    expect(await digestsTo(vic)).toEqual([]);
    const [row] = await digestsTo(priya);
    const day = dueDigestPeriod(run(nextHour), { frequency: "daily", timeZone: TOKYO, hour: sendHour })!;
    expect(row.dedupeKey).toBe(`digest:${priya.user.id}:${fx.roadmap.teamId}:${day.key}`);

    const mail = await smtp.waitFor((m) => smtp.to(priya.user.email).includes(m));
    expect(mail.subject).toBe(`Your daily Cairn digest for ${teamName}: Digest roadmap`);
    expect(mail.text).toContain(`What changed in ${teamName} over the last day`);
    expect(mail.text).toMatch(/\d+ changes by 2 people, among them to .*“Fixture feature”/);
    expect(mail.text).toContain("Key milestone “Launch”: P80 moved from 2027-04-02 to 2027-04-09.");
    expect(mail.text).toContain("Risks needing a contingency plan: “Payments vendor slips”.");
    expect(mail.text).toContain(`Team: ${teamName}`);
    expect(mail.text).toContain("Roadmap: Digest roadmap");
    expect(linkIn(mail, `${ORIGIN}/roadmaps/`).pathname).toBe(`/roadmaps/${fx.roadmap.id}`);
    expect(headerOf(mail, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
  });

  it("weekly: on the reader's Monday only, for the seven days before, a period of its own", async () => {
    const { db } = getCtx();
    await updateNotificationSettings(db, priya.actor, { email: { digest: "weekly" } });
    const weekly = { frequency: "weekly", timeZone: TOKYO, hour: sendHour } as const;
    const hours = Array.from({ length: 7 }, (_, k) => new Date(nextHour.getTime() + k * DAY));
    const monday = hours.find((h) => dueDigestPeriod(run(h), weekly))!;
    for (const other of hours.filter((h) => h !== monday)) expect(await queueDigests(db, run(other))).toBe(0);
    expect(await queueDigests(db, run(monday))).toBe(1);
    expect(await queueDigests(db, run(monday))).toBe(0);
    const mail = await smtp.waitFor((m) => m.subject?.startsWith("Your weekly Cairn digest") === true);
    expect(mail.text).toContain("over the last week");
    expect(await digestsTo(priya)).toHaveLength(2);
  });

  it("the digest's one-click unsubscribe turns the digest off; then none is queued", async () => {
    const { db } = getCtx();
    const mail = await smtp.waitFor((m) => m.subject?.startsWith("Your weekly Cairn digest") === true);
    const target = unsubscribeTarget(mail)!;
    const res = await api("POST /api/unsubscribe", {
      query: Object.fromEntries(target.searchParams),
      body: "List-Unsubscribe=One-Click",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(200);
    const settings = await api("GET /api/account/notification-settings", { token: priya.token });
    expect(settings.json.settings.email.digest).toBe("off");
    expect(await queueDigests(db, run(new Date(nextHour.getTime() + 7 * DAY)))).toBe(0);
  });
});

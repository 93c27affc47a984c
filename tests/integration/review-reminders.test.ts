import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { outboxMessages } from "@/db/schema";
import { JOB_QUEUES } from "@/db/job-queue";
import { REVIEW_REMINDER_CRON, startJobRunner, type JobRunner } from "@/lib/server/jobs/job-runner";
import { mailSender } from "@/lib/server/mail/transport";
import { queueReviewReminders } from "@/lib/services/mail/review-reminders";
import { putCadence } from "@/lib/services/reviews/cadence";
import { describeEachDatabase } from "../helpers/database";
import { createTeamWithMembers, createUser, type TestUser } from "../helpers/fixtures";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtp";
import { createBoardFixture, type BoardFixture } from "../helpers/timeline";

process.env.AUTH_URL = "http://cairn.test";

/** Noon UTC on a day: the clock the reminders are judged by, moved by the test (no waiting). */
const at = (day: string) => new Date(`${day}T12:00:00Z`);

describeEachDatabase("review reminders on a controllable clock", (getCtx) => {
  let smtp: TestSmtpServer;
  let runner: JobRunner;
  let owner: TestUser;
  let editor: TestUser;
  let commenter: TestUser;
  let fx: BoardFixture;

  const reminders = async () =>
    (await getCtx().db.select().from(outboxMessages).where(eq(outboxMessages.kind, "reviewReminder"))).map(
      (m) => [m.to, m.subject],
    );

  beforeAll(async () => {
    const { db, handle } = getCtx();
    smtp = await startSmtpServer();
    runner = await startJobRunner(handle, { send: mailSender(smtp.url), pollingIntervalSeconds: 0.5 });
    [owner, editor, commenter] = await Promise.all([
      createUser(db, "owner", { name: "Olga Owner" }),
      createUser(db, "editor", { name: "Eddie Editor" }),
      createUser(db, "commenter", { name: "Cora Commenter" }),
    ]);
    const team = await createTeamWithMembers(db, owner, [
      { member: editor, role: "editor" },
      { member: commenter, role: "commenter" },
    ]);
    fx = await createBoardFixture(db, owner.actor, team.id, { title: "Reviewed roadmap" });
    await putCadence(db, owner.actor, fx.roadmap.id, undefined, {
      rules: [{ audience: "executive", every: "1w", nextOn: "2027-03-10" }],
    });
  }, 60_000);

  afterAll(async () => {
    await runner?.stop();
    await smtp?.close();
  });

  it("is scheduled hourly in pg-boss, so one instance of many runs each tick", async () => {
    const schedules = await runner.boss.getSchedules();
    expect(schedules).toContainEqual(
      expect.objectContaining({ name: JOB_QUEUES.reviewReminders, cron: REVIEW_REMINDER_CRON }),
    );
  });

  it("3 days before, on the day and the day after (overdue): once each, to editors and owners only", async () => {
    const { db } = getCtx();
    const soon = "The executive review of Reviewed roadmap is due in 3 days (2027-03-10)";
    const due = "The executive review of Reviewed roadmap is due today";
    const overdue = "The executive review of Reviewed roadmap is overdue (due 2027-03-10)";
    const to = (subject: string) => [
      [owner.user.email, subject],
      [editor.user.email, subject],
    ];

    expect(await queueReviewReminders(db, at("2027-03-06"))).toBe(0);
    expect(await queueReviewReminders(db, at("2027-03-07"))).toBe(2);
    // Every hourly run of the day after the first, on any instance, queues nothing more.
    expect(await queueReviewReminders(db, new Date("2027-03-07T23:05:00Z"))).toBe(0);
    expect(await queueReviewReminders(db, at("2027-03-08"))).toBe(0);
    expect(await queueReviewReminders(db, at("2027-03-10"))).toBe(2);
    expect(await queueReviewReminders(db, at("2027-03-11"))).toBe(2);
    expect(await queueReviewReminders(db, at("2027-03-12"))).toBe(0);
    expect((await reminders()).sort()).toEqual([...to(soon), ...to(due), ...to(overdue)].sort());

    // The queue's worker sends them through SMTP, with a link to the roadmap's reviews.
    const mail = await smtp.waitFor((m) => m.subject === due && smtp.to(editor.user.email).includes(m));
    expect(mail.text).toContain(`http://cairn.test/roadmaps/${fx.roadmap.id}/reviews`);
    expect(mail.text).toContain("Roadmap: Reviewed roadmap");
    expect(smtp.to(commenter.user.email)).toEqual([]);
  });
});

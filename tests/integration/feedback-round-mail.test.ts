import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { activity, feedbackRounds, outboxMessages, webhookDeliveries, webhooks } from "@/db/schema";
import { JOB_QUEUES } from "@/db/job-queue";
import { FEEDBACK_ROUND_CRON, startJobRunner, type JobRunner } from "@/lib/server/jobs/job-runner";
import { mailSender } from "@/lib/server/mail/transport";
import { createFeedbackRound } from "@/lib/services/feedback-rounds/rounds";
import { respondToFeedbackRound } from "@/lib/services/feedback-rounds/respond";
import { runFeedbackRoundSchedule } from "@/lib/services/feedback-rounds/schedule";
import { api } from "../helpers/api";
import { describeEachDatabase } from "../helpers/database";
import { createTeamWithMembers, createUser, type TestUser } from "../helpers/fixtures";
import { headerOf, linkIn, unsubscribeTarget } from "../helpers/mail";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtp";
import { createBoardFixture, type BoardFixture } from "../helpers/timeline";

const ORIGIN = "http://cairn.test";
process.env.AUTH_URL = ORIGIN;

/** Noon UTC on a day: the clock the job judges by, moved by the test (no waiting). */
const at = (day: string) => new Date(`${day}T12:00:00Z`);

describeEachDatabase("feedback round mail: opened, closing tomorrow, closed on its date", (getCtx) => {
  let smtp: TestSmtpServer;
  let runner: JobRunner;
  let owner: TestUser;
  let editor: TestUser;
  let commenter: TestUser;
  let viewer: TestUser;
  let fx: BoardFixture;
  let teamName: string;

  const mailOf = async (dedupePrefix: string) =>
    (await getCtx().db.select().from(outboxMessages).where(eq(outboxMessages.kind, "feedbackRound")))
      .filter((m) => m.dedupeKey.startsWith(dedupePrefix))
      .map((m) => m.to)
      .sort();

  beforeAll(async () => {
    const { db, handle } = getCtx();
    smtp = await startSmtpServer();
    runner = await startJobRunner(handle, { send: mailSender(smtp.url), pollingIntervalSeconds: 0.5 });
    [owner, editor, commenter, viewer] = await Promise.all([
      createUser(db, "owner", { name: "Olga Owner" }),
      createUser(db, "editor", { name: "Eddie Editor" }),
      createUser(db, "commenter", { name: "Cora Commenter" }),
      createUser(db, "viewer", { name: "Vic Viewer" }),
    ]);
    const team = await createTeamWithMembers(db, owner, [
      { member: editor, role: "editor" },
      { member: commenter, role: "commenter" },
      { member: viewer, role: "viewer" },
    ]);
    teamName = team.name;
    fx = await createBoardFixture(db, owner.actor, team.id, { title: "Asked roadmap" });
  }, 60_000);

  afterAll(async () => {
    await runner?.stop();
    await smtp?.close();
  });

  it("is scheduled hourly in pg-boss, so one instance of many runs each tick", async () => {
    expect(await runner.boss.getSchedules()).toContainEqual(
      expect.objectContaining({ name: JOB_QUEUES.feedbackRounds, cron: FEEDBACK_ROUND_CRON }),
    );
  });

  it("opening mails the members who may answer (not the opener, not viewers); the day before the last, those who have not answered; after it, the round closes as if closed by hand", async () => {
    const { db } = getCtx();
    const [hook] = await db
      .insert(webhooks)
      .values({
        teamId: fx.roadmap.teamId,
        url: "http://127.0.0.1:9/",
        events: ["feedback_round.closed"],
        secret: "whsec_dGVzdA==",
      })
      .returning();
    const round = await createFeedbackRound(
      db,
      owner.actor,
      fx.roadmap.id,
      { question: "Is the Q2 plan realistic?", audience: "executive", closesOn: "2027-03-05" },
      at("2027-03-01"),
    );
    expect(await mailOf(`feedbackRound:opened:${round.id}`)).toEqual(
      [commenter.user.email, editor.user.email].sort(),
    );

    const opened = await smtp.waitFor((m) => smtp.to(commenter.user.email).includes(m));
    expect(opened.subject).toBe("Your feedback on Asked roadmap: “Is the Q2 plan realistic?”");
    expect(opened.text).toContain("Olga Owner asked the executive audience of Asked roadmap");
    expect(opened.text).toContain(`Team: ${teamName}`);
    expect(opened.text).toContain("Roadmap: Asked roadmap");
    expect(linkIn(opened, ORIGIN).pathname).toBe(`/roadmaps/${fx.roadmap.id}/feedback/${round.id}`);
    expect(headerOf(opened, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(unsubscribeTarget(opened)?.pathname).toBe("/api/unsubscribe");

    // Cora answers; Eddie does not. Only Eddie hears the round closes tomorrow, once.
    await respondToFeedbackRound(db, commenter.actor, round.id, { rating: 4 }, at("2027-03-02"));
    expect(await runFeedbackRoundSchedule(db, at("2027-03-03"))).toEqual({ closed: 0, reminded: 0 });
    expect(await runFeedbackRoundSchedule(db, at("2027-03-04"))).toEqual({ closed: 0, reminded: 1 });
    expect(await runFeedbackRoundSchedule(db, new Date("2027-03-04T23:15:00Z"))).toEqual({
      closed: 0,
      reminded: 0,
    });
    expect(await mailOf(`feedbackRound:closingTomorrow:${round.id}`)).toEqual([editor.user.email]);
    const closing = await smtp.waitFor((m) => m.subject?.includes("closes tomorrow") === true);
    expect(closing.to).toMatchObject({ value: [{ address: editor.user.email }] });
    expect(closing.text).toContain("2027-03-05 (UTC) is the last day");

    // The last day is still open; the day after, the job closes it: once, by nobody, at the end of its day.
    expect(await runFeedbackRoundSchedule(db, at("2027-03-05"))).toEqual({ closed: 0, reminded: 0 });
    expect(await runFeedbackRoundSchedule(db, at("2027-03-06"))).toEqual({ closed: 1, reminded: 0 });
    expect(await runFeedbackRoundSchedule(db, at("2027-03-06"))).toEqual({ closed: 0, reminded: 0 });
    const [closed] = await db.select().from(feedbackRounds).where(eq(feedbackRounds.id, round.id));
    expect(closed).toMatchObject({ closedBy: null, version: round.version + 1 });
    expect(closed.closedAt?.toISOString()).toBe("2027-03-06T00:00:00.000Z");
    const changes = await db
      .select()
      .from(activity)
      .where(
        and(
          eq(activity.entity, "feedback_round"),
          eq(activity.entityId, round.id),
          eq(activity.action, "updated"),
        ),
      );
    expect(changes).toEqual([
      expect.objectContaining({
        actorId: null,
        changes: expect.objectContaining({ status: { from: "open", to: "closed" } }),
      }),
    ]);
    const deliveries = await db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.webhookId, hook.id));
    expect(deliveries.map((d) => d.event)).toEqual(["feedback_round.closed"]);
    expect(smtp.to(viewer.user.email)).toEqual([]);
    expect(smtp.to(owner.user.email)).toEqual([]);
  });

  it("the one-click unsubscribe of a round's mail turns feedback-round mail off for that person", async () => {
    const mail = await smtp.waitFor((m) => smtp.to(commenter.user.email).includes(m));
    const target = unsubscribeTarget(mail)!;
    const res = await api("POST /api/unsubscribe", {
      query: Object.fromEntries(target.searchParams),
      body: "List-Unsubscribe=One-Click",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(200);
    const settings = await api("GET /api/account/notification-settings", { token: commenter.token });
    expect(settings.json.settings.email).toMatchObject({ feedbackRound: false, mention: true });
  });
});

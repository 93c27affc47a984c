import { afterAll, beforeAll, expect, it } from "vitest";
import { startJobRunner, type JobRunner } from "@/lib/server/jobs/job-runner";
import { mailSender } from "@/lib/server/mail/transport";
import { postComment } from "../helpers/collaboration";
import { describeEachDatabase } from "../helpers/database";
import { createTeamWithMembers, createUser, type TestUser } from "../helpers/fixtures";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtp";
import { createBoardFixture, type BoardFixture } from "../helpers/timeline";

process.env.AUTH_URL = "http://cairn.test";

describeEachDatabase("email exactly once with two workers on one queue", (getCtx) => {
  let smtp: TestSmtpServer;
  const runners: JobRunner[] = [];
  let editor: TestUser;
  let priya: TestUser;
  let fx: BoardFixture;

  beforeAll(async () => {
    const { db, handle } = getCtx();
    smtp = await startSmtpServer();
    // Two pg-boss instances, as two app instances run them (on PostgreSQL each with its own pool).
    for (let i = 0; i < 2; i++)
      runners.push(await startJobRunner(handle, { send: mailSender(smtp.url), pollingIntervalSeconds: 0.5 }));
    const owner = await createUser(db, "owner", { name: "Olga Owner" });
    [editor, priya] = await Promise.all([
      createUser(db, "editor", { name: "Eddie Editor" }),
      createUser(db, "priya", { name: "Priya Shah" }),
    ]);
    const team = await createTeamWithMembers(db, owner, [
      { member: editor, role: "editor" },
      { member: priya, role: "commenter" },
    ]);
    fx = await createBoardFixture(db, owner.actor, team.id, { title: "Busy roadmap" });
  }, 60_000);

  afterAll(async () => {
    for (const runner of runners) await runner.stop();
    await smtp?.close();
  });

  it("100 mentions → 100 emails, none twice", async () => {
    for (let i = 0; i < 100; i++)
      await postComment(editor.token, fx.feature.id, { body: `@PriyaShah note ${i}` });
    const deadline = Date.now() + 60_000;
    while (smtp.to(priya.user.email).length < 100 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    await new Promise((r) => setTimeout(r, 1500)); // a duplicate would arrive about now
    const mails = smtp.to(priya.user.email);
    expect(mails).toHaveLength(100);
    const notes = mails.map((m) => /note (\d+)/.exec(m.text ?? "")?.[1]);
    expect(new Set(notes).size).toBe(100);
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(100);
  }, 120_000);
});

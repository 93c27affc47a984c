import type { Page } from "@playwright/test";
import {
  api,
  expect,
  expectAccessible,
  joinTeam,
  registerUser,
  snapshot,
  signInByApi,
  test,
} from "./fixtures";

test.describe.configure({ timeout: 120_000 });

/** A product manager's team and a roadmap from Monday 4 Jan 2027 with two milestones. */
async function seedRoadmap(page: Page) {
  const pm = await registerUser(page.request, "Priya PM");
  await signInByApi(page, pm);
  const { json: created } = await api<{ team: { id: string } }>(page, "POST", "/api/teams", {
    name: `Feedback ${Date.now().toString(36)}`,
  });
  const teamId = created.team.id;
  const { json: made } = await api<{ roadmap: { id: string } }>(
    page,
    "POST",
    `/api/teams/${teamId}/roadmaps`,
    {
      title: "Checkout 2027",
      startDate: "2027-01-04",
    },
  );
  const roadmapId = made.roadmap.id;
  for (const milestone of [
    { title: "Beta ready", startDate: "2027-03-01", outcome: "50 pilot shops check out", isKey: true },
    {
      title: "Public launch",
      startDate: "2027-05-03",
      outcome: "All shops on the new checkout",
      isKey: false,
    },
  ]) {
    const res = await api(page, "POST", `/api/roadmaps/${roadmapId}/items`, {
      kind: "milestone",
      ...milestone,
    });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
  }
  return { teamId, roadmapId };
}

test("feedback: a PM opens a round, a commenter answers, results arrive live, and a closed round is read-only", async ({
  page,
  browser,
}, testInfo) => {
  const { teamId, roadmapId } = await seedRoadmap(page);

  // The empty list explains what a round is for.
  await page.goto(`/roadmaps/${roadmapId}/feedback`);
  await expect(page.getByRole("heading", { name: "Feedback", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No feedback rounds yet" })).toBeVisible();
  await expect(
    page.getByText("asks executives, engineering or product how confident they are"),
  ).toBeVisible();
  await expectAccessible(page);

  // The PM opens a round for engineering; the closing date defaults to a week ahead.
  await page.getByRole("button", { name: "Open a feedback round" }).click();
  const dialog = page.getByRole("dialog", { name: "Open a feedback round" });
  await dialog.getByLabel("Question").fill("Can engineering deliver Checkout 2027 as planned?");
  await dialog.getByLabel("Audience").selectOption("engineering");
  const closesOn = await dialog.getByLabel("Closes on").inputValue();
  const weekAhead = new Date(Date.now() + 7 * 86_400_000);
  const localIso = (d: Date) =>
    `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  expect(closesOn).toBe(localIso(weekAhead));
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Open round" }).click();

  await expect(page).toHaveURL(new RegExp(`/roadmaps/${roadmapId}/feedback/[0-9a-f-]{36}$`));
  const roundUrl = new URL(page.url()).pathname;
  const roundId = roundUrl.split("/").pop()!;
  await expect(
    page.getByRole("heading", { name: "Can engineering deliver Checkout 2027 as planned?" }),
  ).toBeVisible();
  await expect(page.getByTestId("round-status")).toContainText("Open until");
  await expect(page.getByTestId("round-status")).toContainText("closes in 7 days");
  await expect(page.getByText("No answers yet. Results appear here as people answer.")).toBeVisible();

  // The list shows it under "Open" with its closing date and respondents.
  await page.goto(`/roadmaps/${roadmapId}/feedback`);
  const openList = page.getByRole("region", { name: /^Open/ });
  await expect(
    openList.getByRole("link", { name: "Can engineering deliver Checkout 2027 as planned?" }),
  ).toBeVisible();
  await expect(openList).toContainText("closes in 7 days");
  await expect(openList).toContainText("0 respondents");
  await expectAccessible(page);
  await snapshot(page, testInfo, "feedback-list");
  await page.goto(roundUrl);

  // A commenter answers overall (4) and one milestone (2, with a comment), each saved on its own.
  const carl = await registerUser(page.request, "Carl Commenter");
  const commenter = await joinTeam(browser, page, teamId, carl, "commenter");
  const other = commenter.page;
  await other.goto(roundUrl);
  const overall = other.getByRole("group", { name: "Overall: how confident are you in this roadmap?" });
  await overall.getByRole("radio", { name: "4 Confident" }).check();
  const overallBlock = other.getByTestId("overall-answer");
  await overallBlock.getByRole("button", { name: "Save answer" }).click();
  await expect(overallBlock.getByText("Saved")).toBeVisible();

  const launch = other.getByRole("listitem").filter({ hasText: "Public launch" }).first();
  await launch.getByRole("radio", { name: "2 Doubtful" }).check();
  await launch.getByLabel("Comment").fill("Payments certification alone takes eight weeks.");
  await launch.getByRole("button", { name: "Save answer" }).click();
  await expect(launch.getByText("Saved")).toBeVisible();
  await expect(launch.getByRole("button", { name: "Edit: Your confidence in Public launch" })).toBeVisible();
  await expectAccessible(other);
  await snapshot(other, testInfo, "feedback-round-commenter");

  // The PM's open page shows the results without a reload (live events).
  const results = page.getByTestId("round-results");
  await expect(results.getByTestId("average").first()).toHaveText("4.0", { timeout: 15_000 });
  await expect(results).toContainText("Payments certification alone takes eight weeks.");
  await expect(results).toContainText("Carl Commenter");
  await expect(
    results.getByRole("img", { name: /1 response, average 4\.0: .*1 rated 4 \(Confident\)/ }),
  ).toBeVisible();
  await expectAccessible(page);
  await snapshot(page, testInfo, "feedback-round-results");

  // The PM closes the round; the commenter's page turns read-only.
  await page.getByRole("button", { name: "Close round" }).click();
  await page
    .getByRole("dialog", { name: "Close this round?" })
    .getByRole("button", { name: "Close round" })
    .click();
  await expect(page.getByTestId("round-status")).toContainText("— read-only");
  await expect(page.getByRole("button", { name: "Close round" })).toHaveCount(0);

  await expect(other.getByTestId("round-status")).toContainText("— read-only", { timeout: 15_000 });
  await expect(other.getByRole("heading", { name: "Your answers" })).toBeVisible();
  await expect(other.getByRole("button", { name: "Save answer" })).toHaveCount(0);
  await expect(other.getByRole("radio")).toHaveCount(0);
  await expectAccessible(other);

  // An answer sent after the close is refused.
  const late = await api<{ error: { code: string } }>(
    other,
    "POST",
    `/api/feedback-rounds/${roundId}/responses`,
    {
      rating: 5,
    },
  );
  expect(late.status).toBe(422);
  expect(late.json.error.code).toBe("feedback_round_closed");

  // The list now has it under "Closed".
  await page.goto(`/roadmaps/${roadmapId}/feedback`);
  await expect(page.getByRole("region", { name: /^Closed/ })).toContainText(
    "Can engineering deliver Checkout 2027",
  );
  await commenter.close();
});

test("feedback: an answer the server refuses because the round closed meanwhile says so in place", async ({
  page,
}) => {
  const { roadmapId } = await seedRoadmap(page);
  const { json } = await api<{ round: { id: string } }>(
    page,
    "POST",
    `/api/roadmaps/${roadmapId}/feedback-rounds`,
    {
      question: "Is the launch date realistic?",
      audience: "product",
      closesOn: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10),
    },
  );
  await page.goto(`/roadmaps/${roadmapId}/feedback/${json.round.id}`);
  const roundPath = `/api/feedback-rounds/${json.round.id}`;
  const overall = page.getByRole("group", { name: "Overall: how confident are you in this roadmap?" });
  await overall.getByRole("radio", { name: "3 Unsure" }).check();
  // Closed behind this page's back: its re-reads of the round keep answering "open" meanwhile.
  const { json: stale } = await api(page, "GET", roundPath);
  await page.route(`**${roundPath}`, (route) => route.fulfill({ json: stale }));
  expect((await api(page, "POST", `${roundPath}/close`)).status).toBe(200);
  await page.getByRole("button", { name: "Save answer" }).first().click();
  await expect(
    page.getByRole("alert").filter({ hasText: "This round closed; your answer wasn't saved." }),
  ).toBeVisible();
  await page.unroute(`**${roundPath}`);
  await page.reload();
  await expect(page.getByTestId("round-status")).toContainText("— read-only");
  await expect(page.getByRole("button", { name: "Save answer" })).toHaveCount(0);
});

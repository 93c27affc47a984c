import type { Page } from "@playwright/test";
import { api, expect, expectAccessible, registerUser, snapshot, signInByApi, test } from "./fixtures";

test.describe.configure({ timeout: 120_000 });

async function created<T>(page: Page, path: string, body: unknown): Promise<T> {
  const res = await api<T>(page, "POST", path, body);
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json;
}

/**
 * A roadmap with known content from Monday 4 Jan 2027: in the "Platform" lane, "Billing API" asks
 * 600 Backend hours in Q1, where the staffing plan has one person at 20 h a week (short); the key
 * milestone "Public launch" waits for it; a risk scored 16 has no contingency; an engineer said
 * "not feasible" on Billing API.
 */
async function seedRoadmap(page: Page) {
  const user = await registerUser(page.request, "Dana Dashboards");
  await signInByApi(page, user);
  const { team } = await created<{ team: { id: string } }>(page, "/api/teams", {
    name: `Dashboards ${Date.now().toString(36)}`,
  });
  const { skill } = await created<{ skill: { id: string } }>(page, `/api/teams/${team.id}/skills`, {
    name: "Backend",
  });
  const { roadmap } = await created<{ roadmap: { id: string } }>(page, `/api/teams/${team.id}/roadmaps`, {
    title: "Payments 2027",
    startDate: "2027-01-04",
  });
  const roadmapId = roadmap.id;
  const { workstream } = await created<{ workstream: { id: string } }>(
    page,
    `/api/roadmaps/${roadmapId}/workstreams`,
    { name: "Platform" },
  );
  const { item: billing } = await created<{ item: { id: string } }>(
    page,
    `/api/roadmaps/${roadmapId}/items`,
    {
      kind: "feature",
      title: "Billing API",
      workstreamId: workstream.id,
      startDate: "2027-01-04",
      endDate: "2027-03-26",
      estimate: { optimisticHours: 500, likelyHours: 600, pessimisticHours: 900 },
      skills: [{ skillId: skill.id, hours: 600 }],
    },
  );
  const { item: launch } = await created<{ item: { id: string } }>(page, `/api/roadmaps/${roadmapId}/items`, {
    kind: "milestone",
    title: "Public launch",
    workstreamId: workstream.id,
    startDate: "2027-04-16",
    outcome: "1,000 merchants take live payments",
    isKey: true,
  });
  await created(page, `/api/roadmaps/${roadmapId}/dependencies`, { fromId: billing.id, toId: launch.id });
  await created(page, `/api/roadmaps/${roadmapId}/risks`, {
    title: "Card network certification slips",
    kind: "external",
    likelihood: 4,
    impact: 4,
    itemIds: [launch.id],
    status: "open",
  });
  const { json: staffing } = await api<{ staffing: { version: number } }>(
    page,
    "GET",
    `/api/roadmaps/${roadmapId}/staffing`,
  );
  const put = await api(
    page,
    "PUT",
    `/api/roadmaps/${roadmapId}/staffing`,
    { rows: [{ skillId: skill.id, quarter: "2027-Q1", headcount: 1, hoursPerWeek: 20 }] },
    { "if-match": `"${staffing.staffing.version}"` },
  );
  expect(put.status, JSON.stringify(put.json)).toBe(200);
  await created(page, `/api/items/${billing.id}/comments`, {
    body: "Not in one quarter with one backend engineer.",
    feasibility: "not_feasible",
  });
  return { roadmapId };
}

test("dashboards: each audience's tab shows its key content, stays in the URL and passes axe", async ({
  page,
}, testInfo) => {
  const { roadmapId } = await seedRoadmap(page);
  await page.goto(`/roadmaps/${roadmapId}/dashboards`);
  await expect(page.getByRole("heading", { name: "Dashboards", level: 1 })).toBeVisible();
  const tabs = page.getByRole("tablist", { name: "Audience" });
  await expect(tabs.getByRole("tab", { name: "Executive" })).toHaveAttribute("aria-selected", "true");

  // Executive: the key milestone with its forecast in words, the risk without contingency, the gap.
  const panel = page.getByRole("tabpanel");
  const keyMilestones = panel.getByTestId("key-milestones");
  await expect(keyMilestones.getByRole("row", { name: /Public launch/ })).toContainText(
    /\d+%\s*(Likely|At risk|Unlikely)/,
  );
  const risks = panel.getByRole("region", { name: "Top risks" });
  await expect(risks).toContainText("Card network certification slips");
  await expect(risks).toContainText("Contingency: none");
  await expect(panel.getByTestId("staffing-gaps").getByRole("row", { name: /Backend/ })).toContainText(
    "Q1 2027",
  );
  await expect(panel.getByText("No executive review yet.")).toBeVisible();
  await expect(
    panel.getByRole("img", {
      name: /^Milestones per quarter by status\. Q1 2027: none; Q2 2027: 1 planned;/,
    }),
  ).toBeVisible();
  await expectAccessible(page);
  await snapshot(page, testInfo, "dashboard-executive");

  // Engineering: the critical path in order, the not-feasible verdict, the short skill.
  await tabs.getByRole("tab", { name: "Engineering" }).click();
  await expect(page).toHaveURL(/\?audience=engineering$/);
  await expect(panel.getByTestId("critical-path").getByRole("listitem")).toHaveText([
    /Billing API/,
    /Public launch/,
  ]);
  await expect(panel.getByTestId("flagged-items")).toContainText("Billing API");
  await expect(panel.getByTestId("flagged-items")).toContainText("1 not feasible");
  await expect(panel.getByLabel("Skill", { exact: true }).locator("option:checked")).toHaveText("Backend");
  await expect(
    panel.getByRole("img", { name: /^Backend: demand against capacity per quarter\. Short in Q1 2027/ }),
  ).toBeVisible();
  await expectAccessible(page);
  await snapshot(page, testInfo, "dashboard-engineering");

  // Product: progress per lane, the risk needing contingency, the upcoming milestone.
  await tabs.getByRole("tab", { name: "Product" }).click();
  await expect(page).toHaveURL(/\?audience=product$/);
  await expect(
    panel.getByRole("img", { name: /^Progress per workstream\. Platform: 0% done, 2 items/ }),
  ).toBeVisible();
  await expect(panel.getByRole("region", { name: "Risks needing contingency" })).toContainText(
    "Card network certification slips",
  );
  await expect(panel.getByTestId("upcoming-milestones")).toContainText("Public launch");
  await expectAccessible(page);
  await snapshot(page, testInfo, "dashboard-product");

  // The tab is in the URL: a reload (or a shared link) opens it; the arrow keys move between tabs.
  await page.reload();
  await expect(tabs.getByRole("tab", { name: "Product" })).toHaveAttribute("aria-selected", "true");
  await expect(panel.getByTestId("upcoming-milestones")).toContainText("Public launch");
  await tabs.getByRole("tab", { name: "Product" }).focus();
  await page.keyboard.press("ArrowLeft");
  await expect(tabs.getByRole("tab", { name: "Engineering" })).toHaveAttribute("aria-selected", "true");
  await expect(panel.getByTestId("critical-path")).toBeVisible();
});

import type { Locator, Page } from "@playwright/test";
import {
  api,
  expect,
  expectAccessible,
  itemButton,
  joinTeam,
  registerUser,
  snapshot,
  signInByApi,
  test,
  type Item,
} from "./fixtures";

test.describe.configure({ timeout: 120_000 });

const planDate = (iso: string) =>
  new Intl.DateTimeFormat("en-US", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${iso}T00:00:00Z`));

interface Setup {
  team: { id: string; slug: string };
  roadmapId: string;
  backend: { id: string };
  billing: Item;
  launch: Item;
}

/**
 * A team with a Backend skill and a roadmap from Monday 4 Jan 2027: "Billing API" asks 600 Backend
 * hours in Q1 2027 (63 working days from 4 Jan), and the milestone "Public launch" waits for it.
 */
async function seedRoadmap(page: Page, name: string): Promise<Setup> {
  const user = await registerUser(page.request, name);
  await signInByApi(page, user);
  const { json: created } = await api<{ team: { id: string; slug: string } }>(page, "POST", "/api/teams", {
    name: `Resources ${Date.now().toString(36)}`,
  });
  const team = created.team;
  const skill = await api<{ skill: { id: string } }>(page, "POST", `/api/teams/${team.id}/skills`, {
    name: "Backend",
  });
  expect(skill.status).toBe(201);
  const roadmap = await api<{ roadmap: { id: string } }>(page, "POST", `/api/teams/${team.id}/roadmaps`, {
    title: "Payments 2027",
    startDate: "2027-01-04",
  });
  expect(roadmap.status).toBe(201);
  const roadmapId = roadmap.json.roadmap.id;
  const post = async (body: Record<string, unknown>) => {
    const res = await api<{ item: Item }>(page, "POST", `/api/roadmaps/${roadmapId}/items`, body);
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    return res.json.item;
  };
  const billing = await post({
    kind: "feature",
    title: "Billing API",
    startDate: "2027-01-04",
    endDate: "2027-03-26",
    estimate: { optimisticHours: 500, likelyHours: 600, pessimisticHours: 900 },
    skills: [{ skillId: skill.json.skill.id, hours: 600 }],
  });
  const launch = await post({
    kind: "milestone",
    title: "Public launch",
    startDate: "2027-04-16",
    outcome: "1,000 merchants take live payments",
    isKey: true,
  });
  const link = await api(page, "POST", `/api/roadmaps/${roadmapId}/dependencies`, {
    fromId: billing.id,
    toId: launch.id,
  });
  expect(link.status).toBe(201);
  return { team, roadmapId, backend: skill.json.skill, billing, launch };
}

const capacityCell = (page: Page, quarter: string) =>
  page
    .getByTestId("capacity-table")
    .getByRole("row", { name: /Backend/ })
    .getByRole("cell")
    .nth(["Q1 2027", "Q2 2027", "Q3 2027", "Q4 2027"].indexOf(quarter));

async function fillCell(page: Page, quarter: string, people: string, hours: string) {
  await page.getByLabel(`Backend, ${quarter}: people`).fill(people);
  await page.getByLabel(`Backend, ${quarter}: hours per week per person`).fill(hours);
}

test("capacity: an editor staffs a skill in the grid and the gap chart, table and ramp-up follow; a stale save keeps the edits", async ({
  page,
}, testInfo) => {
  const { roadmapId, backend } = await seedRoadmap(page, "Carla Capacity");
  await page.goto(`/roadmaps/${roadmapId}/capacity`);
  await expect(page.getByRole("heading", { name: "Capacity", level: 1 })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Roadmap sections" }).getByRole("link", { name: "Capacity" }),
  ).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("No staffing plan yet: add headcount per skill to see capacity")).toBeVisible();

  // 600 h asked, nobody planned: short, in the chart (its summary and mark) and in the table.
  const chart = page.getByRole("img", { name: /^Backend: / });
  await expect(chart).toHaveAccessibleName("Backend: short in Q1 2027 by 600 h.");
  await expect(page.getByText("▲ short", { exact: true }).first()).toBeVisible();
  await expect(capacityCell(page, "Q1 2027")).toContainText(/Demand 600 .*capacity 0 hours/);
  await expect(capacityCell(page, "Q1 2027")).toContainText("▲ 600 h short");
  await expectAccessible(page);

  // The schema's message at the field, with keyboard moves between cells.
  await page.getByLabel("Backend, Q1 2027: people").fill("-1");
  await page.keyboard.press("ArrowDown"); // one skill: nowhere to go, and Enter-like keys never submit
  await page.getByRole("button", { name: "Save staffing plan" }).click();
  await expect(page.getByText("Headcount cannot be negative.")).toBeVisible();
  await expect(page.getByLabel("Backend, Q1 2027: people")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Backend, Q1 2027: people")).toBeFocused();
  await page.keyboard.press("End");
  await page.keyboard.press("ArrowRight");
  await expect(page.getByLabel("Backend, Q1 2027: hours per week per person")).toBeFocused();

  // One person at 40 h/week: 63 working days give 504 h, still 96 h short; the ramp-up says whom to hire.
  await fillCell(page, "Q1 2027", "1", "40");
  await page.getByRole("button", { name: "Save staffing plan" }).click();
  await expect(page.getByText("Saved: capacity and the ramp-up plan are updated.")).toBeVisible();
  await expect(capacityCell(page, "Q1 2027")).toContainText(/Demand 600 .*capacity 504 hours/);
  await expect(capacityCell(page, "Q1 2027")).toContainText("▲ 96 h short");
  await expect(chart).toHaveAccessibleName("Backend: short in Q1 2027 by 96 h.");
  const rampUp = page.getByRole("table", { name: /Suggested ramp-up/ });
  await expect(rampUp.getByRole("row", { name: /1 Backend/ })).toContainText("Q1 2027");
  await expect(rampUp.getByRole("row", { name: /1 Backend/ })).toContainText(planDate("2026-11-09"));

  // Someone else saves while this editor types: their plan is shown, the edits stay, mine wins.
  await fillCell(page, "Q1 2027", "2", "40");
  const { json: current } = await api<{ staffing: { version: number } }>(
    page,
    "GET",
    `/api/roadmaps/${roadmapId}/staffing`,
  );
  const theirs = await api(
    page,
    "PUT",
    `/api/roadmaps/${roadmapId}/staffing`,
    { rows: [{ skillId: backend.id, quarter: "2027-Q1", headcount: 3, hoursPerWeek: 30 }] },
    { "if-match": `"${current.staffing.version}"` },
  );
  expect(theirs.status).toBe(200);
  await page.getByRole("button", { name: "Save staffing plan" }).click();
  const conflict = page.getByRole("status").filter({ hasText: "Someone else saved the staffing plan" });
  await expect(conflict).toBeVisible();
  await expect(page.getByText("Theirs: 3 × 30 h")).toBeVisible();
  await expect(page.getByLabel("Backend, Q1 2027: people")).toHaveValue("2");
  await conflict.getByRole("button", { name: "Save mine over theirs" }).click();
  await expect(page.getByText("Saved: capacity and the ramp-up plan are updated.")).toBeVisible();
  await expect(capacityCell(page, "Q1 2027")).toContainText(/Demand 600 .*capacity 1,008 hours/);
  await expect(capacityCell(page, "Q1 2027")).toContainText("408 h spare");
  await expect(chart).toHaveAccessibleName("Backend: capacity covers demand in every quarter.");
  await expect(page.getByText("No one to add: the staffing plan covers")).toBeVisible();
  await expectAccessible(page);
  await snapshot(page, testInfo, "capacity");
});

async function addRisk(
  page: Page,
  risk: {
    title: string;
    kind: string;
    likelihood: string;
    impact: string;
    items: string[];
    contingency?: string;
  },
) {
  await page.getByRole("button", { name: "Add risk" }).click();
  const form = page.getByRole("form", { name: "New risk" });
  await form.getByLabel("Title").fill(risk.title);
  await form.getByLabel("Kind").selectOption({ label: risk.kind });
  // The 1-5 ratings by keyboard: a radio group takes focus and Space chooses.
  for (const [group, choice] of [
    [/^Likelihood/, risk.likelihood],
    [/^Impact/, risk.impact],
  ] as const) {
    const radio = form.getByRole("group", { name: group }).getByRole("radio", { name: choice });
    await radio.focus();
    await page.keyboard.press("Space");
    await expect(radio).toBeChecked();
  }
  for (const title of risk.items) await form.getByRole("checkbox", { name: new RegExp(title) }).check();
  if (risk.contingency) await form.getByLabel(/Contingency plan/).fill(risk.contingency);
  await form.getByRole("button", { name: "Add risk" }).click();
  await expect(form).toBeHidden();
}

const riskRow = (page: Page, title: string): Locator =>
  page.getByRole("table", { name: /Risk register/ }).getByRole("row", { name: new RegExp(title) });

test("risks: a high risk without contingency is flagged in the register and on the timeline; edit in place, heat map, external factors, delete with undo", async ({
  page,
}, testInfo) => {
  const { roadmapId } = await seedRoadmap(page, "Rita Risk");
  await page.goto(`/roadmaps/${roadmapId}/risks`);
  await expect(page.getByRole("heading", { name: "No risks recorded yet" })).toBeVisible();

  // The form's own validation first.
  await page.getByRole("button", { name: "Add risk" }).click();
  await page.getByRole("form", { name: "New risk" }).getByRole("button", { name: "Add risk" }).click();
  await expect(page.getByText("Title must not be empty.")).toBeVisible();
  await page.getByRole("form", { name: "New risk" }).getByRole("button", { name: "Cancel" }).click();

  await addRisk(page, {
    title: "Card network certification slips",
    kind: "Dependency",
    likelihood: "4 Likely",
    impact: "5 Severe",
    items: ["Billing API"],
  });
  const row = riskRow(page, "Card network certification slips");
  await expect(row).toContainText(/Score 20\W+High/);
  await expect(row).toContainText("High risk, no contingency plan");
  await expect(
    page.getByRole("button", { name: "Likelihood 4, impact 5 (score 20, high): 1 risk" }),
  ).toBeVisible();
  await expect(page.getByText("1 high risk has no contingency plan")).toBeVisible();

  // The timeline marks the feature, in its name too.
  await page
    .getByRole("navigation", { name: "Roadmap sections" })
    .getByRole("link", { name: "Timeline" })
    .click();
  const bar = itemButton(page, "Feature", "Billing API");
  await expect(bar).toHaveAttribute(
    "aria-label",
    /High risk without a contingency plan: “Card network certification slips”\.$/,
  );
  await expect(bar.locator("[data-risk-flag]")).toBeVisible();
  await expect(page.getByText("1 item is linked to a high risk without a contingency plan.")).toBeVisible();
  await page.getByRole("link", { name: "Review the risks" }).click();

  // An external factor: it threatens the milestone that waits on its linked feature.
  await addRisk(page, {
    title: "New PSD3 rules",
    kind: "External factor",
    likelihood: "2 Unlikely",
    impact: "3 Moderate",
    items: ["Billing API"],
  });
  const external = page.getByRole("region", { name: "External factors" });
  const threatened = external.getByRole("list", { name: "Milestones “New PSD3 rules” threatens" });
  await expect(threatened.getByRole("listitem").filter({ hasText: "Public launch" })).toContainText(
    "through “Billing API”",
  );

  // The heat map filters the register; the register's filters narrow it too.
  await page.getByRole("button", { name: /Likelihood 2, impact 3/ }).click();
  await expect(page.getByRole("button", { name: /Likelihood 2, impact 3/ })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(riskRow(page, "Card network")).toHaveCount(0);
  await expect(riskRow(page, "New PSD3 rules")).toBeVisible();
  await page.getByRole("button", { name: "Reset filters" }).click();
  await page.getByLabel("Needs contingency").check();
  await expect(riskRow(page, "New PSD3 rules")).toHaveCount(0);
  await expect(riskRow(page, "Card network")).toBeVisible();
  await expectAccessible(page);
  await snapshot(page, testInfo, "risks");
  await page.getByRole("button", { name: "Reset filters" }).click();

  // Edit in place: a contingency plan clears the flag, here and on the timeline.
  await page.getByRole("button", { name: "Edit “Card network certification slips”" }).click();
  const form = page.getByRole("form", { name: "Edit risk “Card network certification slips”" });
  await form
    .getByLabel(/Contingency plan/)
    .fill("Launch on the existing acquirer; certify the new one after.");
  await expectAccessible(page);
  await form.getByRole("button", { name: "Save risk" }).click();
  await expect(form).toBeHidden();
  await expect(riskRow(page, "Card network")).not.toContainText("no contingency plan");
  await expect(page.getByText("Every high risk has a contingency plan.")).toBeVisible();

  // Someone else changes a risk while it is open here: theirs is shown, the edit is kept and wins.
  await page.getByRole("button", { name: "Edit “New PSD3 rules”" }).click();
  const open = page.getByRole("form", { name: /^Edit risk/ });
  await open.getByLabel(/Delay if it happens/).fill("12");
  const { json: list } = await api<{ items: { id: string; title: string; version: number }[] }>(
    page,
    "GET",
    `/api/roadmaps/${roadmapId}/risks`,
  );
  const psd3 = list.items.find((r) => r.title === "New PSD3 rules")!;
  const changed = await api(
    page,
    "PATCH",
    `/api/risks/${psd3.id}`,
    { title: "PSD3 rules", likelihood: 3 },
    { "if-match": `"${psd3.version}"` },
  );
  expect(changed.status).toBe(200);
  await open.getByRole("button", { name: "Save risk" }).click();
  const clash = open.getByRole("status").filter({ hasText: "Someone else changed this risk" });
  await expect(clash).toContainText("PSD3 rules");
  await expect(open.getByLabel(/Delay if it happens/)).toHaveValue("12");
  await clash.getByRole("button", { name: "Save mine over theirs" }).click();
  await expect(open).toBeHidden();
  await expect(riskRow(page, "New PSD3 rules")).toContainText("12 d");

  // Delete, then undo.
  await page.getByRole("button", { name: "Edit “New PSD3 rules”" }).click();
  await page.getByRole("button", { name: "Delete risk" }).click();
  await expect(riskRow(page, "New PSD3 rules")).toHaveCount(0);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(riskRow(page, "New PSD3 rules")).toBeVisible();

  await page
    .getByRole("navigation", { name: "Roadmap sections" })
    .getByRole("link", { name: "Timeline" })
    .click();
  await expect(bar).not.toHaveAttribute("aria-label", /High risk/);
  await expect(bar.locator("[data-risk-flag]")).toHaveCount(0);
});

test("forecast: runs with a chosen size and seed, states its method, and gives each milestone's P80", async ({
  page,
}, testInfo) => {
  const { roadmapId, launch } = await seedRoadmap(page, "Fred Forecast");
  await page.goto(`/roadmaps/${roadmapId}/forecast`);
  // The default run starts with the page.
  await expect(page.getByText(/^5,000 simulations with seed 1, computed in/)).toBeVisible();
  await expect(
    page.getByText(/drawn from a PERT-beta distribution of its three-point estimate/),
  ).toBeVisible();

  await page.getByLabel("Simulations").selectOption("20000");
  await page.getByLabel("Seed").fill("x");
  await page.getByRole("button", { name: "Run forecast" }).click();
  await expect(page.getByText("seed must be a number.")).toBeVisible();
  await page.getByLabel("Seed").fill("42");
  await page.getByRole("button", { name: "Run forecast" }).click();
  await expect(page.getByText(/^20,000 simulations with seed 42, computed in/)).toBeVisible();

  const { json: expected } = await api<{
    milestones: { id: string; p80: string; onTimeProbability: number }[];
  }>(page, "GET", `/api/roadmaps/${roadmapId}/forecast?runs=20000&seed=42`);
  const p80 = expected.milestones.find((m) => m.id === launch.id)!.p80;
  const milestoneRow = page.locator(`tr[data-milestone-id="${launch.id}"]`);
  await expect(milestoneRow.locator('td[data-percentile="p80"]')).toContainText(planDate(p80));
  await expect(
    page.getByRole("img", { name: /^Public launch: the share of runs that reach it by each date/ }),
  ).toBeVisible();
  await expect(
    page.getByRole("heading", { name: "The items that most often decide the dates" }),
  ).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Billing API" })).toContainText("%");
  await expectAccessible(page);
  await snapshot(page, testInfo, "forecast");
});

test("a viewer reads capacity, risks and forecast without any control to change them", async ({
  page,
  browser,
}, testInfo) => {
  const { team, roadmapId, backend } = await seedRoadmap(page, "Olga Owner");
  const { json: plan } = await api<{ staffing: { version: number } }>(
    page,
    "GET",
    `/api/roadmaps/${roadmapId}/staffing`,
  );
  await api(
    page,
    "PUT",
    `/api/roadmaps/${roadmapId}/staffing`,
    { rows: [{ skillId: backend.id, quarter: "2027-Q1", headcount: 1, hoursPerWeek: 32 }] },
    { "if-match": `"${plan.staffing.version}"` },
  );
  const created = await api(page, "POST", `/api/roadmaps/${roadmapId}/risks`, {
    title: "Acquirer sandbox outage",
    kind: "roadblock",
    likelihood: 5,
    impact: 3,
    itemIds: [],
  });
  expect(created.status).toBe(201);

  const viewer = await joinTeam(
    browser,
    page,
    team.id,
    await registerUser(page.request, "Vera Viewer"),
    "viewer",
  );
  const v = viewer.page;
  try {
    await v.goto(`/roadmaps/${roadmapId}/capacity`);
    await expect(v.getByText("View only · viewer")).toBeVisible();
    await expect(v.getByRole("table", { name: /Staffing plan/ })).toContainText("1 × 32 h");
    await expect(v.getByRole("textbox")).toHaveCount(0);
    await expect(v.getByRole("button", { name: "Save staffing plan" })).toHaveCount(0);
    await expectAccessible(v);
    await snapshot(v, testInfo, "capacity-viewer");

    await v
      .getByRole("navigation", { name: "Roadmap sections" })
      .getByRole("link", { name: "Risks" })
      .click();
    await expect(v.getByRole("heading", { name: "Risks", level: 1 })).toBeVisible();
    await expect(v.getByRole("button", { name: "Add risk" })).toHaveCount(0);
    await v.getByRole("button", { name: "Details “Acquirer sandbox outage”" }).click();
    await expect(v.getByText("5 (almost certain) × 3 (moderate) = 15")).toBeVisible();
    await expect(v.getByRole("textbox")).toHaveCount(0);
    await expectAccessible(v);

    await v
      .getByRole("navigation", { name: "Roadmap sections" })
      .getByRole("link", { name: "Forecast" })
      .click();
    await expect(v.getByText(/^5,000 simulations with seed 1, computed in/)).toBeVisible();
    await expectAccessible(v);

    await v
      .getByRole("navigation", { name: "Roadmap sections" })
      .getByRole("link", { name: "Activity" })
      .click();
    await expect(v.getByRole("heading", { name: "Activity", level: 1 })).toBeVisible();
    await expect(
      v.getByRole("navigation", { name: "Roadmap sections" }).getByRole("link", { name: "Activity" }),
    ).toHaveAttribute("aria-current", "page");
  } finally {
    await viewer.close();
  }
});

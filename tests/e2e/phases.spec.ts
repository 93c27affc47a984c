import type { Page } from "@playwright/test";
import {
  api,
  expect,
  expectAccessible,
  itemButton,
  joinTeam,
  registerUser,
  signInByApi,
  snapshot,
  test,
  type TestUser,
} from "./fixtures";

test.describe.configure({ timeout: 150_000 });

interface Seeded {
  user: TestUser;
  team: { id: string; slug: string };
  roadmapId: string;
}

/**
 * A team with a Backend skill and a roadmap from Monday 4 Jan 2027 (12 months, no staffing plan):
 * "Core API" asks 300 Backend hours in February, "Checkout" 400 in May.
 */
async function seedRoadmap(page: Page, name: string): Promise<Seeded> {
  const user = await registerUser(page.request, name);
  await signInByApi(page, user);
  const { json: created } = await api<{ team: { id: string; slug: string } }>(page, "POST", "/api/teams", {
    name: `Phases ${Date.now().toString(36)}`,
  });
  const team = created.team;
  const skill = await api<{ skill: { id: string } }>(page, "POST", `/api/teams/${team.id}/skills`, {
    name: "Backend",
  });
  expect(skill.status).toBe(201);
  const roadmap = await api<{ roadmap: { id: string } }>(page, "POST", `/api/teams/${team.id}/roadmaps`, {
    title: "Marketplace 2027",
    startDate: "2027-01-04",
  });
  expect(roadmap.status).toBe(201);
  const roadmapId = roadmap.json.roadmap.id;
  for (const [title, startDate, endDate, hours] of [
    ["Core API", "2027-02-01", "2027-02-26", 300],
    ["Checkout", "2027-05-03", "2027-05-28", 400],
  ] as const) {
    const res = await api(page, "POST", `/api/roadmaps/${roadmapId}/items`, {
      kind: "feature",
      title,
      startDate,
      endDate,
      skills: [{ skillId: skill.json.skill.id, hours }],
    });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
  }
  return { user, team, roadmapId };
}

const PHASES = [
  { name: "Discovery", start: "2027-01-04", end: "2027-03-31", gate: "Scope go" },
  { name: "Build", start: "2027-04-01", end: "2027-09-30", gate: "Beta go" },
  { name: "Launch", start: "2027-10-01", end: "2027-12-31", gate: "Launch go" },
];

async function fillPhaseForm(page: Page, phase: { name: string; start: string; end: string; gate?: string }) {
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(phase.name);
  await dialog.getByLabel("Starts").fill(phase.start);
  await dialog.getByLabel("Ends").fill(phase.end);
  if (phase.gate) {
    await dialog.getByLabel("Gate title").fill(phase.gate);
    await dialog.getByLabel("Outcome to pass it").fill(`${phase.gate}: the criteria are met`);
  }
}

const phaseRow = (page: Page, name: string) =>
  page.getByTestId("phase-row").filter({ has: page.getByRole("heading", { name: new RegExp(name) }) });

test("phases: an editor adds three phases with gates, sees the bands and hours per phase, and records a replan at the first gate", async ({
  page,
}, testInfo) => {
  const { user, roadmapId } = await seedRoadmap(page, "Petra Phases");
  await page.goto(`/roadmaps/${roadmapId}/phases`);
  await expect(page.getByRole("heading", { name: "Phases", level: 1 })).toBeVisible();
  await expect(page.getByText("No phases yet")).toBeVisible();

  for (const phase of PHASES) {
    await page.getByRole("button", { name: "Add phase" }).first().click();
    await fillPhaseForm(page, phase);
    await page.getByRole("dialog").getByRole("button", { name: "Add phase" }).click();
    await expect(page.getByRole("dialog")).toBeHidden();
    await expect(phaseRow(page, phase.name)).toBeVisible();
  }
  await expect(page.getByTestId("phase-row")).toHaveCount(3);

  // An overlapping phase: the server's 422 phase_overlap names the other phase; nothing is added.
  await page.getByRole("button", { name: "Add phase" }).first().click();
  await fillPhaseForm(page, { name: "Hardening", start: "2027-03-15", end: "2027-04-15" });
  await page.getByRole("dialog").getByRole("button", { name: "Add phase" }).click();
  await expect(page.getByRole("dialog").getByRole("alert")).toContainText("Phases cannot overlap");
  await expect(page.getByRole("dialog").getByRole("alert")).toContainText("“Discovery”");
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("phase-row")).toHaveCount(3);

  // Later phases wait on the undecided first gate.
  await expect(phaseRow(page, "Discovery")).not.toContainText("Subject to replanning");
  await expect(phaseRow(page, "Build")).toContainText("Subject to replanning");
  await expect(phaseRow(page, "Launch")).toContainText("Subject to replanning");
  await expect(phaseRow(page, "Discovery")).toContainText("Undecided");

  // Hours per phase: nobody is planned, so each phase with demand is short by all of it.
  await expect(phaseRow(page, "Discovery")).toContainText("300 h needed, 0 h planned");
  const table = page.getByTestId("phase-capacity-table");
  await expect(table.getByRole("columnheader", { name: /Build/ })).toBeVisible();
  const backend = table.getByRole("row", { name: /^Backend/ });
  await expect(backend.getByRole("cell").nth(0)).toContainText("▲ 300 h short");
  await expect(backend.getByRole("cell").nth(1)).toContainText("▲ 400 h short");
  await expectAccessible(page);
  await snapshot(page, testInfo, "phases-page");

  // A stale edit: someone renames Launch meanwhile; the dialog shows theirs and saves over it.
  await page.getByRole("button", { name: "Edit “Launch”" }).click();
  const launch = (
    await api<{ items: { id: string; name: string; version: number }[] }>(
      page,
      "GET",
      `/api/roadmaps/${roadmapId}/phases`,
    )
  ).json.items.find((p) => p.name === "Launch")!;
  expect(
    (
      await api(
        page,
        "PATCH",
        `/api/phases/${launch.id}`,
        { name: "Go to market" },
        {
          "If-Match": `"${launch.version}"`,
        },
      )
    ).status,
  ).toBe(200);
  await page.getByRole("dialog").getByLabel("Name").fill("General availability");
  await page.getByRole("dialog").getByRole("button", { name: "Save phase" }).click();
  await expect(page.getByRole("dialog")).toContainText("Someone changed this phase while you were editing");
  await expect(page.getByRole("dialog")).toContainText("It is now “Go to market”");
  await page.getByRole("dialog").getByRole("button", { name: "Save over their changes" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(phaseRow(page, "General availability")).toBeVisible();

  // The timeline: a band per phase, the gates undecided, later phases marked.
  await page.goto(`/roadmaps/${roadmapId}`);
  const bands = page.getByRole("list", { name: "Phases" });
  await expect(bands.getByRole("link")).toHaveCount(3);
  await expect(
    bands.getByRole("link", { name: /^Phase Discovery, .*gate “Scope go”: Undecided$/ }),
  ).toBeVisible();
  await expect(
    bands.getByRole("link", { name: /^Phase Build, .*gate “Beta go”: Undecided, subject to replanning$/ }),
  ).toBeVisible();
  // An item shows the phase its start falls in.
  await itemButton(page, "Feature", "Checkout").click();
  await expect(page.getByTestId("item-phase")).toHaveText("Phase: Build (subject to replanning)");
  await page.keyboard.press("Escape");

  // The decision, from the band's link to the phase.
  await bands.getByRole("link", { name: /^Phase Discovery/ }).click();
  await expect(page).toHaveURL(new RegExp(`/roadmaps/${roadmapId}/phases#phase-`));
  await page.getByRole("button", { name: "Record decision for “Discovery”" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Record decision" }).click();
  await expect(dialog.getByText("Choose proceed, replan or stop.")).toBeVisible();
  await dialog.getByRole("radio", { name: /Replan/ }).check();
  await dialog.getByLabel("Notes").fill("Scope grew: Build needs a second backend team.");
  await dialog.getByRole("button", { name: "Record decision" }).click();
  await expect(dialog).toBeHidden();
  const discovery = phaseRow(page, "Discovery");
  await expect(discovery).toContainText("Replan");
  await expect(discovery).toContainText(`decided by ${user.name}`);
  await expect(discovery).toContainText("Scope grew: Build needs a second backend team.");
  await expect(discovery.getByRole("link", { name: "What changed since the decision" })).toHaveAttribute(
    "href",
    new RegExp(`/roadmaps/${roadmapId}/reviews/compare\\?from=.+&to=now`),
  );
  await expect(page.getByRole("button", { name: "Record decision for “Discovery”" })).toHaveCount(0);
  await expect(phaseRow(page, "Build")).toContainText("Subject to replanning");

  // A decision someone else recorded first: 409 gate_decided, shown in the dialog.
  await page.getByRole("button", { name: "Record decision for “Build”" }).click();
  const build = (
    await api<{ items: { id: string; name: string }[] }>(page, "GET", `/api/roadmaps/${roadmapId}/phases`)
  ).json.items.find((p) => p.name === "Build")!;
  expect(
    (await api(page, "POST", `/api/phases/${build.id}/decision`, { decision: "proceed", notes: "" })).status,
  ).toBe(201);
  await dialog.getByRole("radio", { name: /Stop/ }).check();
  await dialog.getByRole("button", { name: "Record decision" }).click();
  await expect(dialog.getByRole("alert")).toContainText("This gate has been decided already");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(phaseRow(page, "Build")).toContainText("Proceed");

  // On the timeline and in the activity log.
  await page.goto(`/roadmaps/${roadmapId}`);
  await expect(
    bands.getByRole("link", { name: /^Phase Discovery, .*gate “Scope go”: Replan$/ }),
  ).toBeVisible();
  await snapshot(page, testInfo, "timeline-phases");
  await page.goto(`/roadmaps/${roadmapId}/activity`);
  await expect(
    page.locator("[data-activity-id]").filter({ hasText: "decided the gate ‘Scope go’: replan" }),
  ).toContainText("Scope grew");
  await expect(page.getByText("added the phase ‘Discovery’")).toBeVisible();
});

test("phases: a viewer reads phases, bands and hours with no write controls; the capacity page shows hours per phase and the headcount chart", async ({
  page,
  browser,
}, testInfo) => {
  const { team, roadmapId } = await seedRoadmap(page, "Omar Owner");
  const ids: string[] = [];
  for (const phase of PHASES) {
    const res = await api<{ phase: { id: string } }>(page, "POST", `/api/roadmaps/${roadmapId}/phases`, {
      name: phase.name,
      startDate: phase.start,
      endDate: phase.end,
      gate: { title: phase.gate, outcome: `${phase.gate}: the criteria are met` },
    });
    expect(res.status).toBe(201);
    ids.push(res.json.phase.id);
  }
  expect(
    (await api(page, "POST", `/api/phases/${ids[0]}/decision`, { decision: "proceed", notes: "On track." }))
      .status,
  ).toBe(201);

  // The capacity page: the per-phase table, the ramp-up's phases and the headcount chart.
  await page.goto(`/roadmaps/${roadmapId}/capacity`);
  await expect(page.getByRole("heading", { name: "Demand and capacity by phase" })).toBeVisible();
  await expect(page.getByTestId("phase-capacity-table").getByRole("row", { name: /^Backend/ })).toContainText(
    "▲ 400 h short",
  );
  const rampUp = page.getByRole("table", { name: /Suggested ramp-up/ });
  await expect(rampUp.getByRole("columnheader", { name: "For phase" })).toBeVisible();
  await expect(rampUp.getByRole("row", { name: /Backend/ }).first()).toContainText("Discovery");
  await expect(page.getByRole("img", { name: /^Headcount of all skills per quarter/ })).toBeVisible();
  await page.getByLabel("Skill", { exact: true }).selectOption({ label: "Backend" });
  await expect(page.getByRole("img", { name: /^Headcount of Backend per quarter/ })).toBeVisible();
  await expectAccessible(page);
  await snapshot(page, testInfo, "capacity-by-phase");

  const viewerUser = await registerUser(page.request, "Vera Viewer");
  const viewer = await joinTeam(browser, page, team.id, viewerUser, "viewer");
  try {
    await viewer.page.goto(`/roadmaps/${roadmapId}/phases`);
    await expect(viewer.page.getByTestId("phase-row")).toHaveCount(3);
    await expect(phaseRow(viewer.page, "Discovery")).toContainText("Proceed");
    // Past a "proceed", only the phases after the next undecided gate wait.
    await expect(phaseRow(viewer.page, "Build")).not.toContainText("Subject to replanning");
    await expect(phaseRow(viewer.page, "Launch")).toContainText("Subject to replanning");
    await expect(viewer.page.getByTestId("phase-capacity-table")).toBeVisible();
    for (const name of [/^Add phase/, /^Edit/, /^Delete/, /^Record decision/]) {
      await expect(viewer.page.getByRole("button", { name })).toHaveCount(0);
    }
    await expectAccessible(viewer.page);
    // The API refuses a viewer's decision too (403), and nothing changes.
    const refused = await api<{ error: { code: string } }>(
      viewer.page,
      "POST",
      `/api/phases/${ids[1]}/decision`,
      {
        decision: "stop",
        notes: "",
      },
    );
    expect(refused.status).toBe(403);
    await viewer.page.goto(`/roadmaps/${roadmapId}`);
    await expect(viewer.page.getByRole("list", { name: "Phases" }).getByRole("link")).toHaveCount(3);
    await expect(
      viewer.page.getByRole("link", { name: /^Phase Build, .*gate “Beta go”: Undecided$/ }),
    ).toBeVisible();
    await expect(
      viewer.page.getByRole("link", { name: /^Phase Launch, .*: Undecided, subject to replanning$/ }),
    ).toBeVisible();
    await snapshot(viewer.page, testInfo, "timeline-viewer");
  } finally {
    await viewer.close();
  }
});

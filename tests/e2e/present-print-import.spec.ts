import type { Page } from "@playwright/test";
import {
  api,
  expect,
  expectAccessible,
  itemButton,
  registerUser,
  signInByApi,
  test,
  type Item,
} from "./fixtures";

test.describe.configure({ timeout: 150_000 });

const SHOTS = "/tmp/shots-h";
const MSPDI = "/work/shared/testdata/mspdi/Sample1.xml";

async function shoot(page: Page, name: string, widths: readonly number[] = [1280, 390]) {
  for (const width of widths) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/**
 * The demo-sized plan: two lanes, six features, seven key milestones, four risks, a skill asked
 * for without staff (a gap), and an executive review after which a feature moved.
 */
async function seedDemoSized(page: Page) {
  const user = await registerUser(page.request, "Petra Present");
  await signInByApi(page, user);
  const { json: created } = await api<{ team: { id: string; slug: string } }>(page, "POST", "/api/teams", {
    name: `Present ${Date.now().toString(36)}`,
  });
  const team = created.team;
  const { json: made } = await api<{ roadmap: { id: string } }>(
    page,
    "POST",
    `/api/teams/${team.id}/roadmaps`,
    {
      title: "Orbit 2027",
      startDate: "2027-01-01",
    },
  );
  const roadmapId = made.roadmap.id;
  const { json: skill } = await api<{ skill: { id: string } }>(page, "POST", `/api/teams/${team.id}/skills`, {
    name: "Backend",
  });
  const lanes: string[] = [];
  for (const name of ["Platform", "Apps"]) {
    const { json } = await api<{ workstream: { id: string } }>(
      page,
      "POST",
      `/api/roadmaps/${roadmapId}/workstreams`,
      { name },
    );
    lanes.push(json.workstream.id);
  }
  const post = async (body: Record<string, unknown>) => {
    const res = await api<{ item: Item }>(page, "POST", `/api/roadmaps/${roadmapId}/items`, body);
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    return res.json.item;
  };
  const features: Item[] = [];
  const spans = [
    ["Identity service", "2027-01-11", "2027-03-19"],
    ["Billing engine", "2027-02-01", "2027-05-28"],
    ["Mobile shell", "2027-03-01", "2027-06-25"],
    ["Offline sync", "2027-06-07", "2027-09-24"],
    ["Partner API", "2027-07-05", "2027-10-29"],
    ["Analytics", "2027-09-06", "2027-12-10"],
  ];
  for (const [i, [title, startDate, endDate]] of spans.entries()) {
    features.push(
      await post({
        kind: "feature",
        title,
        startDate,
        endDate,
        workstreamId: lanes[i % 2],
        estimate: { optimisticHours: 300, likelyHours: 400, pessimisticHours: 700 },
        skills: [{ skillId: skill.skill.id, hours: 400 }],
      }),
    );
  }
  const milestones = [
    ["Private alpha", "2027-02-15"],
    ["Billing live", "2027-04-12"],
    ["Public beta", "2027-05-17"],
    ["App store launch", "2027-07-12"],
    ["Partner pilot", "2027-09-13"],
    ["Offline GA", "2027-10-11"],
    ["Year-end review", "2027-12-13"],
  ];
  for (const [i, [title, date]] of milestones.entries()) {
    await post({
      kind: "milestone",
      title,
      startDate: date,
      outcome: `${title} reached`,
      isKey: true,
      workstreamId: lanes[i % 2],
    });
  }
  const risks = [
    ["Payment provider certification slips", 4, 4, null],
    ["Two senior engineers leave", 2, 5, "Pair on every critical service"],
    ["App store review rejects the app", 3, 3, null],
    ["Partner contract unsigned", 2, 2, null],
  ] as const;
  for (const [title, likelihood, impact, contingency] of risks) {
    const res = await api(page, "POST", `/api/roadmaps/${roadmapId}/risks`, {
      title,
      kind: "external",
      likelihood,
      impact,
      itemIds: [],
      status: "open",
      ...(contingency && { contingency }),
    });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
  }
  const review = await api(page, "POST", `/api/roadmaps/${roadmapId}/reviews`, {
    audience: "executive",
    heldOn: new Date().toISOString().slice(0, 10),
    notes: "Quarterly check",
    decisions: ["Keep the beta date"],
  });
  expect(review.status, JSON.stringify(review.json)).toBe(201);
  const moved = features[3];
  const patch = await api(
    page,
    "PATCH",
    `/api/items/${moved.id}`,
    { startDate: "2027-06-21", endDate: "2027-10-08" },
    {
      "if-match": `"${moved.version}"`,
    },
  );
  expect(patch.status, JSON.stringify(patch.json)).toBe(200);
  return { team, roadmapId };
}

/** Pages in a PDF: its /Type /Page objects (not the /Pages tree). */
function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

test("the executive one-pager prints on exactly one A4 page without the app's navigation", async ({
  page,
}) => {
  const { roadmapId } = await seedDemoSized(page);
  await page.goto(`/roadmaps/${roadmapId}/one-pager`);
  await expect(page.getByRole("heading", { name: "Orbit 2027", level: 1 })).toBeVisible();
  const milestones = page.getByRole("table", { name: /Key milestones/ });
  await expect(milestones.getByRole("row")).toHaveCount(8); // header + 7
  // Header, three risks, and the "+1 more" row: the brief never lists more than three.
  await expect(page.getByRole("table", { name: /highest-scoring open risks/ }).getByRole("row")).toHaveCount(
    5,
  );
  await expect(page.getByText("+1 more open risks")).toBeVisible();
  await expect(page.getByText(/Since the review of/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Print / Save as PDF" })).toBeVisible();
  await expectAccessible(page);
  await shoot(page, "one-pager");

  const navs = await page.getByRole("navigation").all();
  expect(navs.length).toBeGreaterThan(0);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Print / Save as PDF" })).toBeHidden();
  for (const nav of navs) await expect(nav).toBeHidden();
  await expect(
    page.locator("header").filter({ has: page.getByRole("link", { name: /Cairn/ }) }),
  ).toBeHidden();
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.screenshot({ path: `${SHOTS}/one-pager-print.png`, fullPage: true });
  const pdf = await page.pdf({ format: "A4", printBackground: true, path: `${SHOTS}/one-pager.pdf` });
  expect(pdfPageCount(pdf)).toBe(1);
  await page.emulateMedia({ media: "screen" });
});

test("presentation mode: keys move through the slides and Esc returns to the timeline", async ({ page }) => {
  const { roadmapId } = await seedDemoSized(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`/roadmaps/${roadmapId}/present`);
  const deck = page.getByRole("dialog", { name: "Presentation: Orbit 2027" });
  await expect(deck).toBeVisible();
  const counter = page.getByTestId("slide-counter");
  // Title, the timeline, four quarters of 2027, key milestones, risks, changes.
  await expect(counter).toHaveText("1 / 9");
  await expect(deck.getByRole("heading", { name: "Orbit 2027" })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/present-title-1280.png` });

  await page.keyboard.press("ArrowRight");
  await expect(counter).toHaveText("2 / 9");
  await expect(deck.getByRole("heading", { name: "Timeline" })).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await expect(counter).toHaveText("3 / 9");
  await expect(deck.getByRole("heading", { name: "Q1 2027" })).toBeVisible();
  await expect(deck.getByText("Private alpha")).toBeVisible();
  await expect(page.getByText("Slide 3 of 9: Q1 2027")).toBeAttached();
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/present-quarter-1280.png` });
  await page.keyboard.press("Space");
  await expect(counter).toHaveText("4 / 9");
  await page.keyboard.press("ArrowLeft");
  await expect(counter).toHaveText("3 / 9");

  await page.keyboard.press("End");
  await expect(counter).toHaveText("9 / 9");
  await expect(deck.getByRole("heading", { name: "What changed since the last review" })).toBeVisible();
  await expect(deck.getByText("Offline sync")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/present-changes-1280.png` });
  await page.keyboard.press("PageUp");
  await expect(counter).toHaveText("8 / 9");
  await expect(deck.getByText("Payment provider certification slips")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/present-risks-1280.png` });
  await page.keyboard.press("PageUp");
  await expect(counter).toHaveText("7 / 9");
  await page.screenshot({ path: `${SHOTS}/present-milestones-1280.png` });
  await page.keyboard.press("Home");
  await expect(counter).toHaveText("1 / 9");
  await deck.getByRole("button", { name: "Next slide" }).click();
  await expect(counter).toHaveText("2 / 9");
  await deck.getByRole("button", { name: "Next slide" }).click();
  await expect(counter).toHaveText("3 / 9");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/present-quarter-390.png` });

  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(new RegExp(`/roadmaps/${roadmapId}$`));
});

test("an editor imports a Microsoft Project plan through the page and opens it", async ({ page }) => {
  const { team } = await seedDemoSized(page);
  await page.goto(`/teams/${team.slug}`);
  await page.getByRole("link", { name: "Import", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Import a roadmap", level: 1 })).toBeVisible();
  await expect(page.getByText("Microsoft Project XML (.xml)")).toBeVisible();
  await expectAccessible(page);
  await shoot(page, "import");

  // Whether the progress bar showed, however quick the import.
  await page.evaluate(() => {
    const w = window as unknown as { sawProgress: boolean };
    w.sawProgress = false;
    new MutationObserver(() => {
      if (document.querySelector('[role="progressbar"]')) w.sawProgress = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
  await page.getByLabel(/^Plan file/).setInputFiles(MSPDI);
  await expect(page.getByText("Sample1.xml")).toBeVisible();
  await page.getByRole("button", { name: "Import roadmap" }).click();
  await expect(page.getByText(/imported/).first()).toBeVisible({ timeout: 30_000 });
  expect(await page.evaluate(() => (window as unknown as { sawProgress: boolean }).sawProgress)).toBe(true);
  await expect(page.getByText("From a Microsoft Project plan")).toBeVisible();
  await expect(page.getByRole("table", { name: /Skipped/ })).toBeVisible();
  await expectAccessible(page);
  await shoot(page, "import-report");

  await page.getByRole("link", { name: "Open the roadmap" }).click();
  await expect(page).toHaveURL(/\/roadmaps\/[0-9a-f-]+$/);
  await expect(itemButton(page, "Feature", "Task 1")).toBeVisible();
  await expect(itemButton(page, "Milestone", "Milestone 1")).toBeVisible();
});

test("a refused file is explained in the page", async ({ page }) => {
  const { team } = await seedDemoSized(page);
  await page.goto(`/teams/${team.slug}/roadmaps/import`);
  const alert = page.getByRole("region", { name: "Upload a file" }).getByRole("alert");
  await page.getByLabel(/^Plan file/).setInputFiles({
    name: "evil.xml",
    mimeType: "application/xml",
    buffer: Buffer.from(
      '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x "y">]><Project><Name>&x;</Name></Project>',
    ),
  });
  await page.getByRole("button", { name: "Import roadmap" }).click();
  await expect(alert).toContainText("This XML declares entities or a DOCTYPE");
  await page.getByLabel(/^Plan file/).setInputFiles({
    name: "notes.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("hello"),
  });
  await page.getByRole("button", { name: "Import roadmap" }).click();
  await expect(alert).toContainText("Cairn can’t read this kind of file");
  await page.getByLabel(/^Plan file/).setInputFiles({
    name: "plan.csv",
    mimeType: "text/csv",
    buffer: Buffer.from('title,start\n"unclosed,2027-01-01\n'),
  });
  await page.getByRole("button", { name: "Import roadmap" }).click();
  await expect(alert).toContainText(/could not be read|rule/);
  await expectAccessible(page);
});

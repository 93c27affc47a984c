import type { Page } from "@playwright/test";
import { api, expect, itemButton, signInByApi, snapshot, test, type Item } from "./fixtures";

// Issue #15 "a light page": the charting library, the timeline's item panel and its dialogs are not
// first-load JavaScript; they arrive when a page draws a chart or a person opens them.

const DEMO = { email: "demo@cairn.test", password: "cairn-demo-roadmap", name: "Dana Okafor" };
// Setup reads ask for an uncompressed answer: what is under test here is the page's JavaScript.
const PLAIN = { "accept-encoding": "identity" };

/** Every script the page fetches, with its text, to tell which ones carry Recharts. */
function watchScripts(page: Page) {
  const scripts: { url: string; text: Promise<string> }[] = [];
  page.on("response", (res) => {
    if (res.url().includes("/_next/static/chunks/") && res.url().endsWith(".js"))
      scripts.push({ url: res.url(), text: res.text().catch(() => "") });
  });
  return {
    withRecharts: async () =>
      (
        await Promise.all(
          scripts.map(async (s) => ((await s.text).includes("recharts-surface") ? s.url : null)),
        )
      ).filter(Boolean),
  };
}

async function demoRoadmap(page: Page) {
  await signInByApi(page, DEMO);
  const { json: teams } = await api<{ items: { team?: { id: string }; id?: string }[] }>(
    page,
    "GET",
    "/api/teams",
  );
  const teamId = teams.items[0].team?.id ?? teams.items[0].id;
  const { json: roadmaps } = await api<{ items: { id: string; kind?: string; title: string }[] }>(
    page,
    "GET",
    `/api/teams/${teamId}/roadmaps`,
    undefined,
    PLAIN,
  );
  const roadmap = roadmaps.items.find((r) => (r.kind ?? "roadmap") === "roadmap")!;
  const { json: board } = await api<{ items: Item[]; workstreams: { id: string; name: string }[] }>(
    page,
    "GET",
    `/api/roadmaps/${roadmap.id}`,
    undefined,
    PLAIN,
  );
  return { roadmap, board };
}

test("timeline: no charting library; the item panel and the dialogs arrive when opened", async ({
  page,
}, testInfo) => {
  const scripts = watchScripts(page);
  const { roadmap, board } = await demoRoadmap(page);
  await page.goto(`/roadmaps/${roadmap.id}`);
  await expect(page.getByRole("heading", { name: roadmap.title, level: 1 })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(await scripts.withRecharts()).toEqual([]);

  // The item panel, fetched on first opening, shows the item.
  const feature = board.items.find((i) => (i as Item & { kind: string }).kind === "feature")!;
  await itemButton(page, "Feature", feature.title).first().click();
  await expect(page.getByRole("heading", { name: `Feature: ${feature.title}` })).toBeVisible();
  await expect(page.getByRole("tab", { name: /Comments/ })).toBeVisible();
  await snapshot(page, testInfo, "timeline-item-panel");
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole("button", { name: "Close the details (Escape)" }).click();
  await expect(page.getByRole("heading", { name: `Feature: ${feature.title}` })).toHaveCount(0);

  // The shortcuts dialog from its key, and a lane's dialog from its button; both close and reopen.
  await page.getByRole("heading", { name: roadmap.title, level: 1 }).click();
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toHaveCount(0);
  const lane = board.workstreams[0];
  await page.getByRole("button", { name: `Lane ${lane.name}: rename, reorder or remove` }).click();
  await expect(page.getByRole("dialog", { name: `Lane “${lane.name}”` })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  expect(await scripts.withRecharts()).toEqual([]);
});

test("dashboards: the charts draw once the charting library has arrived, in frames of their own size", async ({
  page,
}, testInfo) => {
  const scripts = watchScripts(page);
  const { roadmap } = await demoRoadmap(page);
  await page.goto(`/roadmaps/${roadmap.id}/dashboards`);
  const chart = page.getByRole("img", { name: /^Milestones per quarter by status/ });
  await expect(chart).toBeVisible();
  const before = await chart.boundingBox();
  await expect(chart.locator("svg.recharts-surface")).toBeVisible();
  const after = await chart.boundingBox();
  expect(after?.height).toBe(before?.height);
  expect((await scripts.withRecharts()).length).toBeGreaterThan(0);
  // Desktop and phone; nothing sticks out sideways on the phone (a table's screen-reader text once
  // escaped its scrolling wrapper and widened the page by 47 px).
  await snapshot(page, testInfo, "dashboards-charts");
});

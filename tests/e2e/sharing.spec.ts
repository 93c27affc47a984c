import type { Page } from "@playwright/test";
import { api, expect, expectAccessible, joinTeam, registerUser, signInByApi, test } from "./fixtures";

test.describe.configure({ timeout: 120_000 });

const SHOTS = "/tmp/shots-h";

/** Full-page screenshots at desktop and phone width, for a person to look at. */
async function shoot(page: Page, name: string) {
  for (const [label, width, height] of [
    ["1280", 1280, 900],
    ["390", 390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}/${name}-${label}.png`, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} is wider than the window at ${label} px`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** An editor's team with a roadmap of two lanes, a key milestone, a feature and a risk. */
async function seed(page: Page) {
  const user = await registerUser(page.request, "Sasha Share");
  await signInByApi(page, user);
  const { json: created } = await api<{ team: { id: string } }>(page, "POST", "/api/teams", {
    name: `Sharing ${Date.now().toString(36)}`,
  });
  const { json: made } = await api<{ roadmap: { id: string } }>(
    page,
    "POST",
    `/api/teams/${created.team.id}/roadmaps`,
    { title: "Atlas 2027", startDate: "2027-01-01" },
  );
  const roadmapId = made.roadmap.id;
  const { json: lane } = await api<{ workstream: { id: string } }>(
    page,
    "POST",
    `/api/roadmaps/${roadmapId}/workstreams`,
    { name: "Platform" },
  );
  for (const body of [
    { kind: "feature", title: "Search service", startDate: "2027-01-11", endDate: "2027-03-19" },
    {
      kind: "milestone",
      title: "Beta with ten customers",
      startDate: "2027-04-15",
      outcome: "Ten paying teams use it weekly",
      isKey: true,
    },
  ]) {
    const res = await api(page, "POST", `/api/roadmaps/${roadmapId}/items`, {
      ...body,
      workstreamId: lane.workstream.id,
    });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
  }
  const risk = await api(page, "POST", `/api/roadmaps/${roadmapId}/risks`, {
    title: "Index vendor contract slips",
    kind: "external",
    likelihood: 4,
    impact: 4,
    itemIds: [],
    status: "open",
  });
  expect(risk.status, JSON.stringify(risk.json)).toBe(201);
  return { roadmapId };
}

test("an editor shares an executive view; a signed-out reader opens it read-only until the editor revokes it", async ({
  page,
  browser,
}) => {
  const { roadmapId } = await seed(page);
  await page.goto(`/roadmaps/${roadmapId}/share`);
  await expect(page.getByRole("heading", { name: "Share & export", level: 1 })).toBeVisible();
  await expect(page.getByText("No share links yet.")).toBeVisible();
  // Exports are plain links to the API, one per format.
  for (const format of ["json", "csv", "md", "ics"]) {
    await expect(page.locator(`a[href="/api/roadmaps/${roadmapId}/export?format=${format}"]`)).toBeVisible();
  }
  await expectAccessible(page);

  await page.getByLabel("Audience").selectOption("executive");
  await page.getByText("90 days").click();
  await page.getByRole("button", { name: "Create share link" }).click();
  await expect(page.getByText("You won’t see this link again")).toBeVisible();
  const url = await page.getByRole("textbox", { name: "Share link" }).inputValue();
  expect(url).toMatch(/\/share\/[^/]+$/);
  const token = url.split("/share/")[1];
  await expect(page.getByRole("textbox", { name: "Public calendar feed" })).toHaveValue(
    new RegExp(`/api/share/${token}/calendar\\.ics$`),
  );
  const row = page.getByRole("row", { name: /Executive/ });
  await expect(row.getByText("Active", { exact: true })).toBeVisible();
  await expectAccessible(page);
  await shoot(page, "share-page");

  // A reader with no account, in a browser that never signed in.
  const outsider = await browser.newContext();
  const reader = await outsider.newPage();
  const readerErrors: string[] = [];
  reader.on("console", (m) => m.type() === "error" && readerErrors.push(m.text()));
  await reader.goto(url);
  expect(new URL(reader.url()).pathname).toBe(`/share/${token}`);
  await expect(reader.getByRole("heading", { name: "Atlas 2027", level: 1 })).toBeVisible();
  await expect(reader.getByText("Shared roadmap — read-only")).toBeVisible();
  await expect(reader.getByText("Beta with ten customers").first()).toBeVisible();
  await expect(reader.getByText(/^Link expires /)).toBeVisible();
  // Nothing to change and nowhere to go inside the app.
  await expect(reader.getByRole("button", { name: /edit|delete|add|revoke|save/i })).toHaveCount(0);
  await expect(reader.locator('a[href^="/roadmaps"], a[href^="/teams"]')).toHaveCount(0);
  await expect(reader.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expectAccessible(reader);
  await shoot(reader, "shared-view");
  expect(readerErrors).toEqual([]);

  // The editor revokes it: the reader's next visit says so, and the API answers 410.
  await row.getByRole("button", { name: /Revoke/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke link" }).click();
  await expect(row.getByText("Revoked", { exact: true })).toBeVisible();
  await expect(row.getByRole("button", { name: /Revoke/ })).toHaveCount(0);

  await reader.reload();
  await expect(reader.getByRole("heading", { name: "This link was revoked" })).toBeVisible();
  await expect(reader.getByText(/can send a new link/)).toBeVisible();
  await expectAccessible(reader);
  await shoot(reader, "shared-view-revoked");
  const gone = await reader.request.get(`/api/share/${token}`);
  expect(gone.status()).toBe(410);
  expect(((await gone.json()) as { error: { code: string } }).error.code).toBe("share_link_gone");
  expect((await reader.request.get("/share/not-a-real-token")).status()).toBe(404);
  await outsider.close();
});

test("a viewer reads the share page without the controls for links", async ({ page, browser }) => {
  const { roadmapId } = await seed(page);
  const { json: board } = await api<{ roadmap: { teamId: string } }>(
    page,
    "GET",
    `/api/roadmaps/${roadmapId}`,
  );
  const viewerUser = await registerUser(page.request, "Vera Viewer");
  const viewer = await joinTeam(browser, page, board.roadmap.teamId, viewerUser, "viewer");
  await viewer.page.goto(`/roadmaps/${roadmapId}/share`);
  await expect(viewer.page.getByText("Editors and owners create share links.")).toBeVisible();
  await expect(viewer.page.getByRole("button", { name: "Create share link" })).toHaveCount(0);
  await expect(viewer.page.getByRole("link", { name: "Download CSV" })).toBeVisible();
  await expectAccessible(viewer.page);
  await viewer.close();
});

import { mkdirSync, readFileSync } from "node:fs";
import type { Download, Locator, Page } from "@playwright/test";
import { api, expect, expectAccessible, registerUser, signInByApi, test } from "./fixtures";

test.describe.configure({ timeout: 180_000 });

const SHOTS = "/tmp/shots-pics";
mkdirSync(SHOTS, { recursive: true });

/** The first bytes each file format starts with. */
const MAGIC: Record<string, { extension: string; starts: (bytes: Buffer) => boolean }> = {
  svg: {
    extension: ".svg",
    starts: (b) => /^(<\?xml[^>]*>\s*)?<svg/.test(b.subarray(0, 200).toString("utf8")),
  },
  png: {
    extension: ".png",
    starts: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  pdf: { extension: ".pdf", starts: (b) => b.subarray(0, 5).toString("latin1") === "%PDF-" },
  pptx: { extension: ".pptx", starts: (b) => b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) },
};

/** Clicks a download link and checks the file that arrives: its name, its first bytes, its size. */
async function expectDownload(page: Page, link: Locator, format: keyof typeof MAGIC): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  return checkFile(download, format);
}

async function checkFile(download: Download, format: keyof typeof MAGIC): Promise<Buffer> {
  expect(download.suggestedFilename()).toMatch(new RegExp(`\\${MAGIC[format].extension}$`));
  const bytes = readFileSync((await download.path())!);
  expect(MAGIC[format].starts(bytes), `${format} starts with ${bytes.subarray(0, 8).toString("hex")}`).toBe(
    true,
  );
  expect(bytes.length).toBeGreaterThan(format === "svg" ? 1_000 : 5_000);
  return bytes;
}

/** Waits until an <img> has loaded and decoded a picture. */
async function expectImageLoaded(img: Locator) {
  await expect(img).toBeVisible();
  await expect
    .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth), { timeout: 30_000 })
    .toBeGreaterThan(0);
}

/** An editor's roadmap: two lanes, features, a key milestone and an ordinary one. */
async function seed(page: Page) {
  const user = await registerUser(page.request, "Pia Pictures");
  await signInByApi(page, user);
  const { json: created } = await api<{ team: { id: string } }>(page, "POST", "/api/teams", {
    name: `Pictures ${Date.now().toString(36)}`,
  });
  const { json: made } = await api<{ roadmap: { id: string } }>(
    page,
    "POST",
    `/api/teams/${created.team.id}/roadmaps`,
    { title: "Harbour 2027", startDate: "2027-01-01" },
  );
  const roadmapId = made.roadmap.id;
  const lanes: string[] = [];
  for (const name of ["Platform", "Mobile apps"]) {
    const { json } = await api<{ workstream: { id: string } }>(
      page,
      "POST",
      `/api/roadmaps/${roadmapId}/workstreams`,
      { name },
    );
    lanes.push(json.workstream.id);
  }
  for (const [lane, body] of [
    [0, { kind: "feature", title: "Payments gateway", startDate: "2027-01-11", endDate: "2027-03-26" }],
    [0, { kind: "feature", title: "Ledger export", startDate: "2027-04-05", endDate: "2027-05-28" }],
    [1, { kind: "feature", title: "Offline mode", startDate: "2027-02-01", endDate: "2027-06-25" }],
    [
      0,
      {
        kind: "milestone",
        title: "Public launch",
        startDate: "2027-07-01",
        outcome: "Open to every customer",
        isKey: true,
      },
    ],
    [
      1,
      {
        kind: "milestone",
        title: "App store review",
        startDate: "2027-06-30",
        outcome: "Both stores approve",
      },
    ],
  ] as const) {
    const res = await api(page, "POST", `/api/roadmaps/${roadmapId}/items`, {
      ...body,
      workstreamId: lanes[lane],
    });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
  }
  return { roadmapId };
}

test("the Share & export page previews each audience's picture and downloads every format", async ({
  page,
}) => {
  const { roadmapId } = await seed(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/roadmaps/${roadmapId}/share`);
  const card = page.getByRole("region", { name: "Pictures and slides" });
  await expect(card).toBeVisible();
  for (const audience of ["Executive", "Engineering", "Product"]) {
    await expectImageLoaded(
      card.getByRole("img", { name: new RegExp(`^${audience} timeline of “Harbour 2027”`) }),
    );
  }
  await expectAccessible(page);
  await card.screenshot({ path: `${SHOTS}/share-pictures-1280.png` });

  // Every format of the executive timeline arrives as that kind of file.
  for (const [format, label] of [
    ["svg", "SVG"],
    ["png", "PNG"],
    ["pdf", "PDF"],
    ["pptx", "PowerPoint"],
  ] as const) {
    const link = card.getByRole("link", {
      name: new RegExp(`^Download the executive timeline as ${label}\\b`),
    });
    await expect(link).toHaveAttribute("href", new RegExp(`format=${format}&audience=executive`));
    const bytes = await expectDownload(page, link, format);
    if (format === "svg") expect(bytes.toString("utf8")).toContain("Public launch");
  }

  // Options: months over weeks, the first half only, Letter paper.
  await card.getByLabel("Time axis").selectOption("months");
  await card.getByLabel("To").fill("2027-06-30");
  await card.getByLabel("PDF paper").selectOption("letter");
  const engineering = card.getByRole("img", { name: /^Engineering timeline/ });
  await expect(engineering).toHaveAttribute("src", /scale=months&.*to=2027-06-30/);
  await expectImageLoaded(engineering);
  const pdf = await expectDownload(
    page,
    card.getByRole("link", { name: /^Download the engineering timeline as PDF\b/ }),
    "pdf",
  );
  // Letter, landscape: 11 × 8.5 inches.
  expect(pdf.toString("latin1")).toMatch(/\/MediaBox \[0 0 792 612\]/);
  await expectDownload(
    page,
    card.getByRole("link", { name: /^Download the product timeline as PNG\b/ }),
    "png",
  );

  // A range the roadmap cannot draw is explained, and the pictures keep the last good one.
  await card.getByLabel("From").fill("2027-08-01");
  await expect(card.getByText("The last date comes before the first.")).toBeVisible();
  await expect(engineering).toHaveAttribute("src", /to=2027-06-30/);
  await expect(engineering).not.toHaveAttribute("src", /from=2027-08-01/);
  await expectAccessible(page);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/share-page-390.png`, fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("the timeline's toolbar copies the picture as a PNG and downloads it from a keyboard menu", async ({
  page,
  context,
}) => {
  const { roadmapId } = await seed(page);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/roadmaps/${roadmapId}`);
  const toolbar = page.getByRole("toolbar", { name: "Timeline" });
  await expect(toolbar.getByRole("button", { name: "Copy as image" })).toBeVisible();

  await toolbar.getByRole("button", { name: "Copy as image" }).click();
  await expect(page.getByText("Copied the timeline as an image.")).toBeVisible({ timeout: 30_000 });
  const copied = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const blob = await item.getType("image/png");
    const head = new Uint8Array(await blob.slice(0, 8).arrayBuffer());
    return { types: item.types, type: blob.type, size: blob.size, head: Array.from(head) };
  });
  expect(copied.types).toContain("image/png");
  expect(copied.type).toBe("image/png");
  expect(copied.head).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(copied.size).toBeGreaterThan(5_000);

  // The Download menu works from the keyboard: Enter opens it, arrows move, Enter downloads.
  const trigger = toolbar.getByRole("button", { name: "Download" });
  await trigger.focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu", { name: "Download the timeline" });
  await expect(menu.getByRole("menuitem")).toHaveCount(4);
  await expect(menu.getByRole("menuitem").first()).toBeFocused();
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/timeline-download-menu-1280.png` });
  await page.keyboard.press("End");
  await expect(menu.getByRole("menuitem", { name: /PowerPoint/ })).toBeFocused();
  const [deck] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  await checkFile(deck, "pptx");
  await expect(menu).toBeHidden();

  // At the Months zoom the picture is drawn months over weeks, as the page shows it.
  await toolbar.getByRole("button", { name: "Months" }).click();
  await trigger.click();
  await expect(menu.getByRole("menuitem", { name: /^PNG/ })).toHaveAttribute(
    "href",
    /format=png&scale=months/,
  );
  const [png] = await Promise.all([
    page.waitForEvent("download"),
    menu.getByRole("menuitem", { name: /^PNG/ }).click(),
  ]);
  await checkFile(png, "png");
});

test("presentation mode's timeline slide shows the lanes and key milestones", async ({ page }) => {
  const { roadmapId } = await seed(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`/roadmaps/${roadmapId}/present`);
  const deck = page.getByRole("dialog", { name: "Presentation: Harbour 2027" });
  await expect(deck).toBeVisible();
  // The deck hands focus to its first slide once it is ready for keys.
  await expect(deck.getByRole("region", { name: /^1 of \d+: Harbour 2027$/ })).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(deck.getByRole("heading", { name: "Timeline" })).toBeVisible();
  const picture = deck.getByRole("img", { name: /^Timeline, .*2 lanes, 3 features, 2 milestones/ });
  await expect(picture).toBeVisible();
  for (const text of ["Public launch", "App store review", "Platform", "Mobile apps", "Payments gateway"])
    await expect(picture.locator("text").filter({ hasText: text })).toBeVisible();
  // The key milestone carries its forecast, as the executive picture does, for screen readers too.
  await expect(picture.locator("text").filter({ hasText: /^Public launch · P80 / })).toBeVisible();
  await expect(deck.getByText(/Key milestones: Public launch, .*, P80 /)).toBeAttached();
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/present-timeline-1280.png` });
});

test("a share link's page downloads its own audience's picture and deck", async ({ page, browser }) => {
  const { roadmapId } = await seed(page);
  const { status, json } = await api<{ url: string }>(
    page,
    "POST",
    `/api/roadmaps/${roadmapId}/share-links`,
    {
      audience: "product",
      expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    },
  );
  expect(status).toBe(201);
  const token = new URL(json.url).pathname.split("/").pop()!;

  const outsider = await browser.newContext();
  const reader = await outsider.newPage();
  const errors: string[] = [];
  reader.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await reader.setViewportSize({ width: 1280, height: 900 });
  await reader.goto(`/share/${token}`);
  const section = reader.getByRole("region", { name: "Pictures and slides" });
  await expectImageLoaded(section.getByRole("img", { name: /^Product timeline of “Harbour 2027”/ }));
  const deckLink = section.getByRole("link", { name: /^Download the product timeline as PowerPoint\b/ });
  await expect(deckLink).toHaveAttribute("href", `/api/share/${token}/export?format=pptx&audience=product`);
  const deck = await expectDownload(reader, deckLink, "pptx");
  expect(deck.length).toBeGreaterThan(20_000);
  await expectDownload(
    reader,
    section.getByRole("link", { name: /^Download the product timeline as PDF\b/ }),
    "pdf",
  );
  // Another audience's picture is not the link's to give.
  expect(
    (await reader.request.get(`/api/share/${token}/export?format=svg&audience=executive`)).status(),
  ).toBe(404);
  await expectAccessible(reader);
  await section.scrollIntoViewIfNeeded();
  await reader.screenshot({ path: `${SHOTS}/shared-view-pictures-1280.png`, fullPage: true });
  expect(errors).toEqual([]);
  await outsider.close();
});

import { api, expect, itemButton, registerUser, signInByApi, test } from "./fixtures";

test.describe.configure({ timeout: 120_000 });

const ROWS = 80;
/** Zero-padded, so that the rows (same dates, ordered by title) are in number order. */
const rowTitle = (n: number) => `Row ${String(n).padStart(2, "0")}`;

/**
 * A roadmap taller than the canvas: the timeline draws only the rows in view (and some overscan),
 * so the last rows exist in the page only once scrolled to, by the scroll bar or by the keyboard.
 */
test("a roadmap taller than the view: scrolling draws the rows further down, and the arrow keys reach them", async ({
  page,
}) => {
  const user = await registerUser(page.request, "Tall Roadmap");
  await signInByApi(page, user);
  const { json: created } = await api<{ team: { id: string } }>(page, "POST", "/api/teams", {
    name: `Tall ${Date.now().toString(36)}`,
  });
  // Eighty features over the same fortnight in one lane: each needs a row of its own.
  const { status, json: imported } = await api<{ roadmap: { id: string } }>(
    page,
    "POST",
    `/api/teams/${created.team.id}/imports`,
    {
      format: "cairn.roadmap",
      version: 1,
      roadmap: { title: "Tall roadmap", startDate: "2027-01-04", horizonMonths: 6 },
      workstreams: [{ id: "w", name: "Everything", position: 0 }],
      items: Array.from({ length: ROWS }, (_, i) => ({
        id: `i${i}`,
        workstreamId: "w",
        kind: "feature",
        title: rowTitle(i + 1),
        description: null,
        startDate: "2027-01-04",
        endDate: "2027-01-15",
        outcome: null,
        isKey: false,
        status: "planned",
        estimate: null,
        skills: [],
        owner: null,
      })),
      dependencies: [],
    },
  );
  expect(status).toBe(201);

  await page.goto(`/roadmaps/${imported.roadmap.id}`);
  const canvas = page.getByRole("region", { name: "Timeline of Tall roadmap" });
  const first = itemButton(page, "Feature", rowTitle(1));
  const last = itemButton(page, "Feature", rowTitle(ROWS));
  await expect(first).toBeVisible();
  // Not drawn at all until its rows come into view.
  await expect(last).toHaveCount(0);

  // Scrolled to the bottom: the last rows are drawn, the first ones are gone (but the first item,
  // where the keyboard enters the timeline, stays in the page).
  await canvas.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(last).toBeVisible();
  await expect(itemButton(page, "Feature", rowTitle(2))).toHaveCount(0);
  await expect(itemButton(page, "Feature", rowTitle(ROWS - 1))).toBeVisible();

  // Back at the top, the keyboard walks down row by row to the last item, scrolling as it goes.
  await canvas.evaluate((el) => el.scrollTo({ top: 0 }));
  await expect(first).toBeVisible();
  await first.focus();
  for (let i = 1; i < ROWS; i++) await page.keyboard.press("ArrowDown");
  await expect(last).toBeFocused();
  await expect(last).toBeInViewport();
  await expect(itemButton(page, "Feature", rowTitle(2))).toHaveCount(0);
  // And back up to the first.
  await page.keyboard.press("ArrowUp");
  await expect(itemButton(page, "Feature", rowTitle(ROWS - 1))).toBeFocused();
});

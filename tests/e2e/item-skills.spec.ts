import { api, expect, itemButton, registerUser, signInByApi, test, type Item } from "./fixtures";

test("a product manager asks a feature for skill hours in its panel, and the capacity roll-up counts them", async ({
  page,
}) => {
  const pm = await registerUser(page.request, "Sam Skills");
  await signInByApi(page, pm);
  const { json: created } = await api<{ team: { id: string } }>(page, "POST", "/api/teams", {
    name: `Skills ${Date.now().toString(36)}`,
  });
  const teamId = created.team.id;
  const { json: skill } = await api<{ skill: { id: string } }>(page, "POST", `/api/teams/${teamId}/skills`, {
    name: "Backend",
  });
  await api(page, "POST", `/api/teams/${teamId}/skills`, { name: "Design" });
  const { json: made } = await api<{ roadmap: { id: string } }>(page, "POST", `/api/teams/${teamId}/roadmaps`, {
    title: "Skills plan",
    startDate: "2027-01-04",
  });
  const roadmapId = made.roadmap.id;
  const { json: feature } = await api<{ item: Item }>(page, "POST", `/api/roadmaps/${roadmapId}/items`, {
    kind: "feature",
    title: "Ledger",
    startDate: "2027-01-04",
    endDate: "2027-01-15",
  });

  await page.goto(`/roadmaps/${roadmapId}`);
  await itemButton(page, "Feature", "Ledger").click();
  await page.keyboard.press("Enter");
  const panel = page.locator("aside[aria-labelledby]");
  await panel.getByRole("button", { name: "Add a skill" }).click();
  await panel.getByLabel("Skill 1", { exact: true }).selectOption({ label: "Backend" });
  await panel.getByLabel("Backend hours").fill("lots");
  await panel.getByRole("button", { name: "Save changes" }).click();
  await expect(panel.getByText("Skill hours must be a number of hours.")).toBeVisible();
  await panel.getByLabel("Backend hours").fill("80");
  await panel.getByRole("button", { name: "Save changes" }).click();
  await expect(panel.getByText("Saved.")).toBeVisible();

  const { json: saved } = await api<{ item: Item & { skills: { skillId: string; hours: number }[] } }>(
    page,
    "GET",
    `/api/items/${feature.item.id}`,
  );
  expect(saved.item.skills).toEqual([{ skillId: skill.skill.id, hours: 80 }]);
  const { json: capacity } = await api<{
    skills: { skillId: string; quarters: { quarter: string; demandHours: number }[] }[];
  }>(page, "GET", `/api/roadmaps/${roadmapId}/capacity`);
  const backend = capacity.skills.find((s) => s.skillId === skill.skill.id)!;
  expect(backend.quarters.find((q) => q.quarter === "2027-Q1")?.demandHours).toBe(80);
});

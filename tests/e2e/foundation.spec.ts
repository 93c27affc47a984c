import { api, expect, expectAccessible, registerUser, signInByApi, test } from "./fixtures";

test.describe("accounts, teams and invitations", () => {
  test("register, sign in, create a team, invite someone who joins with the invited role, sign out", async ({
    page,
    browser,
  }) => {
    const stamp = Date.now().toString(36);
    const ownerEmail = `owner.${stamp}@example.com`;

    // Register through the form: the app signs the new user in and shows the teams page.
    await page.goto("/register");
    await expectAccessible(page);
    await page.getByLabel("Full name").fill("Olivia Owner");
    await page.getByLabel("Work email").fill(ownerEmail);
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText(/at least 10 characters/)).toBeVisible();
    await page.getByLabel("Password").fill("a long enough password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/teams$/);
    await expect(page.getByRole("heading", { name: "Create your first team" })).toBeVisible();
    await expectAccessible(page);

    // Create a team.
    await page.getByLabel("Team name").fill(`Atlas ${stamp}`);
    await page.getByRole("button", { name: "Create team" }).click();
    await expect(page).toHaveURL(/\/teams\/atlas-/);
    await expect(page.getByRole("heading", { name: "Roadmaps" })).toBeVisible();

    // Invite a colleague as a commenter.
    const invitee = await registerUser(page.request, "Ivan Invitee");
    await page.getByRole("link", { name: "Members" }).click();
    await page.getByLabel("Email address").fill(invitee.email);
    await page.getByRole("radio", { name: /Commenter/ }).check();
    await page.getByRole("button", { name: "Create invitation link" }).click();
    const link = await page.getByLabel("Invitation link").inputValue();
    expect(link).toMatch(/\/invite\//);
    await expect(page.getByText(invitee.email).first()).toBeVisible();

    // The invitee opens the link in another browser, signs in and joins.
    const other = await browser.newContext();
    const inviteePage = await other.newPage();
    await signInByApi(inviteePage, invitee);
    await inviteePage.goto(new URL(link).pathname);
    await expect(inviteePage.getByText(/commenter/i).first()).toBeVisible();
    await inviteePage.getByRole("button", { name: /^Join Atlas/ }).click();
    await expect(inviteePage).toHaveURL(/\/teams\/atlas-/);
    const me = await api<{ teams: { name: string; role: string }[] }>(inviteePage, "GET", "/api/me");
    expect(me.json.teams).toEqual([expect.objectContaining({ name: `Atlas ${stamp}`, role: "commenter" })]);

    // The link works once.
    await inviteePage.goto(new URL(link).pathname);
    await expect(inviteePage.getByText(/no longer valid|expired|already used/i).first()).toBeVisible();
    await other.close();

    // The owner sees the new member with the invited role.
    await page.reload();
    await expect(page.getByRole("combobox", { name: `Role of ${invitee.name}` })).toHaveValue("commenter");

    // Sign out: the app pages ask for sign-in again.
    await page.getByRole("button", { name: /Account menu/ }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    await expect
      .poll(async () => (await page.context().cookies()).some((c) => c.name.includes("session-token")))
      .toBe(false);
    await page.goto("/teams");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  });

  test("a wrong password is refused without saying whether the email exists", async ({ page }) => {
    const user = await registerUser(page.request, "Wendy Wrong");
    await page.goto("/signin");
    for (const email of [user.email, `nobody.${Date.now()}@example.com`]) {
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill("not the password at all");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
    }
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/teams$/);
  });

  test("a viewer sees the team read-only and the API refuses their changes", async ({ page, browser }) => {
    const ownerContext = await browser.newContext();
    const ownerPage = await ownerContext.newPage();
    const owner = await registerUser(ownerPage.request, "Vera Owner");
    await signInByApi(ownerPage, owner);
    const { json: created } = await api<{ team: { id: string; slug: string; version: number } }>(
      ownerPage,
      "POST",
      "/api/teams",
      { name: `Viewing ${Date.now().toString(36)}` },
    );
    const viewer = await registerUser(page.request, "Victor Viewer");
    const { json: invite } = await api<{ acceptUrl: string }>(
      ownerPage,
      "POST",
      `/api/teams/${created.team.id}/invitations`,
      { email: viewer.email, role: "viewer" },
    );
    await ownerContext.close();

    await signInByApi(page, viewer);
    const token = new URL(invite.acceptUrl).pathname.split("/").pop();
    expect((await api(page, "POST", "/api/invitations/accept", { token })).status).toBe(200);

    await page.goto(`/teams/${created.team.slug}/members`);
    await expect(page.getByRole("listitem").filter({ hasText: "Vera Owner" })).toContainText("Role: Owner");
    await expect(page.getByRole("combobox")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Remove/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Create invitation link" })).toHaveCount(0);
    await expectAccessible(page);

    await page.goto(`/teams/${created.team.slug}/settings`);
    await expect(page.getByRole("button", { name: /Delete team/i })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Save|Rename/ })).toHaveCount(0);
    await page.goto(`/teams/${created.team.slug}`);
    await expect(page.getByRole("link", { name: "New roadmap" })).toHaveCount(0);

    const rename = await api(
      page,
      "PATCH",
      `/api/teams/${created.team.id}`,
      { name: "Hijacked" },
      {
        "if-match": `"${created.team.version}"`,
      },
    );
    expect(rename.status).toBe(403);
    const invite2 = await api(page, "POST", `/api/teams/${created.team.id}/invitations`, {
      email: "friend@example.com",
      role: "owner",
    });
    expect(invite2.status).toBe(403);
    const team = await api<{ team: { name: string } }>(page, "GET", `/api/teams/${created.team.id}`);
    expect(team.json.team.name).toMatch(/^Viewing /);
  });
});

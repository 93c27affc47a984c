import { describe, expect, it } from "vitest";
import {
  createWebhookSchema,
  passwordResetConfirmSchema,
  passwordResetRequestSchema,
  updateNotificationSettingsSchema,
  updateWebhookSchema,
} from "@/lib/validation/delivery";

const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues[0]?.message;

describe("notification settings input", () => {
  it("takes any subset of kinds, a digest frequency, an IANA zone and an hour", () => {
    const parsed = updateNotificationSettingsSchema.parse({
      email: { mention: false, digest: "weekly" },
      timeZone: "Europe/Berlin",
      digestHour: 8,
    });
    expect(parsed).toEqual({
      email: { mention: false, digest: "weekly" },
      timeZone: "Europe/Berlin",
      digestHour: 8,
    });
  });

  it("refuses unknown kinds, non-boolean toggles, unknown zones and hours outside the day", () => {
    expect(updateNotificationSettingsSchema.safeParse({ email: { sms: true } }).success).toBe(false);
    expect(firstMessage(updateNotificationSettingsSchema.safeParse({ email: { mention: "no" } }))).toBe(
      "mention must be true or false.",
    );
    expect(firstMessage(updateNotificationSettingsSchema.safeParse({ email: { digest: "hourly" } }))).toBe(
      'digest must be "off", "daily" or "weekly".',
    );
    expect(firstMessage(updateNotificationSettingsSchema.safeParse({ timeZone: "Mars/Olympus" }))).toMatch(
      /IANA time zone/,
    );
    expect(updateNotificationSettingsSchema.safeParse({ digestHour: 24 }).success).toBe(false);
    expect(updateNotificationSettingsSchema.safeParse({ digestHour: 7.5 }).success).toBe(false);
  });
});

describe("password reset input", () => {
  it("normalises the email and requires a strong new password", () => {
    expect(passwordResetRequestSchema.parse({ email: " Ada@Example.COM " })).toEqual({
      email: "ada@example.com",
    });
    expect(passwordResetConfirmSchema.safeParse({ token: "x".repeat(43), password: "short" }).success).toBe(
      false,
    );
    expect(
      passwordResetConfirmSchema.safeParse({ token: "abc", password: "a long enough password" }).success,
    ).toBe(false);
  });
});

describe("webhook input", () => {
  const valid = { url: "https://hooks.example.com/cairn", events: ["item.created", "review.recorded"] };

  it("defaults the format to standard and accepts * for every event", () => {
    expect(createWebhookSchema.parse(valid).format).toBe("standard");
    expect(createWebhookSchema.parse({ ...valid, events: ["*"], format: "slack" }).events).toEqual(["*"]);
  });

  it("refuses other schemes, unknown events, repeated events and an empty list", () => {
    expect(firstMessage(createWebhookSchema.safeParse({ ...valid, url: "ftp://example.com/x" }))).toBe(
      "url must be an http or https address.",
    );
    expect(createWebhookSchema.safeParse({ ...valid, url: "javascript:alert(1)" }).success).toBe(false);
    expect(firstMessage(createWebhookSchema.safeParse({ ...valid, events: ["item.exploded"] }))).toMatch(
      /^Each event must be one of item\.created/,
    );
    expect(firstMessage(createWebhookSchema.safeParse({ ...valid, events: ["*", "*"] }))).toBe(
      "Each event may be listed once.",
    );
    expect(firstMessage(createWebhookSchema.safeParse({ ...valid, events: [] }))).toBe(
      "Choose at least one event.",
    );
    expect(createWebhookSchema.safeParse({ ...valid, secret: "mine" }).success).toBe(false);
  });

  it("a patch names something to change", () => {
    expect(updateWebhookSchema.safeParse({}).success).toBe(false);
    expect(updateWebhookSchema.parse({ active: false })).toEqual({ active: false });
  });
});

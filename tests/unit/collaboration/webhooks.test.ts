import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { embeddedIpv4, isUnsafeAddress } from "@/lib/collaboration/webhook-address";
import { slackPayload, webhookBody, type WebhookEvent } from "@/lib/collaboration/webhook-payload";
import {
  newWebhookSecret,
  signedWebhookHeaders,
  webhookSignature,
} from "@/lib/collaboration/webhook-signature";

describe("isUnsafeAddress", () => {
  it.each([
    "127.0.0.1",
    "127.255.1.2",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "100.127.255.255",
    "0.0.0.0",
    "224.0.0.1",
    "239.1.1.1",
    "255.255.255.255",
    "198.18.0.1",
    "::",
    "::1",
    "[::1]",
    "fe80::1",
    "fe80::1%eth0",
    "fc00::1",
    "fd12:3456::1",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:10.0.0.1",
    "::ffff:169.254.169.254",
    "::ffff:0:0",
    "64:ff9b::a00:1",
    "::127.0.0.1",
    "localhost",
    "example.com",
    "",
  ])("refuses %s", (address) => {
    expect(isUnsafeAddress(address)).toBe(true);
  });

  it.each([
    "93.184.216.34",
    "8.8.8.8",
    "1.1.1.1",
    "172.32.0.1",
    "172.15.255.255",
    "100.63.255.255",
    "100.128.0.1",
    "192.169.0.1",
    "2606:4700:4700::1111",
    "2001:4860:4860::8888",
    "::ffff:8.8.8.8",
    "[2a00:1450:4001::200e]",
  ])("allows %s", (address) => {
    expect(isUnsafeAddress(address)).toBe(false);
  });

  it("reads the IPv4 host an IPv6 address carries", () => {
    expect(embeddedIpv4("::ffff:c0a8:101")).toBe("192.168.1.1");
    expect(embeddedIpv4("::ffff:8.8.8.8")).toBe("8.8.8.8");
    expect(embeddedIpv4("2606:4700::1111")).toBeNull();
  });
});

describe("Standard Webhooks signature", () => {
  const body = JSON.stringify({ type: "item.created", data: { title: "Launch ✓" } });

  it("is what the standardwebhooks library verifies", () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const headers = signedWebhookHeaders(secret, "msg_1", new Date(), body);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it("fails verification with another secret, another body or another id", () => {
    const secret = newWebhookSecret();
    const headers = signedWebhookHeaders(secret, "msg_1", new Date(), body);
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow();
    expect(() => new Webhook(secret).verify(`${body} `, headers)).toThrow();
    expect(() => new Webhook(secret).verify(body, { ...headers, "webhook-id": "msg_2" })).toThrow();
  });

  it("matches the specification's example", () => {
    // From the Standard Webhooks reference libraries' tests.
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const signature = webhookSignature(
      secret,
      "msg_p5jXN8AQM9LWM0D4loKWxJek",
      1614265330,
      '{"test": 2432232314}',
    );
    expect(signature).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  });
});

describe("slack payload", () => {
  const event: WebhookEvent = {
    type: "item.created",
    timestamp: "2026-12-07T10:00:00.000Z",
    data: { teamId: "t", roadmapName: "Q1 <core>", title: "Fix a & b", url: "https://cairn.test/r/1?item=2" },
  };

  it("is one line of text with an escaped link", () => {
    expect(slackPayload(event)).toEqual({
      text: "Item created in Q1 &lt;core&gt;: <https://cairn.test/r/1?item=2|Fix a &amp; b>",
    });
    expect(JSON.parse(webhookBody("slack", event))).toEqual(slackPayload(event));
    expect(JSON.parse(webhookBody("standard", event))).toEqual(event);
  });
});

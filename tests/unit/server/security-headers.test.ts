import { describe, expect, it } from "vitest";
import {
  API_CONTENT_SECURITY_POLICY,
  pageContentSecurityPolicy,
  securityHeaders,
  servedOverHttps,
  type RequestFacts,
} from "@/lib/server/security-headers";

const plain: RequestFacts = {
  path: "/teams",
  protocol: "http:",
  forwardedProto: null,
  authUrl: undefined,
  dev: false,
};

/** The directives of a policy by name: "script-src" -> ["'self'", ...]. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
}

describe("servedOverHttps: when HSTS is sent", () => {
  it("plain http with nothing configured: no", () => {
    expect(servedOverHttps(plain)).toBe(false);
    expect(servedOverHttps({ ...plain, authUrl: "http://127.0.0.1:3000" })).toBe(false);
    expect(servedOverHttps({ ...plain, forwardedProto: "http" })).toBe(false);
  });

  it("behind a proxy that says https, with an https AUTH_URL, or over https itself: yes", () => {
    expect(servedOverHttps({ ...plain, forwardedProto: "https" })).toBe(true);
    expect(servedOverHttps({ ...plain, forwardedProto: "HTTPS, http" })).toBe(true);
    expect(servedOverHttps({ ...plain, authUrl: "https://cairn.example.com" })).toBe(true);
    expect(servedOverHttps({ ...plain, protocol: "https:" })).toBe(true);
  });

  it("only the outermost proxy's entry counts; a malformed AUTH_URL is not https", () => {
    expect(servedOverHttps({ ...plain, forwardedProto: "http, https" })).toBe(false);
    expect(servedOverHttps({ ...plain, authUrl: "not a url" })).toBe(false);
  });
});

describe("the pages' Content-Security-Policy", () => {
  it("scripts need the nonce (no 'unsafe-inline'); frames, plugins and base tags are refused", () => {
    const csp = directives(pageContentSecurityPolicy({ nonce: "abc123==", dev: false, https: false }));
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    // Inline style attributes (React, Recharts) are allowed; a nonce there would turn that off.
    expect(csp.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
  });

  it("next dev gets 'unsafe-eval'; over https, subresources are upgraded", () => {
    const dev = directives(pageContentSecurityPolicy({ nonce: "n", dev: true, https: false }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("script-src")).not.toContain("'unsafe-inline'");
    const https = directives(pageContentSecurityPolicy({ nonce: "n", dev: false, https: true }));
    expect(https.has("upgrade-insecure-requests")).toBe(true);
  });
});

describe("securityHeaders", () => {
  it("a page over http: nonce policy, nosniff, Referrer-Policy, no HSTS", () => {
    const headers = securityHeaders(plain, "nonce-value");
    expect(headers["content-security-policy"]).toContain("'nonce-nonce-value'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers).not.toHaveProperty("strict-transport-security");
  });

  it("over https (behind a proxy): HSTS for a year", () => {
    const headers = securityHeaders({ ...plain, forwardedProto: "https" }, "n");
    expect(headers["strict-transport-security"]).toBe("max-age=31536000");
  });

  it("an API answer: a policy that allows nothing, nosniff, and no nonce needed", () => {
    const headers = securityHeaders({ ...plain, path: "/api/teams" });
    expect(headers["content-security-policy"]).toBe(API_CONTENT_SECURITY_POLICY);
    expect(directives(API_CONTENT_SECURITY_POLICY).get("frame-ancestors")).toEqual(["'none'"]);
    expect(headers["x-content-type-options"]).toBe("nosniff");
  });

  it("share links' pages and answers send no Referer (their secret is in the path)", () => {
    expect(securityHeaders({ ...plain, path: "/share/tok_123" }, "n")["referrer-policy"]).toBe("no-referrer");
    expect(securityHeaders({ ...plain, path: "/api/share/tok_123" })["referrer-policy"]).toBe("no-referrer");
    expect(securityHeaders({ ...plain, path: "/shared-things" }, "n")["referrer-policy"]).toBe(
      "strict-origin-when-cross-origin",
    );
  });

  it("a page without a nonce is a programming error, not a page without a policy", () => {
    expect(() => securityHeaders(plain)).toThrow(/nonce/);
  });
});

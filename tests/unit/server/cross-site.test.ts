import { describe, expect, it } from "vitest";
import { refuseCrossSiteWrite } from "@/lib/server/cross-site";
import { AppError } from "@/lib/services/kernel/errors";

const APP = "https://cairn.example";
const noFile = {};
const takesFile = { rawBody: { contentTypes: ["text/csv", "multipart/form-data"], description: "The file" } };

function request(method: string, headers: Record<string, string>): Request {
  return new Request(`${APP}/api/teams`, { method, headers });
}

/** The error code refuseCrossSiteWrite throws, or "ok". */
function verdict(method: string, headers: Record<string, string>, endpoint: object = noFile): string {
  try {
    refuseCrossSiteWrite(request(method, headers), endpoint, APP);
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

const json = { "content-type": "application/json" };

describe("refuseCrossSiteWrite", () => {
  it("reads are never refused, whoever sent them", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"])
      expect(verdict(method, { origin: "https://evil.example", "sec-fetch-site": "cross-site" })).toBe("ok");
  });

  it("Sec-Fetch-Site decides when present: same-origin and none pass, same-site and cross-site do not", () => {
    expect(verdict("POST", { ...json, "sec-fetch-site": "same-origin" })).toBe("ok");
    expect(verdict("POST", { ...json, "sec-fetch-site": "none" })).toBe("ok");
    expect(verdict("POST", { ...json, "sec-fetch-site": "same-site" })).toBe("cross_site_request");
    expect(verdict("POST", { ...json, "sec-fetch-site": "Cross-Site" })).toBe("cross_site_request");
    // Behind a proxy that rewrites Host the browser still knows it is on the app's own page.
    expect(
      verdict("PATCH", { ...json, "sec-fetch-site": "same-origin", origin: "http://10.0.0.5:3000" }),
    ).toBe("ok");
  });

  it("otherwise Origin must be the app's origin, compared as origins (case, default port)", () => {
    expect(verdict("POST", { ...json, origin: "HTTPS://Cairn.Example:443" })).toBe("ok");
    expect(verdict("DELETE", { ...json, origin: "https://cairn.example.evil.example" })).toBe(
      "cross_site_request",
    );
    expect(verdict("PUT", { ...json, origin: "https://cairn.example:8443" })).toBe("cross_site_request");
    expect(verdict("POST", { ...json, origin: "null" })).toBe("cross_site_request");
    expect(verdict("POST", { ...json, origin: "not an origin" })).toBe("cross_site_request");
  });

  it("only JSON, or multipart where the endpoint takes a file; the charset does not matter", () => {
    expect(verdict("POST", { "content-type": "Application/JSON; charset=utf-8" })).toBe("ok");
    expect(verdict("POST", { "content-type": "text/plain" })).toBe("unsupported_media_type");
    expect(verdict("POST", { "content-type": "application/json-seq" })).toBe("unsupported_media_type");
    expect(verdict("POST", { "content-type": "multipart/form-data; boundary=b" })).toBe(
      "unsupported_media_type",
    );
    expect(verdict("POST", { "content-type": "multipart/form-data; boundary=b" }, takesFile)).toBe("ok");
    // The raw types a Bearer client may upload are not for the cookie.
    expect(verdict("POST", { "content-type": "text/csv" }, takesFile)).toBe("unsupported_media_type");
  });

  it("the refusals say what to do", () => {
    expect(() =>
      refuseCrossSiteWrite(request("POST", { "content-type": "text/plain" }), noFile, APP),
    ).toThrow(/application\/json.*text\/plain/);
    expect(() =>
      refuseCrossSiteWrite(request("POST", { ...json, origin: "https://evil.example" }), noFile, APP),
    ).toThrow(/https:\/\/evil\.example.*Authorization: Bearer/);
  });
});

import { describe, expect, it } from "vitest";
import { parseIfMatch, readBodyBytes, readJsonBody } from "@/lib/server/request-body";
import { AppError } from "@/lib/services/errors";

const withIfMatch = (value?: string) =>
  new Request("http://localhost/api/x", value === undefined ? {} : { headers: { "if-match": value } });

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

async function asyncErrorOf(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("parseIfMatch", () => {
  it("is undefined without the header", () => {
    expect(parseIfMatch(withIfMatch())).toBeUndefined();
  });

  const accepted: [string, number][] = [
    ['"3"', 3],
    ['W/"12"', 12],
    ["7", 7],
    ['  "5"  ', 5],
    ['"0"', 0],
    ['"123456789"', 123456789],
  ];
  for (const [header, version] of accepted) {
    it(`reads ${header} as ${version}`, () => {
      expect(parseIfMatch(withIfMatch(header))).toBe(version);
    });
  }

  for (const header of ["*", '"abc"', '"1.5"', "-1", '"1", "2"', '"1234567890"', 'W/""', ""]) {
    it(`refuses ${JSON.stringify(header)} with 400 invalid_request naming If-Match`, () => {
      const error = errorOf(() => parseIfMatch(withIfMatch(header)));
      expect(error.code).toBe("invalid_request");
      expect(error.details).toEqual([{ path: "If-Match", message: expect.any(String) }]);
    });
  }
});

describe("readJsonBody", () => {
  const post = (body?: string, headers?: Record<string, string>) =>
    new Request("http://localhost/api/x", { method: "POST", body, headers });

  it("parses a JSON document", async () => {
    expect(await readJsonBody(post('{"name":"Ada","n":[1,2]}'))).toEqual({ name: "Ada", n: [1, 2] });
  });

  it("is undefined for an empty or blank body", async () => {
    expect(await readJsonBody(post())).toBeUndefined();
    expect(await readJsonBody(post("  \n "))).toBeUndefined();
  });

  it("refuses malformed JSON with invalid_request", async () => {
    const error = await asyncErrorOf(() => readJsonBody(post('{"name": ')));
    expect(error.code).toBe("invalid_request");
    expect(error.details).toEqual([{ path: "", message: expect.any(String) }]);
  });

  it("accepts a body of exactly the limit and refuses one byte more", async () => {
    expect(await readJsonBody(post('"12345678"'), 10)).toBe("12345678");
    expect((await asyncErrorOf(() => readJsonBody(post('"123456789"'), 10))).code).toBe("payload_too_large");
  });

  it("counts bytes, not characters", async () => {
    const body = `"${"é".repeat(5)}"`; // 7 characters, 12 bytes
    expect(body.length).toBeLessThan(10);
    expect((await asyncErrorOf(() => readBodyBytes(post(body), 10))).code).toBe("payload_too_large");
  });

  it("refuses a declared Content-Length over the limit", async () => {
    const error = await asyncErrorOf(() => readBodyBytes(post("{}", { "content-length": "11" }), 10));
    expect(error.code).toBe("payload_too_large");
  });

  it("uses 1 MiB as the default limit", async () => {
    const exactly = `"${"x".repeat(1024 * 1024 - 2)}"`;
    expect(await readJsonBody(post(exactly))).toHaveLength(1024 * 1024 - 2);
    const over = `"${"x".repeat(1024 * 1024 - 1)}"`;
    expect((await asyncErrorOf(() => readJsonBody(post(over)))).code).toBe("payload_too_large");
  });
});

import { describe, expect, it } from "vitest";
import { parseIfMatch, readBodyBytes, readJsonBody, readQuery } from "@/lib/server/request-body";
import { unstorableTextAt } from "@/lib/validation/storable-text";
import { AppError } from "@/lib/services/kernel/errors";

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

// Found by the fuzzer (tests/integration/fuzz.test.ts): PostgreSQL text cannot hold U+0000, so a
// name with one failed on insert with a 500.
describe("U+0000 in a request", () => {
  const post = (body: string) => new Request("http://localhost/api/x", { method: "POST", body });

  it("refuses a body whose text holds U+0000, naming where", async () => {
    const error = await asyncErrorOf(() =>
      readJsonBody(post('{"rows": [{"name": "a"}, {"name": "nul\\u0000inside"}]}')),
    );
    expect(error.code).toBe("invalid_request");
    expect(error.message).toMatch(/rows\.1\.name.*NUL/);
    expect(error.details).toEqual([{ path: "rows.1.name", message: expect.stringMatching(/U\+0000/) }]);
  });

  it("refuses U+0000 in a key too, and at the top level", async () => {
    expect((await asyncErrorOf(() => readJsonBody(post('{"a\\u0000": 1}')))).details).toEqual([
      { path: "a\u0000", message: expect.any(String) },
    ]);
    expect((await asyncErrorOf(() => readJsonBody(post('"\\u0000"')))).code).toBe("invalid_request");
  });

  it("reads an escaped backslash followed by u0000 as the text it is", async () => {
    expect(await readJsonBody(post('{"name": "\\\\u0000"}'))).toEqual({ name: "\\u0000" });
  });

  it("walks 100,000 levels of nesting without running out of stack", () => {
    let deep: unknown = "\u0000";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(unstorableTextAt(deep)?.path).toBe(Array(100_000).fill("0").join("."));
    expect(unstorableTextAt({ fine: ["text", 1, null, { x: true }] })).toBeUndefined();
  });

  // Found by the fuzzer too: a lone surrogate became U+FFFD in a text column but failed the jsonb
  // activity row (500).
  it("refuses a lone surrogate (either half), and keeps a surrogate pair", async () => {
    for (const escaped of ["\\ud800", "x\\uDFFFy", "\\ude00\\ud83d"]) {
      const error = await asyncErrorOf(() => readJsonBody(post(`{"name": "${escaped}"}`)));
      expect(error.details).toEqual([{ path: "name", message: expect.stringMatching(/lone surrogate/) }]);
    }
    expect(await readJsonBody(post('{"name": "\\ud83d\\ude00"}'))).toEqual({ name: "😀" });
  });

  it("refuses a query string holding %00", () => {
    const error = errorOf(() => readQuery(new Request("http://localhost/api/x?title=a%00b&limit=2")));
    expect(error.code).toBe("invalid_request");
    expect(error.details).toEqual([{ path: "title", message: expect.any(String) }]);
    expect(readQuery(new Request("http://localhost/api/x?title=ab&limit=2"))).toEqual({
      title: "ab",
      limit: "2",
    });
  });
});

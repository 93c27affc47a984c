import fc from "fast-check";

/** If-Match values that name no version, or too many. */
export const hostileIfMatch = fc.constantFrom(
  "*",
  '"abc"',
  'W/"1"',
  '"1", "2"',
  '"99999999999"',
  '"999999999"',
  '"-1"',
  '"0"',
  "1",
  '""',
  '"1',
  "\u00e9",
  "x".repeat(4_000),
);

export const hostileContentType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "application/json; charset=utf-16",
  "APPLICATION/JSON",
  "application/merge-patch+json",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=----fuzz",
  "multipart/form-data",
  "text/csv",
  "application/xml",
  "*/*",
  "",
  "garbage/garbage; a=b=c",
  "application/json, text/plain",
);

/** Authorization headers that are not a valid token, cookie headers that are not a valid session. */
export const hostileAuthorization = fc.constantFrom(
  "Bearer",
  "Bearer ",
  "Bearer  ",
  "Bearer a b",
  "Basic dXNlcjpwYXNzd29yZA==",
  "Token abc",
  "Bearer cairn_" + "x".repeat(40),
  "Bearer " + "x".repeat(6_000),
  "Bearer \u00e9\u00e8",
  "Bearer null",
  "Bearer undefined",
  ", , ,",
);

export const hostileCookie = fc.constantFrom(
  "authjs.session-token=garbage",
  "authjs.session-token=%",
  "authjs.session-token=%E0%A4%A",
  "authjs.session-token=",
  "authjs.session-token.0=a; authjs.session-token.1=b",
  "__Secure-authjs.session-token=" + "x".repeat(4_000),
  "authjs.session-token=eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.",
  "=; ;;; authjs.session-token",
  "authjs.session-token=a; authjs.session-token=b",
);

/** Headers a client may send for other reasons, some of them lies. */
export const oddHeaders = fc.constantFrom<[string, string][]>(
  [["origin", "https://evil.example"]],
  [["sec-fetch-site", "cross-site"]],
  [
    ["origin", "null"],
    ["sec-fetch-site", "same-origin"],
  ],
  [["x-forwarded-for", "1.1.1.1, ' OR 1=1, ::1, " + "9.9.9.9, ".repeat(200)]],
  [
    ["x-forwarded-host", "evil.example"],
    ["x-forwarded-proto", "javascript"],
  ],
  [["accept", "application/x-ndjson"]],
  [["accept", "text/event-stream"]],
  [["last-event-id", "-1"]],
  [["last-event-id", "99999999999999999999"]],
  [["accept-encoding", "gzip, br, zstd, x-evil"]],
  [["range", "bytes=0-1"]],
);

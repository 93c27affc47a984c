import fc from "fast-check";
import type { Endpoint } from "@/lib/validation/endpoint";
import { almostValidValue } from "./almost-valid";
import { hostileCase } from "./hostile-cases";
import { rawBodyArbitrary } from "./raw-bodies";
import {
  almostParam,
  bodyLimit,
  endpointKey,
  pairs,
  paramsArb,
  pathParams,
  schemaNode,
  validParam,
  withHeader,
  type Credential,
  type FuzzCase,
  type Payload,
  type Variant,
  type Who,
} from "./requests";
import { validValue } from "./schema-values";
import type { FuzzValue } from "./values";

const validWho = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Who>("owner") },
  { weight: 3, arbitrary: fc.constant<Who>("editor") },
  { weight: 1, arbitrary: fc.constant<Who>("commenter") },
  { weight: 1, arbitrary: fc.constant<Who>("viewer") },
);
const validCredential = fc.oneof(
  { weight: 9, arbitrary: fc.constant<Credential>({ kind: "bearer" }) },
  { weight: 1, arbitrary: fc.constant<Credential>({ kind: "cookie" }) },
);
const versionHeader = fc.integer({ min: 1, max: 3 }).map((v): [string, FuzzValue] => ["if-match", `"${v}"`]);

/** The three generators of one endpoint: valid, almost valid (one thing wrong) and hostile. */
export function caseArbitrary(endpoint: Endpoint): fc.Arbitrary<FuzzCase> {
  const key = endpointKey(endpoint);
  const body = schemaNode(endpoint.body);
  const query = schemaNode(endpoint.query);
  const limit = bodyLimit(endpoint);
  const sendsBody = endpoint.method !== "GET";

  const validIfMatch: fc.Arbitrary<[string, FuzzValue][]> =
    endpoint.ifMatch === "required"
      ? versionHeader.map((h) => [h])
      : endpoint.ifMatch === "optional"
        ? fc.option(versionHeader, { nil: undefined }).map((h) => (h ? [h] : []))
        : fc.constant([]);

  const bodyOf = (variant: Variant): fc.Arbitrary<Payload> => {
    if (endpoint.rawBody) {
      return rawBodyArbitrary(endpoint.rawBody.contentTypes, variant, limit).map((raw) => ({
        body: raw.body,
        contentType: raw.contentType,
      }));
    }
    if (!body) return fc.constant({});
    const value = variant === "valid" ? validValue(body) : almostValidValue(body);
    return value.map((json) => ({ body: { json }, contentType: "application/json" }));
  };

  const valid = fc
    .record({
      who: validWho,
      credential: validCredential,
      params: paramsArb(endpoint.path, validParam),
      query: query ? validValue(query).map(pairs) : fc.constant([] as [string, FuzzValue][]),
      ifMatch: validIfMatch,
      payload: bodyOf("valid"),
    })
    .map(({ payload, ifMatch, ...rest }): FuzzCase => ({
      key,
      variant: "valid",
      ...rest,
      headers: [
        ...ifMatch,
        ...(payload.contentType ? [["content-type", payload.contentType] as [string, FuzzValue]] : []),
      ],
      body: payload.body,
    }));

  // Exactly one thing wrong: the body, the query, a path id, the caller, If-Match or the media type.
  const mutations: fc.Arbitrary<(c: FuzzCase) => FuzzCase>[] = [
    fc
      .constantFrom<Who>("outsider", "anonymous", "viewer", "commenter")
      .map((who) => (c: FuzzCase) => ({ ...c, who })),
  ];
  if (body || endpoint.rawBody)
    mutations.push(bodyOf("almost").map((p) => (c: FuzzCase) => ({ ...c, body: p.body })));
  if (query) mutations.push(almostValidValue(query).map((q) => (c: FuzzCase) => ({ ...c, query: pairs(q) })));
  if (pathParams(endpoint.path).length > 0)
    mutations.push(
      paramsArb(endpoint.path, almostParam).map((params) => (c: FuzzCase) => ({ ...c, params })),
    );
  if (endpoint.ifMatch)
    mutations.push(
      fc
        .constantFrom<FuzzValue[]>([], ['"999"'], ['"0"'])
        .map((v) => (c: FuzzCase) => withHeader(c, "if-match", ...v)),
    );
  if (sendsBody)
    mutations.push(
      fc
        .constantFrom("text/plain", "application/x-www-form-urlencoded")
        .map((ct) => (c: FuzzCase) => withHeader(c, "content-type", ct)),
    );
  const almost = fc
    .tuple(valid, fc.oneof(...mutations))
    .map(([c, mutate]): FuzzCase => ({ ...mutate(c), variant: "almost" }));

  const hostile = hostileCase(endpoint, valid, { body, query, limit, sendsBody, bodyOf });
  return fc.oneof(valid, almost, hostile);
}

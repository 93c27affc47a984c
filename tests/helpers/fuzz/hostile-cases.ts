import fc from "fast-check";
import type { Endpoint } from "@/lib/validation/endpoint";
import {
  hostileAuthorization,
  hostileContentType,
  hostileCookie,
  hostileIfMatch,
  oddHeaders,
} from "./hostile-headers";
import { hostileBodyText, hostileScalar, hostileValue, invalidUtf8, pollution, tainted } from "./hostile";
import {
  almostParam,
  pairs,
  paramsArb,
  pathParams,
  withHeader,
  type Credential,
  type FuzzBody,
  type FuzzCase,
  type Payload,
  type Variant,
  type Who,
} from "./requests";
import { validValue, type SchemaNode } from "./schema-values";
import { LongString, objectOf, type FuzzValue } from "./values";

type Mutation = (c: FuzzCase) => FuzzCase;

interface EndpointShapes {
  body?: SchemaNode;
  query?: SchemaNode;
  limit: number;
  sendsBody: boolean;
  bodyOf: (variant: Variant) => fc.Arbitrary<Payload>;
}

/** JSON bodies that are hostile inside an otherwise valid shape, and bodies that are no shape at all. */
function hostileJsonBody(body: SchemaNode | undefined, limit: number): fc.Arbitrary<FuzzBody> {
  const valid = (body ? validValue(body) : fc.constant({})) as fc.Arbitrary<Record<string, FuzzValue>>;
  return fc.oneof(
    // One field replaced by something hostile.
    {
      weight: 3,
      arbitrary: valid.chain((v) =>
        fc
          .tuple(fc.constantFrom(...Object.keys(v), "title"), hostileValue(limit))
          .map(([k, bad]): FuzzBody => ({
            json: objectOf([...Object.entries(v).filter(([x]) => x !== k), [k, bad]]),
          })),
      ),
    },
    // Every text field carrying control characters, odd unicode or injection attempts.
    { weight: 3, arbitrary: tainted(valid).map((json): FuzzBody => ({ json })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(valid, pollution)
        .map(([v, extra]): FuzzBody => ({ json: objectOf([...extra, ...Object.entries(v)]) })),
    },
    { weight: 2, arbitrary: hostileBodyText(limit).map((text): FuzzBody => ({ text })) },
    { weight: 1, arbitrary: invalidUtf8.map((bytes): FuzzBody => ({ bytes })) },
  );
}

function hostileQuery(query: SchemaNode | undefined): fc.Arbitrary<FuzzCase["query"]> {
  const names = Object.keys(query?.schema.properties ?? {});
  return fc.oneof(
    tainted(query ? validValue(query) : fc.constant<FuzzValue>({})).map(pairs),
    fc.array(
      fc.tuple(
        fc.oneof(fc.constantFrom(...names, "__proto__", "constructor"), fc.string({ maxLength: 6 })),
        hostileScalar,
      ),
      {
        minLength: 1,
        maxLength: 4,
      },
    ),
    fc
      .constantFrom<FuzzValue>(
        new LongString("limit=1&", 12_000),
        new LongString("x", 60_000),
        "%E0%A4%A=%&%%=%zz",
        "limit=1&limit=2&limit=abc",
        "__proto__[role]=owner&constructor[prototype][x]=1",
        "&&&===&",
        "runs=100000&runs=100000&seed=-1",
      )
      .map((raw) => ({ raw })),
  );
}

const hostileCredential: fc.Arbitrary<{ who: Who; credential: Credential }> = fc.oneof(
  hostileAuthorization.map((value) => ({
    who: "owner" as Who,
    credential: { kind: "authorization", value } as Credential,
  })),
  hostileCookie.map((value) => ({
    who: "owner" as Who,
    credential: { kind: "cookieHeader", value } as Credential,
  })),
  fc
    .constantFrom<Who>("outsider", "anonymous", "viewer")
    .map((who) => ({ who, credential: { kind: "bearer" } as Credential })),
  fc
    .constantFrom<Who>("owner", "viewer")
    .map((who) => ({ who, credential: { kind: "cookie" } as Credential })),
);

/**
 * Hostile requests: a valid request with one or two parts made hostile (the body, the query, the
 * path, the credentials, the headers), so that each hostile part reaches as deep as the rest allows
 * (a hostile body sent with a bad token would stop at the 401 and test nothing).
 */
export function hostileCase(
  endpoint: Endpoint,
  valid: fc.Arbitrary<FuzzCase>,
  shapes: EndpointShapes,
): fc.Arbitrary<FuzzCase> {
  const mutations: fc.WeightedArbitrary<Mutation>[] = [
    { weight: 2, arbitrary: hostileQuery(shapes.query).map((query): Mutation => (c) => ({ ...c, query })) },
    { weight: 1, arbitrary: hostileCredential.map((id): Mutation => (c) => ({ ...c, ...id })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(hostileIfMatch, fc.option(oddHeaders, { nil: [] as [string, string][] }))
        .map(([ifMatch, odd]): Mutation => (c) => {
          const out = endpoint.ifMatch ? withHeader(c, "if-match", ifMatch) : c;
          return { ...out, headers: [...out.headers, ...odd] };
        }),
    },
  ];
  if (shapes.sendsBody) {
    const payload: fc.Arbitrary<Payload> = endpoint.rawBody
      ? shapes.bodyOf("hostile")
      : hostileJsonBody(shapes.body, shapes.limit).map((body) => ({ body }));
    mutations.push(
      {
        weight: 5,
        arbitrary: payload.map((p): Mutation => (c) => ({
          ...(p.contentType ? withHeader(c, "content-type", p.contentType) : c),
          body: p.body,
        })),
      },
      {
        weight: 1,
        arbitrary: hostileContentType.map(
          (ct): Mutation =>
            (c) =>
              withHeader(c, "content-type", ct),
        ),
      },
    );
  }
  if (pathParams(endpoint.path).length > 0) {
    const param = (name: string) =>
      fc.oneof(almostParam(name), hostileScalar, fc.constant<FuzzValue>(new LongString("a", 2_000)));
    mutations.push({
      weight: 1,
      arbitrary: paramsArb(endpoint.path, param).map((params): Mutation => (c) => ({ ...c, params })),
    });
  }
  // The base request comes from someone allowed to write, so that the hostile part gets past authorization.
  const base = valid.map((c): FuzzCase => ({
    ...c,
    who: c.who === "editor" ? "editor" : "owner",
    credential: { kind: "bearer" },
  }));
  return fc
    .tuple(base, fc.array(fc.oneof(...mutations), { minLength: 1, maxLength: 2 }))
    .map(([c, ms]): FuzzCase => ({ ...ms.reduce((acc, m) => m(acc), c), variant: "hostile" }));
}

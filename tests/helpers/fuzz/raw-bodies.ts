import fc from "fast-check";
import { z } from "zod";
import { roadmapDocumentSchema } from "@/lib/validation/roadmap-document";
import { almostValidValue } from "./almost-valid";
import { hostileBodyText, hugeString, nastyString, tainted } from "./hostile";
import { addDays, FIXTURE_START, validValue, type JsonSchema } from "./schema-values";
import { DeepNesting, LongString, RawJson, type FuzzValue } from "./values";

/** A body an endpoint reads itself (a file upload): its media type and content. */
export interface RawBody {
  contentType: string;
  body: { json: FuzzValue } | { text: FuzzValue };
}

const documentSchema = z.toJSONSchema(roadmapDocumentSchema, {
  io: "input",
  unrepresentable: "any",
}) as JsonSchema;
const documentNode = { schema: documentSchema, root: documentSchema };

const cell = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("Ledger", "Checkout v2", "Launch", "données", "計画") },
  { weight: 1, arbitrary: nastyString },
);
const csvQuote = (s: string) => `"${s.replaceAll('"', '""')}"`;

/** A CSV of items: mostly well-formed rows, now and then a hostile cell or a broken quote. */
const csvText: fc.Arbitrary<FuzzValue> = fc
  .array(
    fc.tuple(cell, fc.constantFrom("feature", "milestone", "epic"), fc.integer({ min: -10, max: 400 })),
    {
      maxLength: 20,
    },
  )
  .map((rows) =>
    ["title,kind,startDate,endDate,outcome"]
      .concat(
        rows.map(([t, k, d]) =>
          [csvQuote(t), k, addDays(FIXTURE_START, d), addDays(FIXTURE_START, d + 5), "done"].join(","),
        ),
      )
      .join("\r\n"),
  );

const xmlTask = (uid: number, name: string) =>
  `<Task><UID>${uid}</UID><Name>${name}</Name><Start>2027-01-04T08:00:00</Start><Finish>2027-01-15T17:00:00</Finish></Task>`;

/** Microsoft Project XML, and the classic attacks on XML readers. */
const xmlText: fc.Arbitrary<FuzzValue> = fc.oneof(
  fc
    .array(fc.constantFrom("Ledger", "Checkout &amp; pay", "<![CDATA[x]]>"), { maxLength: 10 })
    .map(
      (names) =>
        `<?xml version="1.0"?><Project xmlns="http://schemas.microsoft.com/project"><Name>Plan</Name><StartDate>2027-01-04T08:00:00</StartDate><Tasks>${names
          .map((n, i) => xmlTask(i + 1, n))
          .join("")}</Tasks></Project>`,
    ),
  fc.constantFrom<FuzzValue>(
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]><Project><Name>&lol2;</Name></Project>',
    '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Project><Name>&xxe;</Name></Project>',
    "<Project><Tasks><Task><UID>1</UID>",
    "<Project>\u0000</Project>",
    new DeepNesting(10_000, "<a>", "</a>", ""),
    new DeepNesting(100_000, "<a>", "</a>", ""),
    `<Project>${"<Task/>".repeat(50_000)}</Project>`,
  ),
);

function multipart(contentType: string, content: FuzzValue, field = "file"): RawBody {
  const boundary = "----cairnfuzz";
  const text = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="plan"\r\nContent-Type: ${contentType}\r\n\r\n${String(content)}\r\n--${boundary}--\r\n`;
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: { text } };
}

/** Uploads in each media type the endpoint names; `variant` says how wrong they are. */
export function rawBodyArbitrary(
  contentTypes: readonly string[],
  variant: "valid" | "almost" | "hostile",
  maxBytes: number,
): fc.Arbitrary<RawBody> {
  const jsonDoc = variant === "valid" ? validValue(documentNode) : almostValidValue(documentNode);
  const byType = (type: string): fc.Arbitrary<RawBody> => {
    if (type === "application/json") return jsonDoc.map((json) => ({ contentType: type, body: { json } }));
    if (type === "text/csv") return csvText.map((text) => ({ contentType: type, body: { text } }));
    if (type.endsWith("/xml")) return xmlText.map((text) => ({ contentType: type, body: { text } }));
    return fc
      .tuple(fc.constantFrom("text/csv", "application/xml"), fc.oneof(csvText, xmlText))
      .map(([inner, text]) => multipart(inner, text));
  };
  const wellTyped = fc.oneof(...contentTypes.map(byType));
  if (variant !== "hostile") return wellTyped;
  return fc.oneof(
    wellTyped,
    // A well-formed export whose every text carries control characters, odd Unicode or injections.
    tainted(validValue(documentNode)).map((json): RawBody => ({
      contentType: "application/json",
      body: { json },
    })),
    fc
      .tuple(
        fc.constantFrom(...contentTypes, "text/plain", "application/json; charset=utf-16", ""),
        hostileBodyText(maxBytes),
      )
      .map(([contentType, text]) => ({ contentType, body: { text } })),
    hugeString(maxBytes).map((s) => ({ contentType: "text/csv", body: { text: s } })),
    fc.constant(multipart("text/csv", "title\r\nx", "notfile")),
    fc.constant({
      contentType: "application/json",
      body: { text: new RawJson(`{"format":"cairn.roadmap","items":${new LongString("[", 5_000)}`) },
    }),
  );
}

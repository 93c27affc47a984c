import { describe, expect, it } from "vitest";
import {
  findMentionTokens,
  resolveMentions,
  withoutCode,
  type MentionMember,
} from "@/lib/collaboration/mention-tokens";

const priya: MentionMember = { id: "u-priya", name: "Priya Shah", email: "priya@northwind.test" };
const omar: MentionMember = { id: "u-omar", name: "Omar  El Idrissi", email: "o.elidrissi@northwind.test" };
const samA: MentionMember = { id: "u-sam-a", name: "Sam Lee", email: "sam@northwind.test" };
const samB: MentionMember = { id: "u-sam-b", name: "Sam Lee", email: "sam@contoso.test" };
const zoe: MentionMember = { id: "u-zoe", name: "Zoë Müller", email: "zoe.m@northwind.test" };
const TEAM = [priya, omar, samA, samB, zoe];

const texts = (body: string) =>
  findMentionTokens(body).map((t) => (t.kind === "handle" ? t.handle : t.email));

describe("findMentionTokens", () => {
  it("finds @email and @handle tokens in order, duplicates included", () => {
    expect(findMentionTokens("@PriyaShah can you ask @Omar@Northwind.test? cc @PriyaShah")).toEqual([
      { kind: "handle", handle: "PriyaShah" },
      { kind: "email", email: "omar@northwind.test" },
      { kind: "handle", handle: "PriyaShah" },
    ]);
  });

  it("ignores addresses written without a leading @, and @ inside words, paths and mentions", () => {
    expect(findMentionTokens("mail priya@northwind.test or see https://x.test/@priya and a@@b")).toEqual([]);
  });

  it("takes mentions at the start, after punctuation and inside markdown emphasis", () => {
    expect(texts('@a, (@b) **@c** _@d_ "@e"')).toEqual(["a", "b", "c", "d_", "e"]);
  });

  it("keeps a sentence's full stop out of an email mention", () => {
    expect(findMentionTokens("Ask @priya@northwind.test.")).toEqual([
      { kind: "email", email: "priya@northwind.test" },
    ]);
  });

  it("ignores mentions inside inline code and fenced code blocks", () => {
    const body = [
      "Real: @alpha, code: `@beta` and ``@gamma ` still code``",
      "```ts",
      "const who = '@delta@northwind.test';",
      "```",
      "~~~",
      "@epsilon",
      "~~~",
      "After: @zeta",
    ].join("\n");
    expect(texts(body)).toEqual(["alpha", "zeta"]);
  });

  it("an unclosed fence runs to the end of the body; an unmatched backtick is plain text", () => {
    expect(texts("@a\n```\n@b\n@c")).toEqual(["a"]);
    expect(texts("a ` tick and @b")).toEqual(["b"]);
  });

  it("inline code does not span a blank line", () => {
    expect(texts("one `tick\n\n@b and ` later")).toEqual(["b"]);
  });
});

describe("withoutCode", () => {
  it("blanks code but keeps the text around it and the line structure", () => {
    expect(withoutCode("a `b` c\n```\nx\n```\nd")).toBe("a     c\n\n\n\nd");
  });

  it("a longer closing fence closes; a fence of the other character does not", () => {
    expect(withoutCode("```\n~~~\n@x\n`````\n@y")).toBe("\n\n\n\n@y");
  });
});

describe("resolveMentions", () => {
  it("resolves display-name handles without whitespace, case-insensitively", () => {
    expect(resolveMentions("@priyashah and @OmarElIdrissi", TEAM)).toEqual({
      userIds: ["u-priya", "u-omar"],
      unknownEmails: [],
    });
  });

  it("resolves unique email local parts, and names with letters outside ASCII", () => {
    expect(resolveMentions("@priya @o.elidrissi @ZoëMüller", TEAM).userIds).toEqual([
      "u-priya",
      "u-omar",
      "u-zoe",
    ]);
  });

  it("resolves emails case-insensitively and dedupes members mentioned several ways", () => {
    expect(resolveMentions("@PRIYA@northwind.test @PriyaShah @priya", TEAM)).toEqual({
      userIds: ["u-priya"],
      unknownEmails: [],
    });
  });

  it("reports email mentions that match no member, once each", () => {
    expect(resolveMentions("@ghost@else.test @Ghost@Else.test @priya@northwind.test", TEAM)).toEqual({
      userIds: ["u-priya"],
      unknownEmails: ["ghost@else.test"],
    });
  });

  it("leaves handles that match nobody, or more than one member, as plain text", () => {
    expect(resolveMentions("@nobody @SamLee @sam", TEAM)).toEqual({ userIds: [], unknownEmails: [] });
    expect(resolveMentions("@sam@contoso.test", TEAM).userIds).toEqual(["u-sam-b"]);
  });

  it("tolerates trailing punctuation, emphasis and a possessive after a handle", () => {
    expect(
      resolveMentions("Thanks @PriyaShah. It was @omarelidrissi's idea, _@zoe.m_!", TEAM).userIds,
    ).toEqual(["u-priya", "u-omar", "u-zoe"]);
  });

  it("ignores mentions in code and bare addresses", () => {
    expect(resolveMentions("`@PriyaShah` priya@northwind.test\n```\n@ghost@else.test\n```", TEAM)).toEqual({
      userIds: [],
      unknownEmails: [],
    });
  });
});

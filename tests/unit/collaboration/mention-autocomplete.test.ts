import { describe, expect, it } from "vitest";
import {
  filterMentionCandidates,
  insertMention,
  mentionQueryAt,
} from "@/lib/collaboration/mention-autocomplete";

const people = [
  { id: "1", name: "Paula Planner", email: "paula@example.com" },
  { id: "2", name: "Ed Engineer", email: "ed@example.com" },
  { id: "3", name: "Alex Paulsen", email: "alex@example.com" },
  { id: "4", name: "Viv Viewer", email: "v.paula@corp.io" },
];

describe("mentionQueryAt", () => {
  it("finds the @ being typed at the start, after a space or a bracket", () => {
    expect(mentionQueryAt("@pa", 3)).toEqual({ start: 0, query: "pa" });
    expect(mentionQueryAt("hi @", 4)).toEqual({ start: 3, query: "" });
    expect(mentionQueryAt("(cc @ed", 7)).toEqual({ start: 4, query: "ed" });
    expect(mentionQueryAt("ask @paula p", 12)).toEqual({ start: 4, query: "paula p" });
  });

  it("ignores e-mail addresses, finished lines and text after the caret", () => {
    expect(mentionQueryAt("mail me@example.com", 19)).toBeNull();
    expect(mentionQueryAt("@ed\nnext", 8)).toBeNull();
    expect(mentionQueryAt("@ edward", 8)).toBeNull();
    expect(mentionQueryAt("no mention here", 15)).toBeNull();
    expect(mentionQueryAt("@ed and more", 3)).toEqual({ start: 0, query: "ed" });
  });

  it("closes after a picked mention and its space", () => {
    expect(mentionQueryAt("@paula@example.com ", 19)).toBeNull();
  });
});

describe("filterMentionCandidates", () => {
  it("puts names starting with the query first, then words, then e-mails, then the rest", () => {
    expect(filterMentionCandidates(people, "pau").map((p) => p.id)).toEqual(["1", "3", "4"]);
    expect(filterMentionCandidates(people, "planner").map((p) => p.id)).toEqual(["1"]);
    expect(filterMentionCandidates(people, "ed@").map((p) => p.id)).toEqual(["2"]);
  });

  it("lists everyone but the writer for an empty query, alphabetically, up to the limit", () => {
    expect(filterMentionCandidates(people, "", { excludeId: "2" }).map((p) => p.id)).toEqual(["3", "1", "4"]);
    expect(filterMentionCandidates(people, "", { limit: 2 })).toHaveLength(2);
  });

  it("does not offer everyone whose address shares the team's domain", () => {
    expect(filterMentionCandidates(people, "pl").map((p) => p.id)).toEqual(["1"]);
    expect(filterMentionCandidates(people, "corp")).toEqual([]);
  });

  it("finds nobody for a query nobody fits", () => {
    expect(filterMentionCandidates(people, "zzz")).toEqual([]);
  });
});

describe("insertMention", () => {
  it("replaces what was typed with @email and a space, and puts the caret after it", () => {
    expect(insertMention("hi @pa", { start: 3, query: "pa" }, 6, "paula@example.com")).toEqual({
      text: "hi @paula@example.com ",
      caret: 22,
    });
  });

  it("keeps the text after the caret and does not double a space", () => {
    const result = insertMention("@pa please", { start: 0, query: "pa" }, 3, "paula@example.com");
    expect(result.text).toBe("@paula@example.com please");
    expect(result.text.slice(result.caret)).toBe("please");
  });
});

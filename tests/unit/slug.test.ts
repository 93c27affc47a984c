import { describe, expect, it } from "vitest";
import { slugify } from "@/lib/services/kernel/slug";

describe("slugify", () => {
  const cases: [string, string][] = [
    ["Platform & Growth!", "platform-growth"],
    ["Team 42", "team-42"],
    ["  Équipe Café  ", "equipe-cafe"],
    ["Ünïcödé Señor", "unicode-senor"],
    ["ﬁnance", "finance"],
    ["---Hello---World---", "hello-world"],
    ["a_b.c/d", "a-b-c-d"],
    ["UPPER lower MiXeD", "upper-lower-mixed"],
    ["日本語", ""],
    ["!!!", ""],
    ["", ""],
  ];
  for (const [name, slug] of cases) {
    it(`${JSON.stringify(name)} -> ${JSON.stringify(slug)}`, () => {
      expect(slugify(name)).toBe(slug);
    });
  }

  it("is at most 40 characters", () => {
    expect(slugify("a".repeat(50))).toBe("a".repeat(40));
  });

  it("does not end with a hyphen after cutting to 40 characters", () => {
    const slug = slugify("abcdefghij abcdefghij abcdefghij abcdef ghij");
    expect(slug).toBe("abcdefghij-abcdefghij-abcdefghij-abcdef");
  });

  it("is idempotent and only ever yields lower-case ASCII words joined by single hyphens", () => {
    for (const name of [
      "Platform & Growth!",
      "  Ça va? -- Oui!  ",
      "x".repeat(45) + " y",
      "Q3 / Q4 — plan",
    ]) {
      const slug = slugify(name);
      expect(slug).toMatch(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/);
      expect(slugify(slug)).toBe(slug);
    }
  });
});

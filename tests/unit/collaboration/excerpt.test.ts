import { describe, expect, it } from "vitest";
import { EXCERPT_CHARS, excerptOf } from "@/lib/collaboration/excerpt";

describe("excerptOf", () => {
  it("returns short text whole, on one line", () => {
    expect(excerptOf("  Ship it\n\n  on  Monday ")).toBe("Ship it on Monday");
  });

  it("cuts long text at a word boundary with an ellipsis, within the limit", () => {
    const text = `${"word ".repeat(60)}end`;
    const out = excerptOf(text);
    expect(out.length).toBeLessThanOrEqual(EXCERPT_CHARS);
    expect(out.endsWith("word…")).toBe(true);
  });

  it("cuts text without spaces at the limit", () => {
    const out = excerptOf("x".repeat(500), 10);
    expect(out).toBe(`${"x".repeat(9)}…`);
  });

  it("keeps markup as typed (no HTML processing)", () => {
    expect(excerptOf("<script>alert(1)</script>")).toBe("<script>alert(1)</script>");
  });
});

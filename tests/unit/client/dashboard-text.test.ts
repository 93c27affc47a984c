import { describe, expect, it } from "vitest";
import { daysBetween, shiftText } from "@/components/dashboards/dashboard-text";

describe("dashboard words", () => {
  it("says a shift in days with its direction", () => {
    expect(shiftText(0)).toBe("unchanged");
    expect(shiftText(1)).toBe("1 day later");
    expect(shiftText(12)).toBe("12 days later");
    expect(shiftText(-3)).toBe("3 days earlier");
  });

  it("counts calendar days between plan dates, across a daylight-saving change and a leap day", () => {
    expect(daysBetween("2027-03-26", "2027-04-02")).toBe(7);
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2);
    expect(daysBetween("2027-05-10", "2027-05-01")).toBe(-9);
  });
});

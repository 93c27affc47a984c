import { describe, expect, it } from "vitest";
import { dueDigestPeriod } from "@/lib/collaboration/digest-period";

describe("dueDigestPeriod", () => {
  const berlinDaily = { frequency: "daily", timeZone: "Europe/Berlin", hour: 8 } as const;

  it("is due in the member's send hour in their time zone, covering the day before it", () => {
    // 07:10 UTC is 08:10 in Berlin in March (CET, +1).
    const period = dueDigestPeriod(new Date("2027-03-10T07:10:30Z"), berlinDaily);
    expect(period).toEqual({
      key: "daily:2027-03-10",
      from: new Date("2027-03-09T07:00:00Z"),
      until: new Date("2027-03-10T07:00:00Z"),
    });
    expect(dueDigestPeriod(new Date("2027-03-10T08:10:00Z"), berlinDaily)).toBeNull();
    expect(dueDigestPeriod(new Date("2027-03-10T06:59:00Z"), berlinDaily)).toBeNull();
  });

  it("weekly: Mondays only, covering the seven days before; off: never", () => {
    const weekly = { frequency: "weekly", timeZone: "UTC", hour: 8 } as const;
    expect(dueDigestPeriod(new Date("2027-03-09T08:05:00Z"), weekly)).toBeNull(); // a Tuesday
    expect(dueDigestPeriod(new Date("2027-03-08T08:05:00Z"), weekly)).toEqual({
      key: "weekly:2027-03-08",
      from: new Date("2027-03-01T08:00:00Z"),
      until: new Date("2027-03-08T08:00:00Z"),
    });
    expect(dueDigestPeriod(new Date("2027-03-08T08:05:00Z"), { ...weekly, frequency: "off" })).toBeNull();
  });

  it("a zone half an hour off UTC: due in its own hour, the period starts on its hour", () => {
    const kolkata = { frequency: "daily", timeZone: "Asia/Kolkata", hour: 9 } as const;
    // 03:40 UTC is 09:10 in Kolkata (+5:30).
    expect(dueDigestPeriod(new Date("2027-03-10T03:40:00Z"), kolkata)).toMatchObject({
      key: "daily:2027-03-10",
      until: new Date("2027-03-10T03:30:00Z"),
    });
  });

  it("the local date names the period, not the UTC one", () => {
    const tokyo = { frequency: "daily", timeZone: "Asia/Tokyo", hour: 8 } as const;
    // 23:15 UTC on the 9th is 08:15 on the 10th in Tokyo.
    expect(dueDigestPeriod(new Date("2027-03-09T23:15:00Z"), tokyo)?.key).toBe("daily:2027-03-10");
  });
});

import { describe, expect, it } from "vitest";
import { escapeText, foldLine, toICalendar, type ICalEvent } from "@/lib/exports/ical";

const NOW = new Date(Date.UTC(2027, 2, 1, 9, 5, 7, 123));

function octets(s: string): number {
  return Buffer.byteLength(s, "utf8");
}

/** Undoes folding (CRLF + one space or tab) and splits into content lines. */
function unfold(text: string): string[] {
  return text
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter((line, i, all) => !(i === all.length - 1 && line === ""));
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));
}

/** A minimal parser: every VEVENT's properties by name (parameters kept in the name). */
function parseEvents(text: string): Record<string, string>[] {
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of unfold(text)) {
    if (line === "BEGIN:VEVENT") current = {};
    else if (line === "END:VEVENT") {
      events.push(current!);
      current = null;
    } else if (current) {
      const colon = line.indexOf(":");
      current[line.slice(0, colon)] = line.slice(colon + 1);
    }
  }
  return events;
}

describe("escapeText", () => {
  it("escapes backslash, semicolon, comma and every kind of line break", () => {
    expect(escapeText("a\\b;c,d")).toBe("a\\\\b\\;c\\,d");
    expect(escapeText("one\r\ntwo\nthree\rfour")).toBe("one\\ntwo\\nthree\\nfour");
    expect(escapeText("\\n is not a newline")).toBe("\\\\n is not a newline");
  });

  it("drops control characters other than tab", () => {
    expect(escapeText("a\u0000b\u0007c\td\u007f")).toBe("abc\td");
  });
});

describe("foldLine", () => {
  it("leaves a 75-octet line alone and folds a 76-octet one", () => {
    const exact = "X".repeat(75);
    expect(foldLine(exact)).toBe(exact);
    expect(foldLine("X".repeat(76))).toBe("X".repeat(75) + "\r\n X");
  });

  it("puts 74 octets after the leading space of each continuation line", () => {
    const folded = foldLine("Y".repeat(75 + 74 + 10)).split("\r\n");
    expect(folded.map(octets)).toEqual([75, 75, 11]);
    expect(folded.slice(1).every((l) => l.startsWith(" "))).toBe(true);
  });

  it("never splits a multi-byte character (accents, CJK, emoji)", () => {
    for (const text of [
      "SUMMARY:" + "é".repeat(60),
      "SUMMARY:" + "路线图".repeat(30),
      "SUMMARY:" + "🚀".repeat(40),
      "DESCRIPTION:" + "a🚀é路".repeat(25),
    ]) {
      const lines = foldLine(text).split("\r\n");
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) {
        expect(octets(line)).toBeLessThanOrEqual(75);
        // A split character would show up as U+FFFD on a UTF-8 round trip of the physical line.
        expect(Buffer.from(line, "utf8").toString("utf8")).toBe(line);
        expect(line).not.toMatch(/[\uD800-\uDBFF]$|^[ ]?[\uDC00-\uDFFF]/);
      }
      expect(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join("")).toBe(text);
    }
  });

  it("fills an emoji line to the last whole character that fits", () => {
    // "SUMMARY:" is 8 octets; 16 emoji (64 octets) make 72, a 17th would make 76.
    const [first, second] = foldLine("SUMMARY:" + "🚀".repeat(20)).split("\r\n");
    expect(octets(first)).toBe(72);
    expect(second).toBe(" " + "🚀".repeat(4));
  });
});

describe("toICalendar", () => {
  const events: ICalEvent[] = [
    {
      uid: "review-1@cairn",
      date: "2027-03-15",
      summary: "Executive review; Q2, final",
      description: "Agenda:\n1. Risks\\issues\n2. Décisions, next steps",
      url: "https://cairn.example/roadmaps/7?tab=timeline&view=exec",
    },
    { uid: "milestone-42@cairn", date: "2028-02-28", summary: "Launch 🚀 " + "très long ".repeat(20) },
    { uid: "milestone-43@cairn", date: "2027-12-31", summary: "Year end" },
  ];
  const ics = toICalendar({ calendarName: "Cairn, Platform roadmap", events, now: NOW });

  it("ends every line with CRLF and has no bare CR or LF", () => {
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("keeps every physical line within 75 octets", () => {
    for (const line of ics.split("\r\n")) expect(octets(line)).toBeLessThanOrEqual(75);
  });

  it("has the calendar header and footer", () => {
    const lines = unfold(ics);
    expect(lines.slice(0, 6)).toEqual([
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Cairn//Roadmap//EN",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      "X-WR-CALNAME:Cairn\\, Platform roadmap",
    ]);
    expect(lines.at(-1)).toBe("END:VCALENDAR");
    expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(3);
    expect(lines.filter((l) => l === "END:VEVENT")).toHaveLength(3);
  });

  it("parses back to every event's fields, with DTEND the next day", () => {
    const parsed = parseEvents(ics);
    expect(parsed).toEqual([
      {
        UID: "review-1@cairn",
        DTSTAMP: "20270301T090507Z",
        "DTSTART;VALUE=DATE": "20270315",
        "DTEND;VALUE=DATE": "20270316",
        SUMMARY: "Executive review\\; Q2\\, final",
        DESCRIPTION: "Agenda:\\n1. Risks\\\\issues\\n2. Décisions\\, next steps",
        URL: "https://cairn.example/roadmaps/7?tab=timeline&view=exec",
      },
      {
        UID: "milestone-42@cairn",
        DTSTAMP: "20270301T090507Z",
        "DTSTART;VALUE=DATE": "20280228",
        "DTEND;VALUE=DATE": "20280229",
        SUMMARY: "Launch 🚀 " + "très long ".repeat(20),
      },
      {
        UID: "milestone-43@cairn",
        DTSTAMP: "20270301T090507Z",
        "DTSTART;VALUE=DATE": "20271231",
        "DTEND;VALUE=DATE": "20280101",
        SUMMARY: "Year end",
      },
    ]);
    for (const [i, event] of events.entries()) {
      expect(unescapeText(parsed[i].SUMMARY)).toBe(event.summary);
      if (event.description) expect(unescapeText(parsed[i].DESCRIPTION)).toBe(event.description);
    }
  });

  it("actually folds the long summary", () => {
    expect(ics).toContain("\r\n ");
  });

  it("writes an empty calendar", () => {
    expect(toICalendar({ calendarName: "Empty", events: [], now: NOW })).toBe(
      [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Cairn//Roadmap//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Empty",
        "END:VCALENDAR",
        "",
      ].join("\r\n"),
    );
  });

  it("rejects a malformed date, an invalid now and a URL that could break a line", () => {
    const base = { uid: "u", date: "2027-02-30", summary: "s" };
    expect(() => toICalendar({ calendarName: "c", events: [base], now: NOW })).toThrow(RangeError);
    expect(() => toICalendar({ calendarName: "c", events: [], now: new Date(NaN) })).toThrow(RangeError);
    expect(() =>
      toICalendar({
        calendarName: "c",
        events: [{ ...base, date: "2027-02-01", url: "https://x.example/\r\nBEGIN:VEVENT" }],
        now: NOW,
      }),
    ).toThrow(RangeError);
  });
});

// Plan dates as words in a locale, for the timeline page and the pictures drawn on the server.

/** Plan dates (YYYY-MM-DD) as UTC midnight, so that formatting never shifts them by a time zone. */
function utc(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

export interface DateText {
  /** 3 Mar 2027 */
  date: (iso: string) => string;
  /** 3 Mar – 14 Apr 2027 (one date when both are equal) */
  range: (start: string, end: string) => string;
  /** Mar */
  monthShort: (iso: string) => string;
  /** March 2027 */
  monthLong: (iso: string) => string;
}

/**
 * ICU versions differ in the spaces they put in dates (Node's uses thin spaces where browsers use
 * plain ones), which would make the server's HTML differ from the browser's first render: use
 * plain spaces everywhere, and join ranges ourselves rather than with formatRange.
 */
function plain(text: string): string {
  return text.replace(/[\u2009\u202f\u00a0]/g, " ");
}

export function makeDateText(locale: string | undefined): DateText {
  const medium = new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
  const dayMonth = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" });
  const short = new Intl.DateTimeFormat(locale, { month: "short", timeZone: "UTC" });
  const long = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" });
  const date = (iso: string) => plain(medium.format(utc(iso)));
  return {
    date,
    range: (start, end) => {
      if (start === end) return date(start);
      const first = start.slice(0, 4) === end.slice(0, 4) ? plain(dayMonth.format(utc(start))) : date(start);
      return `${first} – ${date(end)}`;
    },
    monthShort: (iso) => plain(short.format(utc(iso))),
    monthLong: (iso) => plain(long.format(utc(iso))),
  };
}

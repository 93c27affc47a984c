/**
 * Dates in the reader's locale. Plan dates (YYYY-MM-DD) are calendar dates with no time zone, so
 * they are formatted in UTC; timestamps in the reader's own time zone.
 */

export interface DateFormatContext {
  /** A BCP 47 tag; undefined means the browser's own. */
  locale?: string;
  /** undefined means the browser's own time zone. */
  timeZone?: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(ctx: DateFormatContext, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify([ctx.locale ?? "", ctx.timeZone ?? "", options]);
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(ctx.locale, { ...options, ...(ctx.timeZone && { timeZone: ctx.timeZone }) });
    formatters.set(key, f);
  }
  return f;
}

export const DATE_STYLES = {
  /** 25 Nov 2025 / Nov 25, 2025 */
  medium: { day: "numeric", month: "short", year: "numeric" },
  /** Nov 2025 */
  month: { month: "short", year: "numeric" },
  /** 25 Nov 2025, 14:05 */
  dateTime: { day: "numeric", month: "short", year: "numeric", hour: "numeric", minute: "2-digit" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;
export type DateStyle = keyof typeof DATE_STYLES;

const PLAN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A timestamp (ISO 8601) or a plan date (YYYY-MM-DD) as text. */
export function formatDate(value: string, style: DateStyle, ctx: DateFormatContext): string {
  const plan = PLAN_DATE.exec(value);
  const date = plan
    ? new Date(Date.UTC(Number(plan[1]), Number(plan[2]) - 1, Number(plan[3])))
    : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return formatter(plan ? { ...ctx, timeZone: "UTC" } : ctx, DATE_STYLES[style]).format(date);
}

export function pluralize(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}

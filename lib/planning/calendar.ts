// Calendar dates ("YYYY-MM-DD", no time zone) and the Monday-to-Friday working-day calendar.
// Everything works on integer day numbers (days since 1970-01-01), so every call is O(1)
// and no result depends on the machine's time zone.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const QUARTER_LABEL = /^(\d{4})-Q([1-4])$/;

/** 1970-01-05, a Monday: working-day index 0. */
const WORK_EPOCH_DAY = 4;

function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
}

function assertInteger(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${what} must be an integer, got ${n}`);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** month is 1-12. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

interface CivilDate {
  year: number;
  month: number;
  day: number;
}

function parseIso(s: string): CivilDate | null {
  const m = ISO_DATE.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function parseIsoOrThrow(iso: string): CivilDate {
  const parsed = parseIso(iso);
  if (!parsed) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  return parsed;
}

function formatCivil(year: number, month: number, day: number): string {
  if (year < 0 || year > 9999) throw new RangeError(`year ${year} is outside 0000-9999`);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

// Civil-date <-> day-number conversions after Howard Hinnant's algorithms; Date.UTC is avoided
// because it maps years 0-99 to 1900-1999.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = floorDiv(y, 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = floorDiv(153 * mp + 2, 5) + day - 1;
  const doe = yoe * 365 + floorDiv(yoe, 4) - floorDiv(yoe, 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(n: number): CivilDate {
  const z = n + 719468;
  const era = floorDiv(z, 146097);
  const doe = z - era * 146097;
  const yoe = floorDiv(doe - floorDiv(doe, 1460) + floorDiv(doe, 36524) - floorDiv(doe, 146096), 365);
  const doy = doe - (365 * yoe + floorDiv(yoe, 4) - floorDiv(yoe, 100));
  const mp = floorDiv(5 * doy + 2, 153);
  const day = doy - floorDiv(153 * mp + 2, 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** True for a real calendar date in YYYY-MM-DD form (rejects 2027-02-30, 2027-2-3, ...). */
export function isValidIsoDate(s: string): boolean {
  return typeof s === "string" && parseIso(s) !== null;
}

/** Days since 1970-01-01; throws RangeError on anything but a valid YYYY-MM-DD date. */
export function toDayNumber(iso: string): number {
  const { year, month, day } = parseIsoOrThrow(iso);
  return daysFromCivil(year, month, day);
}

export function fromDayNumber(n: number): string {
  assertInteger(n, "day number");
  const { year, month, day } = civilFromDays(n);
  return formatCivil(year, month, day);
}

export function addDays(iso: string, n: number): string {
  assertInteger(n, "days");
  return fromDayNumber(toDayNumber(iso) + n);
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function dayOfWeek(iso: string): number {
  return mod(toDayNumber(iso) + 3, 7) + 1;
}

// --- working days (Monday to Friday) -------------------------------------------------------

/** Working days strictly before day number n, counted from the work epoch (may be negative). */
function workIndexOnOrAfter(n: number): number {
  const offset = n - WORK_EPOCH_DAY;
  const weeks = floorDiv(offset, 7);
  return weeks * 5 + Math.min(offset - weeks * 7, 5);
}

function dayOfWorkIndex(i: number): number {
  const weeks = floorDiv(i, 5);
  return WORK_EPOCH_DAY + weeks * 7 + (i - weeks * 5);
}

function isWorkingDayNumber(n: number): boolean {
  return mod(n + 3, 7) < 5;
}

export function isWorkingDay(iso: string): boolean {
  return isWorkingDayNumber(toDayNumber(iso));
}

/** The index of the working day on or after iso; consecutive working days have consecutive indexes. */
export function toWorkIndex(iso: string): number {
  return workIndexOnOrAfter(toDayNumber(iso));
}

export function fromWorkIndex(i: number): string {
  assertInteger(i, "working-day index");
  return fromDayNumber(dayOfWorkIndex(i));
}

/** The working day on or after iso. */
export function nextWorkingDay(iso: string): string {
  return fromWorkIndex(toWorkIndex(iso));
}

/** The working day on or before iso. */
export function previousWorkingDay(iso: string): string {
  const n = toDayNumber(iso);
  return isWorkingDayNumber(n) ? iso : fromWorkIndex(workIndexOnOrAfter(n) - 1);
}

/**
 * Steps n working days from iso, not counting iso itself: +1 from a Friday or a Saturday is the
 * next Monday, -1 from a Monday or a Sunday the previous Friday; 0 returns iso unchanged.
 */
export function addWorkingDays(iso: string, n: number): string {
  assertInteger(n, "working days");
  if (n === 0) return iso;
  const day = toDayNumber(iso);
  const onOrAfter = workIndexOnOrAfter(day);
  if (n < 0) return fromWorkIndex(onOrAfter + n);
  const onOrBefore = isWorkingDayNumber(day) ? onOrAfter : onOrAfter - 1;
  return fromWorkIndex(onOrBefore + n);
}

/** Working days in [startIso, endIso], both included; 0 when end is before start. */
export function workingDaysBetween(startIso: string, endIso: string): number {
  const start = toDayNumber(startIso);
  const end = toDayNumber(endIso);
  if (end < start) return 0;
  return workIndexOnOrAfter(end + 1) - workIndexOnOrAfter(start);
}

// --- months and quarters --------------------------------------------------------------------

/** Adds calendar months, clamping to the month's end: 2027-01-31 + 1 month = 2027-02-28. */
export function addMonths(iso: string, n: number): string {
  assertInteger(n, "months");
  const { year, month, day } = parseIsoOrThrow(iso);
  const total = year * 12 + (month - 1) + n;
  const y = floorDiv(total, 12);
  const m = total - y * 12 + 1;
  return formatCivil(y, m, Math.min(day, daysInMonth(y, m)));
}

/** The last date inside a horizon of `months` months that starts on startIso. */
export function horizonEnd(startIso: string, months: number): string {
  return addDays(addMonths(startIso, months), -1);
}

/** "2027-Q1" style label. */
export type QuarterLabel = `${number}-Q${1 | 2 | 3 | 4}`;

export function isQuarterLabel(s: string): s is QuarterLabel {
  return QUARTER_LABEL.test(s);
}

export function quarterOf(iso: string): QuarterLabel {
  const { year, month } = parseIsoOrThrow(iso);
  return `${pad(year, 4)}-Q${Math.ceil(month / 3)}` as QuarterLabel;
}

function parseQuarter(quarter: string): { year: number; q: number } {
  const m = QUARTER_LABEL.exec(quarter);
  if (!m) throw new RangeError(`not a quarter (YYYY-Qn): ${JSON.stringify(quarter)}`);
  return { year: Number(m[1]), q: Number(m[2]) };
}

export function quarterStart(quarter: string): string {
  const { year, q } = parseQuarter(quarter);
  return formatCivil(year, q * 3 - 2, 1);
}

export function quarterEnd(quarter: string): string {
  const { year, q } = parseQuarter(quarter);
  return formatCivil(year, q * 3, daysInMonth(year, q * 3));
}

/** The first day of every month that overlaps [startIso, endIso], starting with start's own month. */
export function monthStarts(startIso: string, endIso: string): string[] {
  const end = toDayNumber(endIso);
  const first = parseIsoOrThrow(startIso);
  const out: string[] = [];
  if (end < toDayNumber(startIso)) return out;
  for (let m = formatCivil(first.year, first.month, 1); toDayNumber(m) <= end; m = addMonths(m, 1)) {
    out.push(m);
  }
  return out;
}

/** Labels of every quarter that overlaps [startIso, endIso], in order. */
export function quartersBetween(startIso: string, endIso: string): QuarterLabel[] {
  return quarterSpans(startIso, endIso).map((span) => span.label as QuarterLabel);
}

/** A period on the timeline, clipped to the range it was asked for. */
export interface CalendarSpan {
  /** "2027-01" for a month, "2027-Q1" for a quarter. */
  label: string;
  start: string;
  end: string;
}

/** The months overlapping [startIso, endIso], each clipped to the range: the columns of a timeline. */
export function monthSpans(startIso: string, endIso: string): CalendarSpan[] {
  return monthStarts(startIso, endIso).map((first) => {
    const monthEnd = addDays(addMonths(first, 1), -1);
    return {
      label: first.slice(0, 7),
      start: first < startIso ? startIso : first,
      end: monthEnd > endIso ? endIso : monthEnd,
    };
  });
}

/** The quarters overlapping [startIso, endIso], each clipped to the range. */
export function quarterSpans(startIso: string, endIso: string): CalendarSpan[] {
  const end = toDayNumber(endIso);
  const out: CalendarSpan[] = [];
  if (end < toDayNumber(startIso)) return out;
  for (let label: string = quarterOf(startIso); toDayNumber(quarterStart(label)) <= end;) {
    const qStart = quarterStart(label);
    const qEnd = quarterEnd(label);
    out.push({ label, start: qStart < startIso ? startIso : qStart, end: qEnd > endIso ? endIso : qEnd });
    label = quarterOf(addDays(qEnd, 1));
  }
  return out;
}

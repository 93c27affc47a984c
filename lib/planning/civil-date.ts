// Calendar dates as "YYYY-MM-DD" strings and integer day numbers (days since 1970-01-01).
// No time zones anywhere: the arithmetic is on integers, so no result depends on the machine.

import { assertInteger, floorDiv, mod } from "./integer-math";

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

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

const CHAR_0 = 48;
const CHAR_DASH = 45;

/** The digit at s[i], or NaN: hand-rolled because a regex here dominated the schedule's run time. */
function digitAt(s: string, i: number): number {
  const d = s.charCodeAt(i) - CHAR_0;
  return d >= 0 && d <= 9 ? d : NaN;
}

function isIsoShaped(s: string): boolean {
  return (
    typeof s === "string" && s.length === 10 && s.charCodeAt(4) === CHAR_DASH && s.charCodeAt(7) === CHAR_DASH
  );
}

// The three fields of an ISO-shaped string, NaN where a character is not a digit.
function yearOf(s: string): number {
  return digitAt(s, 0) * 1000 + digitAt(s, 1) * 100 + digitAt(s, 2) * 10 + digitAt(s, 3);
}
function monthOf(s: string): number {
  return digitAt(s, 5) * 10 + digitAt(s, 6);
}
function dayOf(s: string): number {
  return digitAt(s, 8) * 10 + digitAt(s, 9);
}

function isRealDate(year: number, month: number, day: number): boolean {
  // NaN fails every comparison, so a non-digit anywhere rejects the date.
  return year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function parseIso(s: string): CivilDate | null {
  if (!isIsoShaped(s)) return null;
  const year = yearOf(s);
  const month = monthOf(s);
  const day = dayOf(s);
  return isRealDate(year, month, day) ? { year, month, day } : null;
}

function notADate(value: string): RangeError {
  return new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(value)}`);
}

/** The year, month (1-12) and day of a date; throws RangeError on anything but a valid YYYY-MM-DD date. */
export function toCivilDate(iso: string): CivilDate {
  const parsed = parseIso(iso);
  if (!parsed) throw notADate(iso);
  return parsed;
}

function twoDigits(n: number): string {
  return n < 10 ? "0" + n : "" + n;
}

/** Formats a year (0-9999), month (1-12) and day as YYYY-MM-DD; no check that the day exists. */
export function formatCivil(year: number, month: number, day: number): string {
  if (year < 0 || year > 9999) throw new RangeError(`year ${year} is outside 0000-9999`);
  return (year >= 1000 ? "" + year : pad(year, 4)) + "-" + twoDigits(month) + "-" + twoDigits(day);
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
  return parseIso(s) !== null;
}

/** Days since 1970-01-01; throws RangeError on anything but a valid YYYY-MM-DD date. */
export function toDayNumber(iso: string): number {
  // Parsed without an intermediate object: the schedule calls this for every planned date.
  if (isIsoShaped(iso)) {
    const year = yearOf(iso);
    const month = monthOf(iso);
    const day = dayOf(iso);
    if (isRealDate(year, month, day)) return daysFromCivil(year, month, day);
  }
  throw notADate(iso);
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

/** Adds calendar months, clamping to the month's end: 2027-01-31 + 1 month = 2027-02-28. */
export function addMonths(iso: string, n: number): string {
  assertInteger(n, "months");
  const { year, month, day } = toCivilDate(iso);
  const total = year * 12 + (month - 1) + n;
  const y = floorDiv(total, 12);
  const m = total - y * 12 + 1;
  return formatCivil(y, m, Math.min(day, daysInMonth(y, m)));
}

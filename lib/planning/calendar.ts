// The Monday-to-Friday working-day calendar and the months and quarters of a timeline, on top of
// civil-date. Working days get consecutive integer indexes so that CPM can count in integers;
// every call is O(1) (the span lists are linear in their length).

import {
  addDays,
  addMonths,
  daysInMonth,
  formatCivil,
  fromDayNumber,
  toCivilDate,
  toDayNumber,
} from "./civil-date";
import { assertInteger, floorDiv, mod } from "./integer-math";

export {
  addDays,
  addMonths,
  dayOfWeek,
  daysInMonth,
  fromDayNumber,
  isLeapYear,
  isValidIsoDate,
  toCivilDate,
  toDayNumber,
  type CivilDate,
} from "./civil-date";

const QUARTER_LABEL = /^(\d{4})-Q([1-4])$/;

/** 1970-01-05, a Monday: working-day index 0. */
const WORK_EPOCH_DAY = 4;

// --- working days (Monday to Friday) -------------------------------------------------------

/**
 * The working-day index of the working day on or after day number n, which is also the number of
 * working days from the work epoch up to n (negative before it). Day-number form for hot loops.
 */
export function workIndexOnOrAfter(n: number): number {
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
  const { year, month } = toCivilDate(iso);
  return `${String(year).padStart(4, "0")}-Q${Math.ceil(month / 3)}` as QuarterLabel;
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
  const first = toCivilDate(startIso);
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

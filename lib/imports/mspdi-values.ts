// Values of Microsoft Project XML (MSPDI): ISO 8601 durations, link types and lags. Pure.
// MSPDI counts link lag in tenths of a minute on the project's calendar; Cairn's and MS Project's
// standard calendar agree: Monday to Friday, 480 working minutes a day.

export const MINUTES_PER_DAY = 480;
const TENTHS_PER_WORKING_DAY = MINUTES_PER_DAY * 10;
const TENTHS_PER_CALENDAR_DAY = 24 * 60 * 10;

/** PredecessorLink Type. */
export const LINK_TYPES: Record<string, string> = {
  "0": "finish-to-finish",
  "1": "finish-to-start",
  "2": "start-to-finish",
  "3": "start-to-start",
};
export const FINISH_TO_START = "1";

const DURATION =
  /^P(?:(\d{1,6})D)?(?:T(?:(\d{1,9}(?:\.\d{1,9})?)H)?(?:(\d{1,9}(?:\.\d{1,9})?)M)?(?:(\d{1,9}(?:\.\d{1,9})?)S)?)?$/;

/** Minutes in an ISO 8601 duration as MSPDI writes them ("PT16H0M0S"; a "D" counts 480 minutes); null if unreadable. */
export function durationMinutes(text: string | null): number | null {
  const m = text ? DURATION.exec(text.trim()) : null;
  if (!m) return null;
  const [days, hours, minutes, seconds] = m.slice(1).map((v) => (v ? Number(v) : 0));
  return days * MINUTES_PER_DAY + hours * 60 + minutes + seconds / 60;
}

export interface LagConversion {
  lagDays: number;
  /** Why the lag is not exactly what MS Project had, or null when it is. */
  approximation: string | null;
}

/**
 * A link's lag in Cairn's whole working days. LagFormat tells the unit the user typed; the
 * "elapsed" units (em, eh, ed, ew, emo) count calendar time, the estimated ones ("?") add 32.
 */
export function convertLag(linkLag: number, lagFormat: number): LagConversion {
  const format = lagFormat >= 35 ? lagFormat - 32 : lagFormat;
  if (format === 19 || format === 20)
    return {
      lagDays: 0,
      approximation:
        "A lag given as a percentage of the predecessor's duration is not supported; the link was kept with no lag.",
    };
  const elapsed = format === 4 || format === 6 || format === 8 || format === 10 || format === 12;
  if (elapsed) {
    const calendarDays = linkLag / TENTHS_PER_CALENDAR_DAY;
    const lagDays = Math.round((calendarDays * 5) / 7);
    return {
      lagDays,
      approximation: `An elapsed lag of ${round2(calendarDays)} calendar days was converted to ${lagDays} working days.`,
    };
  }
  const exact = linkLag / TENTHS_PER_WORKING_DAY;
  const lagDays = Math.round(exact);
  return {
    lagDays,
    approximation:
      lagDays === exact
        ? null
        : `A lag of ${round2(exact)} working days was rounded to ${lagDays}; Cairn counts whole days.`,
  };
}

export const round2 = (n: number) => Math.round(n * 100) / 100;

// Reading one CSV cell as a plan value: statuses, yes/no, hours, skill lists, dependency lists.
// Each returns the value or a sentence saying why it cannot be read. Pure.

import { ITEM_STATUSES } from "../validation/timeline";
import { quoted } from "./normalize-context";

type ItemStatus = (typeof ITEM_STATUSES)[number];
export type Cell<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Cell<T> => ({ ok: true, value });
const fail = (reason: string): Cell<never> => ({ ok: false, reason });

const STATUS_WORDS: Record<string, ItemStatus> = {
  planned: "planned",
  todo: "planned",
  open: "planned",
  notstarted: "planned",
  backlog: "planned",
  inprogress: "in_progress",
  started: "in_progress",
  doing: "in_progress",
  active: "in_progress",
  done: "done",
  complete: "done",
  completed: "done",
  closed: "done",
  finished: "done",
  atrisk: "at_risk",
  blocked: "at_risk",
  cut: "cut",
  cancelled: "cut",
  canceled: "cut",
  wontdo: "cut",
};

/** "In progress", "in_progress", "To do", "Done"...; empty is planned. */
export function parseStatus(raw: string): Cell<ItemStatus> {
  const word = raw.toLowerCase().replace(/[\s_\-']+/g, "");
  if (!word) return ok("planned");
  const status = STATUS_WORDS[word];
  return status && Object.hasOwn(STATUS_WORDS, word)
    ? ok(status)
    : fail(`The status ${quoted(raw.trim())} is not one of ${ITEM_STATUSES.join(", ")}.`);
}

const YES = new Set(["yes", "y", "true", "1", "x"]);
const NO = new Set(["no", "n", "false", "0", ""]);

export function parseYesNo(raw: string, label: string): Cell<boolean> {
  const word = raw.trim().toLowerCase();
  if (YES.has(word)) return ok(true);
  if (NO.has(word)) return ok(false);
  return fail(`${label} should be yes or no, not ${quoted(raw.trim())}.`);
}

/** A plain decimal number of hours, "12" or "7.5"; empty is null. */
export function parseHours(raw: string, label: string): Cell<number | null> {
  const text = raw.trim();
  if (!text) return ok(null);
  if (!/^\d{1,9}(\.\d{1,6})?$/.test(text)) return fail(`${label} ${quoted(text)} is not a number of hours.`);
  return ok(Number(text));
}

/** "Backend:40; Frontend:20": a skill name (which may itself hold ":") and hours after the last ":". */
/** A Cairn item's skills, as the JSON export allows (lib/validation/roadmap-document.ts). */
export const MAX_SKILLS = 50;
/** Entries of one depends_on cell: far more than a plan needs, few enough to read in no time. */
export const MAX_DEPENDS_ON = 1_000;

/** The non-blank ";"-separated parts of a cell, trimmed, or null past `max` (read no further). */
function listOf(raw: string, max: number): string[] | null {
  const parts: string[] = [];
  for (let from = 0; from <= raw.length;) {
    const semicolon = raw.indexOf(";", from);
    const end = semicolon === -1 ? raw.length : semicolon;
    const part = raw.slice(from, end).trim();
    if (part) {
      if (parts.length === max) return null;
      parts.push(part);
    }
    from = end + 1;
  }
  return parts;
}

export function parseSkills(raw: string): Cell<{ skill: string; hours: number }[]> {
  const skills: { skill: string; hours: number }[] = [];
  const parts = listOf(raw, MAX_SKILLS);
  if (!parts) return fail(`A row may list at most ${MAX_SKILLS} skills.`);
  for (const part of parts) {
    const entry = part.trim();
    if (!entry) continue;
    const colon = entry.lastIndexOf(":");
    const hours = colon === -1 ? null : parseHours(entry.slice(colon + 1), "Skill hours");
    if (!hours || !hours.ok || hours.value === null)
      return fail(`The skill ${quoted(entry)} should be written as name:hours, e.g. "Backend:40".`);
    skills.push({ skill: entry.slice(0, colon).trim(), hours: hours.value });
  }
  return ok(skills);
}

/** One entry of a depends_on cell: a reference (id or title) and a lag like "+3" or "-2" (working days). */
export interface DependencyRef {
  text: string;
  withoutLag: { ref: string; lagDays: number } | null;
}

const LAG_SUFFIX = /([+-])\s*(\d{1,4})\s*d?$/i;

/**
 * "a1; Design review+2; b7-1" → its entries; the lag split is tried only if the whole text matches
 * nothing. Null when the cell lists more than MAX_DEPENDS_ON.
 */
export function parseDependsOn(raw: string): DependencyRef[] | null {
  const parts = listOf(raw, MAX_DEPENDS_ON);
  if (!parts) return null;
  return parts
    .map((part) => part.trim())
    .filter(Boolean)
    .map((text) => {
      const lag = LAG_SUFFIX.exec(text);
      const ref = lag ? text.slice(0, lag.index).trim() : "";
      return {
        text,
        withoutLag: lag && ref ? { ref, lagDays: (lag[1] === "-" ? -1 : 1) * Number(lag[2]) } : null,
      };
    });
}

// A realistic Microsoft Project XML (MSPDI) plan of N tasks for import benchmarks and tests:
// about 10% summary tasks (some nested), 8% milestones, finish-to-start chains inside each summary
// with occasional lags and links across summaries, and ~3% start-to-start links. Dates are
// scheduled the way MS Project would on a Monday-Friday calendar (8:00-17:00, 480 minutes a day),
// so every FS link holds. The same (tasks, seed) always gives the same text.

import { fromWorkIndex, toWorkIndex } from "../../lib/planning/calendar";
import { SeededRandom } from "../../lib/planning/random";

const PROJECT_START = "2027-01-04"; // a Monday
const MINUTES_PER_DAY = 480;

interface GeneratedTask {
  uid: number;
  name: string;
  level: number;
  summary: boolean;
  milestone: boolean;
  /** Working-day indexes, inclusive. */
  start: number;
  finish: number;
  workHours: number;
  percent: number;
  links: { predecessor: number; type: 1 | 3; lagDays: number }[];
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const hours = (h: number) => `PT${h}H0M0S`;
const NOUNS = [
  "API",
  "Billing",
  "Search",
  "Onboarding",
  "Reports",
  "Mobile app",
  "Data import",
  "SSO & SCIM",
  "Audit log",
];
const VERBS = ["Design", "Build", "Test", "Migrate", "Review", "Harden", "Roll out"];

export function generateMspdi(tasks: number, seed = 1): string {
  if (!Number.isInteger(tasks) || tasks < 1)
    throw new RangeError(`tasks must be a positive whole number, got ${tasks}`);
  const rng = new SeededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rng.uniform() * (hi - lo + 1));
  const chance = (p: number) => rng.uniform() < p;
  const day0 = toWorkIndex(PROJECT_START);

  const out: GeneratedTask[] = [];
  let groupLeft = 0;
  let groupStart = day0;
  let summaries: GeneratedTask[] = [];
  let previous: GeneratedTask | null = null;
  let groupFirst = 0;
  for (let uid = 1; uid <= tasks; uid++) {
    const base = { uid, workHours: 0, percent: 0 };
    if (groupLeft === 0 || uid === 1) {
      groupLeft = int(6, 12);
      groupStart = day0 + int(0, 200);
      const summary: GeneratedTask = {
        ...base,
        links: [],
        name: `${NOUNS[uid % NOUNS.length]} ${uid}`,
        level: 1,
        summary: true,
        milestone: false,
        start: groupStart,
        finish: groupStart,
      };
      out.push(summary);
      summaries = [summary];
      previous = null;
      groupFirst = out.length;
      continue;
    }
    groupLeft--;
    if (summaries.length === 1 && groupLeft > 3 && chance(0.15)) {
      const nested: GeneratedTask = {
        ...base,
        links: [],
        name: `${VERBS[uid % VERBS.length]} phase ${uid}`,
        level: 2,
        summary: true,
        milestone: false,
        start: groupStart,
        finish: groupStart,
      };
      out.push(nested);
      summaries.push(nested);
      continue;
    }
    const milestone = previous !== null && chance(0.09);
    const lagDays = chance(0.2) ? int(1, 3) : 0;
    const start = previous ? previous.finish + 1 + lagDays : groupStart;
    const duration = milestone ? 0 : int(2, 15);
    const task: GeneratedTask = {
      ...base,
      links: previous ? [{ predecessor: previous.uid, type: 1, lagDays }] : [],
      name: milestone
        ? `${NOUNS[uid % NOUNS.length]} ready ${uid}`
        : `${VERBS[uid % VERBS.length]} ${NOUNS[(uid * 7) % NOUNS.length]} ${uid}`,
      level: summaries.length + 1,
      summary: false,
      milestone,
      // A milestone sits at the end of its predecessor's last day, as MS Project shows it.
      start: milestone ? previous!.finish : start,
      finish: milestone ? previous!.finish : start + duration - 1,
      workHours: milestone ? 0 : duration * 8 * int(1, 2),
      percent: uid < tasks / 10 ? 100 : uid < tasks / 5 ? int(10, 90) : 0,
    };
    // Start-to-start: this task starts no earlier than an earlier task of its group started.
    const earlier = out.length > groupFirst ? out[int(groupFirst, out.length - 1)] : previous;
    if (
      !milestone &&
      earlier &&
      !earlier.summary &&
      earlier !== previous &&
      earlier.start <= task.start &&
      chance(0.04)
    )
      task.links.push({ predecessor: earlier.uid, type: 3, lagDays: 0 });
    // Across summaries: a task that finished before this one starts.
    const other = out[int(0, out.length - 1)];
    if (
      !other.summary &&
      other.finish < task.start &&
      !task.links.some((l) => l.predecessor === other.uid) &&
      chance(0.05)
    )
      task.links.push({ predecessor: other.uid, type: 1, lagDays: 0 });
    out.push(task);
    for (const s of summaries) {
      s.start = Math.min(s.start, task.start);
      s.finish = Math.max(s.finish, task.finish);
      s.workHours += task.workHours;
    }
    previous = task;
  }
  return toXml(out, day0);
}

function taskXml(t: GeneratedTask, id: number): string {
  const at = (index: number, time: string) => `${fromWorkIndex(index)}T${time}`;
  const days = t.milestone ? 0 : t.finish - t.start + 1;
  const links = t.links
    .map(
      (l) =>
        `<PredecessorLink><PredecessorUID>${l.predecessor}</PredecessorUID><Type>${l.type}</Type><CrossProject>0</CrossProject><LinkLag>${l.lagDays * MINUTES_PER_DAY * 10}</LinkLag><LagFormat>7</LagFormat></PredecessorLink>`,
    )
    .join("");
  return [
    `<Task><UID>${t.uid}</UID><ID>${id}</ID><Name>${escapeXml(t.name)}</Name><Type>0</Type><IsNull>0</IsNull>`,
    `<OutlineLevel>${t.level}</OutlineLevel><Start>${at(t.start, t.milestone ? "17:00:00" : "08:00:00")}</Start>`,
    `<Finish>${at(t.finish, "17:00:00")}</Finish><Duration>${hours(days * 8)}</Duration><DurationFormat>7</DurationFormat>`,
    `<Work>${hours(t.workHours)}</Work><Milestone>${t.milestone ? 1 : 0}</Milestone><Summary>${t.summary ? 1 : 0}</Summary>`,
    `<PercentComplete>${t.percent}</PercentComplete>${links}</Task>`,
  ].join("\n\t\t\t");
}

function toXml(tasks: GeneratedTask[], day0: number): string {
  const finish = tasks.reduce((max, t) => Math.max(max, t.finish), day0);
  const projectSummary = `<Task><UID>0</UID><ID>0</ID><Name>Generated plan</Name><OutlineLevel>0</OutlineLevel><Summary>1</Summary><Start>${fromWorkIndex(day0)}T08:00:00</Start><Finish>${fromWorkIndex(finish)}T17:00:00</Finish></Task>`;
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<Project xmlns="http://schemas.microsoft.com/project">',
    "\t<SaveVersion>14</SaveVersion>",
    `\t<Name>generated-${tasks.length}.xml</Name>`,
    "\t<Title>Generated plan</Title>",
    "\t<ScheduleFromStart>1</ScheduleFromStart>",
    `\t<StartDate>${fromWorkIndex(day0)}T08:00:00</StartDate>`,
    `\t<FinishDate>${fromWorkIndex(finish)}T17:00:00</FinishDate>`,
    `\t<MinutesPerDay>${MINUTES_PER_DAY}</MinutesPerDay>`,
    "\t<MinutesPerWeek>2400</MinutesPerWeek>",
    "\t<Tasks>",
    `\t\t${projectSummary}`,
    ...tasks.map((t, i) => `\t\t${taskXml(t, i + 1)}`),
    "\t</Tasks>",
    "</Project>",
    "",
  ].join("\n");
}

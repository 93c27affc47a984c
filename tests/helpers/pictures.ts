import type { PictureInput, PictureItem } from "@/lib/exports/timeline/picture-model";
import { makeDateText } from "@/lib/planning/date-text";
import type { Audience } from "@/lib/validation/communication-kinds";

/** Titles that would break a file that does not escape: markup, entities, quotes, every script. */
export const HOSTILE_TITLES = [
  `<script>alert("x")</script> & <b>bold</b>`,
  `Café & "quotes" 'apostrophes' ]]> <!-- -->`,
  "🚀 Launch 👩🏽‍💻 rocket",
  "שלום עולם launch",
  "مرحبا بالعالم",
  "中文标题 日本語のタイトル 한국어",
  `Long ${"x".repeat(194)}`,
];

let counter = 0;
const id = (prefix: string) => `${prefix}-${++counter}`;

export function feature(
  title: string,
  startDate: string,
  endDate: string,
  extra: Partial<PictureItem> = {},
): PictureItem {
  return {
    id: id("f"),
    kind: "feature",
    title,
    startDate,
    endDate,
    workstreamId: null,
    status: "planned",
    isKey: false,
    progress: 0,
    ...extra,
  };
}

export function milestone(title: string, date: string, extra: Partial<PictureItem> = {}): PictureItem {
  return {
    id: id("m"),
    kind: "milestone",
    title,
    startDate: date,
    endDate: date,
    workstreamId: null,
    status: "planned",
    isKey: false,
    progress: 0,
    ...extra,
  };
}

/** A small roadmap of two lanes, starting Monday 4 Jan 2027, as the pictures take it. */
export function samplePictureInput(
  audience: Audience = "engineering",
  overrides: Partial<PictureInput> = {},
): PictureInput {
  const lanes = [
    { id: "lane-platform", name: "Platform", position: 0 },
    { id: "lane-growth", name: "Growth", position: 1 },
  ];
  const api = feature("Payments API", "2027-01-11", "2027-02-19", {
    workstreamId: "lane-platform",
    status: "in_progress",
  });
  const ledger = feature("Ledger", "2027-01-18", "2027-03-12", { workstreamId: "lane-platform" });
  const funnel = feature("Checkout funnel", "2027-03-01", "2027-04-16", {
    workstreamId: "lane-growth",
    status: "at_risk",
  });
  const cut = feature("Legacy cleanup", "2027-02-15", "2027-03-05", {
    workstreamId: "lane-growth",
    status: "cut",
  });
  const beta = milestone("Beta", "2027-03-15", { workstreamId: "lane-platform" });
  const launch = milestone("Public launch", "2027-05-03", { workstreamId: "lane-growth", isKey: true });
  return {
    title: "Checkout relaunch",
    audience,
    from: "2027-01-04",
    to: "2027-12-31",
    detail: "quarters",
    today: "2027-02-01",
    lanes,
    items: [api, ledger, funnel, cut, beta, launch],
    dependencies: [
      { id: "d1", fromId: api.id, toId: funnel.id, lagDays: 3 },
      { id: "d2", fromId: funnel.id, toId: launch.id, lagDays: 0 },
    ],
    schedule: new Map([
      [api.id, { critical: true, slackDays: 0, violation: false }],
      [funnel.id, { critical: true, slackDays: 0, violation: false }],
      [launch.id, { critical: true, slackDays: 0, violation: false }],
      [ledger.id, { critical: false, slackDays: 12, violation: true }],
    ]),
    forecast: new Map([[launch.id, { p80: "2027-05-20", onTimeProbability: 0.42 }]]),
    laneProgress: new Map([
      ["lane-platform", 0.25],
      ["lane-growth", 0],
    ]),
    phases: [
      {
        id: "p1",
        name: "Build",
        startDate: "2027-01-04",
        endDate: "2027-03-31",
        position: 0,
        subjectToReplanning: false,
        gate: { title: "Beta go", decision: "proceed" },
      },
      {
        id: "p2",
        name: "Grow",
        startDate: "2027-04-01",
        endDate: "2027-09-30",
        position: 1,
        subjectToReplanning: true,
        gate: null,
      },
    ],
    dates: makeDateText("en-GB"),
    ...overrides,
  };
}

import { excerptOf } from "@/lib/collaboration/excerpt";
import { seedCommunication } from "./seed-communication";
import { seedReplanning } from "./seed-replanning";
import type { Database } from "./types";
import {
  comments,
  dependencies,
  items,
  itemSkills,
  memberships,
  notifications,
  riskItems,
  risks,
  roadmaps,
  skills,
  staffingPlans,
  staffingRows,
  teams,
  users,
  workstreams,
} from "./schema";

export const DEMO_LOGIN = { email: "demo@cairn.test", password: "cairn-demo-roadmap" } as const;

const DEMO_MEMBERS = [
  { email: DEMO_LOGIN.email, name: "Dana Okafor", role: "owner" },
  { email: "priya@cairn.test", name: "Priya Raman", role: "editor" },
  { email: "marcus@cairn.test", name: "Marcus Lindqvist", role: "commenter" },
  { email: "elena@cairn.test", name: "Elena Vargas", role: "viewer" },
] as const;

const SKILLS = ["Backend", "Frontend", "Mobile", "Data", "Design", "Security"] as const;
type SkillName = (typeof SKILLS)[number];

const LANES = ["Platform", "Checkout experience", "Mobile", "Data & insights", "Launch"] as const;
type Lane = (typeof LANES)[number];

interface DemoFeature {
  key: string;
  lane: Lane;
  title: string;
  /** Week offset from the roadmap start, and length in weeks. */
  week: number;
  weeks: number;
  hours: [number, number, number];
  skills: Partial<Record<SkillName, number>>;
  status?: "planned" | "in_progress" | "done" | "at_risk";
  after?: string[];
}
interface DemoMilestone {
  key: string;
  lane: Lane;
  title: string;
  week: number;
  outcome: string;
  isKey?: boolean;
  after: string[];
}

const FEATURES: DemoFeature[] = [
  {
    key: "ledger",
    lane: "Platform",
    title: "Double-entry ledger service",
    week: 0,
    weeks: 8,
    hours: [480, 640, 960],
    skills: { Backend: 560, Data: 80 },
    status: "in_progress",
  },
  {
    key: "idem",
    lane: "Platform",
    title: "Idempotent payment API",
    week: 2,
    weeks: 6,
    hours: [320, 400, 600],
    skills: { Backend: 400 },
    status: "in_progress",
  },
  {
    key: "psp",
    lane: "Platform",
    title: "Second payment provider adapter",
    week: 8,
    weeks: 7,
    hours: [360, 480, 720],
    skills: { Backend: 440, Security: 40 },
    after: ["ledger"],
  },
  {
    key: "fraud",
    lane: "Platform",
    title: "Rules-based fraud screening",
    week: 10,
    weeks: 8,
    hours: [400, 520, 800],
    skills: { Backend: 320, Data: 200 },
    after: ["idem"],
  },
  {
    key: "pci",
    lane: "Platform",
    title: "PCI DSS 4.0 controls",
    week: 6,
    weeks: 10,
    hours: [300, 420, 700],
    skills: { Security: 300, Backend: 120 },
  },
  {
    key: "multi",
    lane: "Platform",
    title: "Multi-currency settlement",
    week: 20,
    weeks: 10,
    hours: [560, 720, 1100],
    skills: { Backend: 560, Data: 160 },
    after: ["psp"],
  },
  {
    key: "payouts",
    lane: "Platform",
    title: "Instant payouts",
    week: 34,
    weeks: 9,
    hours: [480, 600, 900],
    skills: { Backend: 520, Security: 80 },
    after: ["multi"],
  },
  {
    key: "redesign",
    lane: "Checkout experience",
    title: "Checkout redesign research",
    week: 0,
    weeks: 4,
    hours: [120, 160, 220],
    skills: { Design: 160 },
    status: "done",
  },
  {
    key: "checkout",
    lane: "Checkout experience",
    title: "One-page checkout",
    week: 5,
    weeks: 9,
    hours: [520, 680, 980],
    skills: { Frontend: 520, Design: 80, Backend: 80 },
    status: "in_progress",
    after: ["redesign"],
  },
  {
    key: "wallets",
    lane: "Checkout experience",
    title: "Apple Pay and Google Pay",
    week: 14,
    weeks: 6,
    hours: [280, 360, 520],
    skills: { Frontend: 200, Backend: 160 },
    after: ["checkout", "idem"],
  },
  {
    key: "saved",
    lane: "Checkout experience",
    title: "Saved cards and one-click",
    week: 21,
    weeks: 7,
    hours: [320, 420, 640],
    skills: { Frontend: 240, Backend: 140, Security: 40 },
    after: ["wallets"],
  },
  {
    key: "a11y",
    lane: "Checkout experience",
    title: "Checkout accessibility audit fixes",
    week: 16,
    weeks: 4,
    hours: [100, 140, 220],
    skills: { Frontend: 120, Design: 20 },
    after: ["checkout"],
  },
  {
    key: "bnpl",
    lane: "Checkout experience",
    title: "Buy now, pay later option",
    week: 36,
    weeks: 8,
    hours: [360, 480, 760],
    skills: { Frontend: 200, Backend: 280 },
    after: ["saved"],
  },
  {
    key: "sdk",
    lane: "Mobile",
    title: "Mobile payments SDK (iOS, Android)",
    week: 12,
    weeks: 12,
    hours: [640, 860, 1300],
    skills: { Mobile: 760, Backend: 100 },
    after: ["idem"],
  },
  {
    key: "mcheck",
    lane: "Mobile",
    title: "Native checkout sheet",
    week: 24,
    weeks: 8,
    hours: [400, 520, 780],
    skills: { Mobile: 440, Design: 80 },
    after: ["sdk", "checkout"],
  },
  {
    key: "tap",
    lane: "Mobile",
    title: "Tap to pay on phone",
    week: 40,
    weeks: 10,
    hours: [520, 680, 1040],
    skills: { Mobile: 560, Security: 120 },
    after: ["mcheck"],
  },
  {
    key: "events",
    lane: "Data & insights",
    title: "Payment events pipeline",
    week: 4,
    weeks: 8,
    hours: [360, 460, 700],
    skills: { Data: 400, Backend: 60 },
    status: "at_risk",
    after: ["redesign"],
  },
  {
    key: "dash",
    lane: "Data & insights",
    title: "Merchant analytics dashboard",
    week: 14,
    weeks: 8,
    hours: [400, 520, 760],
    skills: { Frontend: 260, Data: 260 },
    after: ["events"],
  },
  {
    key: "recon",
    lane: "Data & insights",
    title: "Automated reconciliation",
    week: 18,
    weeks: 9,
    hours: [440, 580, 880],
    skills: { Data: 360, Backend: 220 },
    after: ["ledger", "events"],
  },
  {
    key: "ml",
    lane: "Data & insights",
    title: "ML fraud scoring",
    week: 30,
    weeks: 12,
    hours: [640, 840, 1400],
    skills: { Data: 700, Backend: 140 },
    after: ["fraud", "events"],
  },
  {
    key: "beta",
    lane: "Launch",
    title: "Private beta with 20 merchants",
    week: 22,
    weeks: 6,
    hours: [160, 200, 300],
    skills: { Backend: 80, Frontend: 80, Design: 40 },
    after: ["wallets", "dash"],
  },
  {
    key: "docs",
    lane: "Launch",
    title: "Developer docs and migration guides",
    week: 26,
    weeks: 6,
    hours: [160, 220, 320],
    skills: { Backend: 120, Frontend: 100 },
    after: ["sdk"],
  },
  {
    key: "pricing",
    lane: "Launch",
    title: "Pricing and packaging",
    week: 28,
    weeks: 4,
    hours: [60, 80, 120],
    skills: { Design: 80 },
  },
  {
    key: "eu",
    lane: "Launch",
    title: "EU expansion readiness",
    week: 44,
    weeks: 10,
    hours: [360, 480, 720],
    skills: { Backend: 240, Security: 160, Frontend: 80 },
    after: ["payouts", "multi"],
  },
];

const MILESTONES: DemoMilestone[] = [
  {
    key: "m-core",
    lane: "Platform",
    title: "Core payments live",
    week: 11,
    outcome:
      "All card payments run through the new ledger and idempotent API, with zero reconciliation breaks for 14 days.",
    isKey: true,
    after: ["ledger", "idem"],
  },
  {
    key: "m-pci",
    lane: "Platform",
    title: "PCI DSS 4.0 certified",
    week: 17,
    outcome: "QSA report on compliance signed with no open findings.",
    isKey: true,
    after: ["pci"],
  },
  {
    key: "m-checkout",
    lane: "Checkout experience",
    title: "New checkout at 100% of traffic",
    week: 21,
    outcome: "Checkout conversion at least 3 points above the old flow over a 4-week A/B test.",
    isKey: true,
    after: ["wallets", "a11y"],
  },
  {
    key: "m-beta",
    lane: "Launch",
    title: "Beta exit review",
    week: 29,
    outcome: "20 beta merchants processing live volume with NPS 40 or above and no P1 incidents for 30 days.",
    after: ["beta"],
  },
  {
    key: "m-ga",
    lane: "Launch",
    title: "General availability",
    week: 34,
    outcome:
      "Self-serve onboarding open to all merchants in the US and UK; 99.95% API availability over the launch month.",
    isKey: true,
    after: ["m-beta", "docs", "mcheck", "recon"],
  },
  {
    key: "m-ml",
    lane: "Data & insights",
    title: "ML fraud model in production",
    week: 43,
    outcome: "Fraud losses below 0.08% of volume with false-positive declines under 0.5%.",
    after: ["ml"],
  },
  {
    key: "m-eu",
    lane: "Launch",
    title: "EU launch",
    week: 55,
    outcome: "Merchants in Germany, France and the Netherlands can sign up and settle in EUR.",
    isKey: true,
    after: ["eu", "tap"],
  },
];

/** Engineers' verdicts on milestones, so that a newcomer sees feasibility feedback at once. */
const COMMENTS = [
  {
    on: "m-ga",
    by: 2,
    feasibility: "not_feasible",
    body: "Not feasible as drawn: the mobile SDK runs into the docs window, and docs need the final SDK API. @demo@cairn.test could we start the docs on the SDK beta instead?",
    reply: {
      by: 1,
      body: "Agreed. I'll move **Developer docs** to start with the SDK beta and re-check the GA date.",
    },
  },
  {
    on: "m-core",
    by: 2,
    feasibility: "feasible",
    body: "On track: idempotency keys are done and the ledger passes the reconciliation replay.",
  },
  {
    on: "m-pci",
    by: 2,
    feasibility: "concerns",
    body: "Concerns: the QSA has not confirmed the audit slot yet. If it moves by a month, certification slips with it.",
  },
] as const;

const RISKS = [
  {
    title: "Second payment provider contract not signed",
    kind: "dependency",
    likelihood: 4,
    impact: 4,
    delayDays: 15,
    on: ["psp"],
    contingency: null,
  },
  {
    title: "QSA audit slot not confirmed",
    kind: "external",
    likelihood: 3,
    impact: 4,
    delayDays: 20,
    on: ["m-pci"],
    contingency: "Book a second QSA firm as a fallback; keep evidence collection continuous.",
  },
  {
    title: "Only two mobile engineers",
    kind: "roadblock",
    likelihood: 3,
    impact: 3,
    delayDays: 10,
    on: ["sdk", "mcheck"],
    contingency: "Borrow one frontend engineer with React Native experience for the checkout sheet.",
  },
  {
    title: "PSD3 changes strong customer authentication rules",
    kind: "external",
    likelihood: 2,
    impact: 5,
    delayDays: 25,
    on: ["eu"],
    contingency: "Track the draft monthly with legal; keep SCA flows behind a feature flag.",
  },
] as const;

/** Headcount per skill, each at 32 focused hours a week, the same every quarter. */
const STAFFING: Record<SkillName, number> = {
  Backend: 4,
  Frontend: 2,
  Mobile: 2,
  Data: 2,
  Design: 1,
  Security: 1,
};

/** "2027-Q1" for every calendar quarter from `start` over `months`. */
function quartersFrom(start: Date, months: number): string[] {
  const out = new Set<string>();
  for (let m = 0; m < months; m++) {
    const d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + m, 1));
    out.add(`${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`);
  }
  return [...out];
}

/** The Monday on or after the first day of the current quarter: the demo always starts "now". */
function demoStart(today = new Date()): Date {
  const d = new Date(Date.UTC(today.getUTCFullYear(), Math.floor(today.getUTCMonth() / 3) * 3, 1));
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

function weekDay(start: Date, week: number, weekday: 0 | 4): string {
  const d = new Date(start);
  d.setUTCDate(d.getUTCDate() + week * 7 + weekday);
  return d.toISOString().slice(0, 10);
}

/** Writes the demo team: four members with different roles and a 15-month payments roadmap. */
export async function seedDemo(db: Database, deps: { hashPassword: (p: string) => Promise<string> }) {
  const passwordHash = await deps.hashPassword(DEMO_LOGIN.password);
  await db.transaction(async (tx) => {
    const people = await tx
      .insert(users)
      .values(DEMO_MEMBERS.map((m) => ({ email: m.email, name: m.name, passwordHash })))
      .returning();
    const [team] = await tx
      .insert(teams)
      .values({ name: "Northwind Payments", slug: "northwind" })
      .returning();
    await tx
      .insert(memberships)
      .values(DEMO_MEMBERS.map((m, i) => ({ teamId: team.id, userId: people[i].id, role: m.role })));
    const skillRows = await tx
      .insert(skills)
      .values(SKILLS.map((name) => ({ teamId: team.id, name })))
      .returning();
    const skillId = new Map(skillRows.map((s) => [s.name, s.id]));

    const start = demoStart();
    const [roadmap] = await tx
      .insert(roadmaps)
      .values({
        teamId: team.id,
        title: "Payments platform 2027",
        description:
          "From a single-provider card checkout to a multi-currency payments platform with mobile, data and an EU launch.",
        startDate: start.toISOString().slice(0, 10),
        horizonMonths: 15,
        status: "active",
        createdBy: people[0].id,
      })
      .returning();
    const lanes = await tx
      .insert(workstreams)
      .values(LANES.map((name, position) => ({ roadmapId: roadmap.id, name, position })))
      .returning();
    const laneId = new Map(lanes.map((l) => [l.name, l.id]));

    const owners = [people[0].id, people[1].id, people[2].id];
    const itemRows = await tx
      .insert(items)
      .values([
        ...FEATURES.map((f, i) => ({
          roadmapId: roadmap.id,
          workstreamId: laneId.get(f.lane)!,
          kind: "feature" as const,
          title: f.title,
          startDate: weekDay(start, f.week, 0),
          endDate: weekDay(start, f.week + f.weeks - 1, 4),
          status: f.status ?? "planned",
          optimisticHours: f.hours[0],
          likelyHours: f.hours[1],
          pessimisticHours: f.hours[2],
          ownerId: owners[i % owners.length],
        })),
        ...MILESTONES.map((m) => ({
          roadmapId: roadmap.id,
          workstreamId: laneId.get(m.lane)!,
          kind: "milestone" as const,
          title: m.title,
          startDate: weekDay(start, m.week, 4),
          endDate: weekDay(start, m.week, 4),
          outcome: m.outcome,
          isKey: m.isKey ?? false,
        })),
      ])
      .returning({ id: items.id });
    const keys = [...FEATURES.map((f) => f.key), ...MILESTONES.map((m) => m.key)];
    const itemId = new Map(keys.map((k, i) => [k, itemRows[i].id]));

    await tx.insert(itemSkills).values(
      FEATURES.flatMap((f) =>
        Object.entries(f.skills).map(([name, hours]) => ({
          itemId: itemId.get(f.key)!,
          skillId: skillId.get(name)!,
          hours: hours!,
        })),
      ),
    );
    await tx.insert(dependencies).values(
      [...FEATURES, ...MILESTONES].flatMap((to) =>
        (to.after ?? []).map((from) => ({
          roadmapId: roadmap.id,
          fromId: itemId.get(from)!,
          toId: itemId.get(to.key)!,
        })),
      ),
    );

    for (const c of COMMENTS) {
      const on = itemId.get(c.on)!;
      const mentions = c.body.includes(`@${DEMO_LOGIN.email}`) ? [people[0].id] : [];
      const [root] = await tx
        .insert(comments)
        .values({
          roadmapId: roadmap.id,
          itemId: on,
          authorId: people[c.by].id,
          body: c.body,
          feasibility: c.feasibility,
          mentionIds: mentions,
        })
        .returning();
      for (const userId of mentions) {
        await tx.insert(notifications).values({
          userId,
          teamId: team.id,
          roadmapId: roadmap.id,
          itemId: on,
          commentId: root.id,
          kind: "mention",
          actorId: people[c.by].id,
          data: { excerpt: excerptOf(c.body) },
        });
      }
      if ("reply" in c) {
        await tx.insert(comments).values({
          roadmapId: roadmap.id,
          itemId: on,
          parentId: root.id,
          authorId: people[c.reply.by].id,
          body: c.reply.body,
        });
      }
    }

    for (const r of RISKS) {
      const [risk] = await tx
        .insert(risks)
        .values({
          roadmapId: roadmap.id,
          title: r.title,
          kind: r.kind,
          likelihood: r.likelihood,
          impact: r.impact,
          delayDays: r.delayDays,
          contingency: r.contingency,
          ownerId: people[1].id,
        })
        .returning();
      await tx.insert(riskItems).values(r.on.map((key) => ({ riskId: risk.id, itemId: itemId.get(key)! })));
    }

    await tx.insert(staffingPlans).values({ roadmapId: roadmap.id, hiringLeadWeeks: 8 });
    await tx.insert(staffingRows).values(
      quartersFrom(start, 15).flatMap((quarter) =>
        SKILLS.map((name) => ({
          roadmapId: roadmap.id,
          skillId: skillId.get(name)!,
          quarter,
          headcount: STAFFING[name],
          hoursPerWeek: 32,
        })),
      ),
    );

    await seedCommunication(tx, {
      roadmap,
      people,
      day: (n) => {
        const d = new Date(start);
        d.setUTCDate(d.getUTCDate() + n);
        return d.toISOString().slice(0, 10);
      },
      itemId: (key) => itemId.get(key)!,
    });

    await seedReplanning(tx, {
      roadmap,
      owner: { userId: people[0].id, email: people[0].email, name: people[0].name, via: "session" },
      itemId: (key) => itemId.get(key)!,
      skillId: (name) => skillId.get(name)!,
    });
  });
}

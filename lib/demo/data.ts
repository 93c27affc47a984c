// The demo team as data: members, skills, lanes, milestones, verdicts, risks and staffing (the
// features are in features.ts). Written by seed.ts; dates are week offsets from the roadmap start.
import { DEMO_LOGIN } from "./login";

export const DEMO_MEMBERS = [
  { email: DEMO_LOGIN.email, name: "Dana Okafor", role: "owner" },
  { email: "priya@cairn.test", name: "Priya Raman", role: "editor" },
  { email: "marcus@cairn.test", name: "Marcus Lindqvist", role: "commenter" },
  { email: "elena@cairn.test", name: "Elena Vargas", role: "viewer" },
] as const;

export const SKILLS = ["Backend", "Frontend", "Mobile", "Data", "Design", "Security"] as const;
export type SkillName = (typeof SKILLS)[number];

export const LANES = ["Platform", "Checkout experience", "Mobile", "Data & insights", "Launch"] as const;
export type Lane = (typeof LANES)[number];

export interface DemoFeature {
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
export interface DemoMilestone {
  key: string;
  lane: Lane;
  title: string;
  week: number;
  outcome: string;
  isKey?: boolean;
  after: string[];
}

export const MILESTONES: DemoMilestone[] = [
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
export const COMMENTS = [
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

export const RISKS = [
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
export const STAFFING: Record<SkillName, number> = {
  Backend: 4,
  Frontend: 2,
  Mobile: 2,
  Data: 2,
  Design: 1,
  Security: 1,
};

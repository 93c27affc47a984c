// The demo team's finished earlier roadmap as data: a year of card-checkout work, ten done features
// per skill, with how long each really took against its estimate (actual / expected). Features ran
// late more often than early; Mobile ran far later than every other skill. Written by history.ts.
import type { SkillName } from "./data";

export const HISTORY_ROADMAP = {
  title: "Card checkout 2026",
  description:
    "Last year's plan: a hosted card checkout on one provider, with the first mobile SDKs and reporting.",
};

/** Each skill's features, in the order they were built; one every five weeks in its lane. */
export const HISTORY_FEATURES: Record<SkillName, string[]> = {
  Backend: [
    "Card authorisation service",
    "Capture and void endpoints",
    "Refunds API",
    "Provider webhook intake",
    "Settlement file import",
    "Merchant accounts API",
    "Retry queue for failed captures",
    "Partial refunds",
    "Statement descriptors",
    "Sandbox environment",
  ],
  Frontend: [
    "Hosted payment page",
    "Card form validation",
    "Saved cards at checkout",
    "Merchant dashboard shell",
    "Refund screen",
    "Payments search",
    "Checkout themes",
    "Receipt emails editor",
    "Accessibility fixes on checkout",
    "Dashboard exports",
  ],
  Mobile: [
    "iOS payment sheet",
    "Android payment sheet",
    "Card scanning on iOS",
    "Card scanning on Android",
    "3-D Secure in the apps",
    "Apple Pay in the SDK",
    "Google Pay in the SDK",
    "SDK offline retries",
    "React Native wrapper",
    "SDK crash reporting",
  ],
  Data: [
    "Payments warehouse tables",
    "Daily revenue report",
    "Authorisation rate dashboard",
    "Chargeback tracking",
    "Provider fee reconciliation",
    "Merchant cohort report",
    "Decline reasons analysis",
    "Data retention jobs",
    "Finance month-end extract",
    "Anomaly alerts on volumes",
  ],
  Design: [
    "Checkout visual language",
    "Error states for declines",
    "Dashboard navigation",
    "Mobile sheet design",
    "Receipt templates",
    "Onboarding flow for merchants",
    "Empty states and help",
    "Dark mode for checkout",
    "Icon set for payment methods",
    "Usability study of refunds",
  ],
  Security: [
    "Card data tokenisation",
    "Key rotation for the vault",
    "Merchant API keys",
    "Audit log of admin actions",
    "Rate limiting at the edge",
    "Penetration test fixes",
    "Two-factor for the dashboard",
    "Secrets management",
    "Fraud rules engine",
    "SOC 2 evidence collection",
  ],
};

/** Actual over expected duration, cycled through a skill's features: median about 1.15, mostly late. */
export const USUAL_RATIOS = [1.1, 0.9, 1.25, 1.35, 1.05, 0.85, 1.5, 1.2, 1.15, 0.95];
/** Mobile's: about twice what was estimated. */
export const MOBILE_RATIOS = [1.7, 2.1, 1.6, 2.4, 1.9, 2.6, 1.8, 2.2, 1.5, 2.0];

/**
 * The year's key milestones: the week they were due, the days they were reached late, and how the
 * two forecasts' P80 stood against the due date (days after it) while they were ahead.
 */
export const HISTORY_MILESTONES = [
  { title: "Hosted checkout live", week: 10, slip: 4, pertP80: 2, historyP80: 7 },
  { title: "First mobile SDK released", week: 19, slip: 16, pertP80: 3, historyP80: 19 },
  { title: "Refunds and disputes complete", week: 27, slip: 0, pertP80: 2, historyP80: 6 },
  { title: "Reporting for finance", week: 35, slip: 9, pertP80: 4, historyP80: 12 },
  { title: "Mobile wallets launched", week: 43, slip: 21, pertP80: 3, historyP80: 17 },
  { title: "SOC 2 Type I report", week: 50, slip: 6, pertP80: 5, historyP80: 10 },
];

// What a timeline picture is drawn from (plain data the service gathers), and what each audience
// sees of it.

import type { DateText } from "@/lib/planning/date-text";
import type { AxisDetail } from "@/lib/planning/timeline-axis";
import type { ItemStatus } from "@/lib/planning/timeline-style";
import type { Audience } from "@/lib/validation/communication-kinds";
import type { GateDecision } from "@/lib/validation/phase-kinds";

export interface PictureItem {
  id: string;
  kind: "feature" | "milestone";
  title: string;
  startDate: string;
  endDate: string;
  workstreamId: string | null;
  status: ItemStatus;
  isKey: boolean;
  /** Share of the work done, 0-1 (lib/planning/timeline-actuals.ts itemProgress): the bar's fill. */
  progress: number;
}

export interface PictureLane {
  id: string;
  name: string;
  position: number;
}

export interface PicturePhase {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
  position: number;
  subjectToReplanning: boolean;
  gate: { title: string; decision: GateDecision | null } | null;
}

export interface PictureInput {
  title: string;
  audience: Audience;
  /** The dates drawn (both included), inside the roadmap's horizon. */
  from: string;
  to: string;
  /** Quarters over months, or months over weeks. */
  detail: AxisDetail;
  /** The day the picture describes ("as of"), and where the today line goes. */
  today: string;
  lanes: PictureLane[];
  items: PictureItem[];
  dependencies: Array<{ id: string; fromId: string; toId: string; lagDays: number }>;
  /** CPM per item (engineering): critical, total slack, date problems. Absent: none drawn. */
  schedule: Map<string, { critical: boolean; slackDays: number; violation: boolean }>;
  /** The forecast per key milestone (executive). */
  forecast: Map<string, { p80: string | null; onTimeProbability: number | null }>;
  /** Share of each lane's work done, 0-1 (product); key null: the items without a lane. */
  laneProgress: Map<string | null, number>;
  phases: PicturePhase[];
  dates: DateText;
}

export interface AudienceRules {
  /** Which milestones show: only key ones, or all. */
  milestones: "key" | "all";
  /** Cut items, struck through. */
  cut: boolean;
  arrows: boolean;
  critical: boolean;
  slack: boolean;
  violations: boolean;
  p80: boolean;
  laneProgress: boolean;
}

/**
 * Executives see lanes, features, key milestones with their P80 and phases; engineers everything,
 * with links, lags, the critical path and slack; product people lanes with their progress.
 */
export const AUDIENCE_RULES: Record<Audience, AudienceRules> = {
  executive: {
    milestones: "key",
    cut: false,
    arrows: false,
    critical: false,
    slack: false,
    violations: false,
    p80: true,
    laneProgress: false,
  },
  engineering: {
    milestones: "all",
    cut: true,
    arrows: true,
    critical: true,
    slack: true,
    violations: true,
    p80: false,
    laneProgress: false,
  },
  product: {
    milestones: "all",
    cut: false,
    arrows: false,
    critical: false,
    slack: false,
    violations: false,
    p80: false,
    laneProgress: true,
  },
};

/** The items an audience sees within the range: by kind and status, and meeting [from, to]. */
export function visibleItems(input: Pick<PictureInput, "audience" | "items" | "from" | "to">): PictureItem[] {
  const rules = AUDIENCE_RULES[input.audience];
  return input.items.filter(
    (item) =>
      (rules.cut || item.status !== "cut") &&
      (item.kind === "feature" || rules.milestones === "all" || item.isKey) &&
      item.endDate >= input.from &&
      item.startDate <= input.to,
  );
}

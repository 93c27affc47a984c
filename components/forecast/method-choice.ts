// Which forecast to trust, PERT's or history's, and why in a sentence: pure, so it is unit-tested.
//
// 1. Without enough history there is no choice: PERT, with the count that is missing.
// 2. With both and a record of each (three milestones judged or more), the method whose P80s held
//    closer to four times in five: a P80 is a promise of that, no more hopeful, no more padded.
// 3. Otherwise history: the team's own record of its estimates beats trusting them as they are.
import type { ForecastMethod } from "@/lib/validation/learning-kinds";

export interface HistoryBasis {
  samples: number;
  drawnFrom: { person: number; skill: number; team: number };
}

export interface MethodTally {
  method: ForecastMethod;
  milestones: number;
  milestonesHeld: number;
}

export interface MethodChoice {
  method: ForecastMethod;
  reason: string;
}

const MIN_JUDGED = 3;

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const TARGET = 0.8;

const times = (n: number) => `${n} ${n === 1 ? "time" : "times"}`;
const features = (n: number) => `${n} done ${n === 1 ? "feature" : "features"}`;

function heldText(t: MethodTally): string {
  return `${times(t.milestonesHeld)} out of ${t.milestones}`;
}

export function basisText(h: HistoryBasis): string {
  const { person, skill, team } = h.drawnFrom;
  return (
    `it rests on ${features(h.samples)}: of the remaining features, ${person} drew from their owner’s own record, ` +
    `${skill} from their skill’s and ${team} from the whole team’s`
  );
}

export function chooseMethod(input: {
  history: HistoryBasis | null;
  /** When history was refused: how many usable done features there are, and how many it needs. */
  missing: { samples: number; required: number } | null;
  tallies: readonly MethodTally[];
}): MethodChoice {
  const { history, missing, tallies } = input;
  if (!history) {
    const why = missing
      ? `the team has ${features(missing.samples)} with actual dates and an estimate, and a forecast from history needs ${missing.required}`
      : "the forecast from history is not available";
    return { method: "pert", reason: `${capital(why)}.` };
  }
  const pert = tallies.find((t) => t.method === "pert");
  const past = tallies.find((t) => t.method === "history");
  if (pert && past && pert.milestones >= MIN_JUDGED && past.milestones >= MIN_JUDGED) {
    const miss = (t: MethodTally) => Math.abs(t.milestonesHeld / t.milestones - TARGET);
    const record = `history’s P80 dates have held ${heldText(past)}, PERT’s ${heldText(pert)}`;
    if (miss(pert) < miss(past))
      return {
        method: "pert",
        reason: `${capital(record)}, and a P80 should hold about 4 times in 5.`,
      };
    return {
      method: "history",
      reason: `${capital(record)} (a P80 should hold about 4 times in 5); ${basisText(history)}.`,
    };
  }
  return {
    method: "history",
    reason: `It corrects the estimates by how long the team’s work really took, and ${basisText(history)}. There is too little record yet to compare how each method’s P80 dates held.`,
  };
}

import type { Database } from "@/db/types";
import type { Actor } from "@/lib/services/kernel/actor";
import { putCadence } from "@/lib/services/reviews/cadence";
import { createDependency } from "@/lib/services/dependencies/edges";
import { createItem } from "@/lib/services/items/create";
import { updateItem } from "@/lib/services/items/update";
import { createPhase } from "@/lib/services/phases/create";
import { decideGate } from "@/lib/services/phases/decide-gate";
import { createReview } from "@/lib/services/reviews/reviews";
import { createRisk } from "@/lib/services/risks/create";
import { createRoadmap } from "@/lib/services/roadmaps/create";
import { createShareLink } from "@/lib/services/share-links/share-links";
import { listSkills } from "@/lib/services/staffing/skills";
import { putStaffing } from "@/lib/services/staffing/staffing";
import { createWorkstream } from "@/lib/services/workstreams/workstreams";
import type { Audience } from "@/lib/validation/communication-kinds";
import { featureInput, milestoneInput, MONDAY } from "./timeline";

/** The day the picture tests live on (Date is faked to it): inside the fixture's horizon. */
export const PICTURE_NOW = new Date("2027-02-01T09:00:00Z");

export interface PictureFixture {
  roadmapId: string;
  keyMilestones: string[];
  /** Every item title, the cut one included. */
  titles: string[];
  cutTitle: string;
  /** Share link tokens by audience. */
  tokens: Record<Audience, string>;
}

/**
 * A roadmap with something for every part of the pictures: two lanes and an item in none, features
 * in each status (one cut), key and plain milestones, links with a lag, two phases (a gate
 * decided), an executive review, a cadence, a high risk without contingency, a staffing plan
 * short of people, owners on items, and a share link per audience.
 */
export async function createPictureFixture(
  db: Database,
  actor: Actor,
  teamId: string,
  ownerId: string,
): Promise<PictureFixture> {
  const roadmap = await createRoadmap(db, actor, teamId, {
    title: "Checkout relaunch",
    startDate: MONDAY,
    horizonMonths: 12,
  });
  const [backend] = await listSkills(db, actor, teamId);
  const platform = await createWorkstream(db, actor, roadmap.id, { name: "Platform" });
  const growth = await createWorkstream(db, actor, roadmap.id, { name: "Growth", position: 1 });
  const estimate = { optimisticHours: 300, likelyHours: 500, pessimisticHours: 900 };
  const add = (input: Parameters<typeof createItem>[3]) => createItem(db, actor, roadmap.id, input);
  const api = await add(
    featureInput("Payments API", "2027-01-11", "2027-02-19", {
      workstreamId: platform.id,
      status: "in_progress",
      estimate,
      skills: [{ skillId: backend.id, hours: 500 }],
      ownerId,
    }),
  );
  const ledger = await add(
    featureInput("Ledger", "2027-01-18", "2027-03-12", {
      workstreamId: platform.id,
      status: "done",
      estimate,
    }),
  );
  const funnel = await add(
    featureInput("Checkout funnel", "2027-03-01", "2027-04-16", {
      workstreamId: growth.id,
      status: "at_risk",
      estimate,
      ownerId,
    }),
  );
  const cut = await add(
    featureInput("Legacy cleanup", "2027-02-15", "2027-03-05", { workstreamId: growth.id }),
  );
  const loose = await add(featureInput("Docs refresh", "2027-05-03", "2027-05-28"));
  const beta = await add(
    milestoneInput("Private beta", "2027-03-15", { workstreamId: platform.id, isKey: true }),
  );
  const launch = await add(
    milestoneInput("Public launch", "2027-05-03", { workstreamId: growth.id, isKey: true }),
  );
  const review = await add(milestoneInput("Security review", "2027-04-01", { workstreamId: platform.id }));
  await createDependency(db, actor, roadmap.id, { fromId: api.id, toId: funnel.id, lagDays: 3 });
  await createDependency(db, actor, roadmap.id, { fromId: funnel.id, toId: launch.id });
  await createDependency(db, actor, roadmap.id, { fromId: ledger.id, toId: beta.id });
  await createDependency(db, actor, roadmap.id, { fromId: beta.id, toId: review.id });
  const build = await createPhase(db, actor, roadmap.id, {
    name: "Build",
    startDate: MONDAY,
    endDate: "2027-03-31",
    gate: { title: "Beta go", outcome: "Five merchants live" },
  });
  await createPhase(db, actor, roadmap.id, { name: "Grow", startDate: "2027-04-01", endDate: "2027-09-30" });
  await createRisk(db, actor, roadmap.id, {
    title: "Acquirer contract not signed",
    kind: "dependency",
    likelihood: 4,
    impact: 5,
    itemIds: [launch.id],
    delayDays: 10,
  });
  await createRisk(db, actor, roadmap.id, {
    title: "PSD3 rules change",
    kind: "external",
    likelihood: 2,
    impact: 3,
    itemIds: [],
    contingency: "Keep SCA behind a flag",
  });
  await putStaffing(db, actor, roadmap.id, 0, {
    rows: [{ skillId: backend.id, quarter: "2027-Q1", headcount: 1, hoursPerWeek: 10 }],
  });
  await putCadence(db, actor, roadmap.id, undefined, {
    rules: [
      { audience: "executive", every: "1m", nextOn: "2027-03-01" },
      { audience: "engineering", every: "2w", nextOn: "2027-02-08" },
    ],
  });
  await createReview(
    db,
    actor,
    roadmap.id,
    { audience: "executive", heldOn: "2027-01-25", notes: "", decisions: [] },
    new Date("2027-01-25T10:00:00Z"),
  );
  // After the review: a move and a cut, for "what changed since".
  await updateItem(db, actor, launch.id, launch.version, { startDate: "2027-05-17", endDate: "2027-05-17" });
  await updateItem(db, actor, cut.id, cut.version, { status: "cut" });
  await decideGate(db, actor, build.id, { decision: "proceed", notes: "Go" });
  const tokens = {} as Record<Audience, string>;
  for (const audience of ["executive", "engineering", "product"] as const) {
    const { url } = await createShareLink(
      db,
      actor,
      roadmap.id,
      { audience, expiresAt: "2027-06-01T00:00:00Z" },
      "http://localhost",
    );
    tokens[audience] = url.split("/share/")[1];
  }
  return {
    roadmapId: roadmap.id,
    keyMilestones: ["Private beta", "Public launch"],
    titles: [api, ledger, funnel, cut, loose, beta, launch, review].map((i) => i.title),
    cutTitle: cut.title,
    tokens,
  };
}

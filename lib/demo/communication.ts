// The demo's communication history: review rules, two reviews held with their snapshots (the
// executive one from before two key milestones slipped and a risk was raised, so "since the last
// executive review" has something to say), and an open feedback round with answers.
import { loadRoadmapDocument } from "@/lib/services/roadmaps/document";
import type { RoadmapDocument } from "@/lib/validation/roadmap-document";
import type { Database } from "@/db/types";
import { feedbackResponses, feedbackRounds, reviewCadences, reviews, roadmaps, snapshots } from "@/db/schema";
import { packDocument, packedValue } from "@/lib/services/snapshots/packed";

type RoadmapRow = typeof roadmaps.$inferSelect;

interface SeedContext {
  roadmap: RoadmapRow;
  /** Owner, editor, commenter, viewer (seed order). */
  people: { id: string }[];
  /** The day n days from the roadmap's start (a Monday), YYYY-MM-DD. */
  day: (n: number) => string;
  itemId: (key: string) => string;
}

const shift = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** The plan as the executive review saw it: two key milestones earlier, the newest risk not yet raised. */
function asAtExecutiveReview(now: RoadmapDocument, ids: string[]): RoadmapDocument {
  const earlier = new Map([
    [ids[0], -7],
    [ids[1], -14],
  ]);
  return {
    ...now,
    items: now.items.map((item) => {
      const days = earlier.get(item.id);
      return days
        ? { ...item, startDate: shift(item.startDate, days), endDate: shift(item.endDate, days) }
        : item;
    }),
    risks: now.risks.slice(0, -1),
  };
}

export async function seedCommunication(tx: Database, ctx: SeedContext) {
  const { roadmap, people, day, itemId } = ctx;
  const [owner, editor, commenter] = people;
  const now = await loadRoadmapDocument(tx, roadmap);
  const today = new Date().toISOString().slice(0, 10);

  await tx.insert(reviewCadences).values({
    roadmapId: roadmap.id,
    rules: [
      { audience: "executive", every: "1m", nextOn: day(21) },
      { audience: "engineering", every: "2w", nextOn: day(14) },
      { audience: "product", every: "1q", nextOn: day(91) },
    ],
  });

  // Early in a quarter the roadmap has barely started: keep the reviews in the past anyway.
  const notAfter = (date: string, latest: string) => (date < latest ? date : latest);
  const held = [
    {
      audience: "executive" as const,
      heldOn: notAfter(day(21), shift(today, -7)),
      document: asAtExecutiveReview(now, [itemId("m-pci"), itemId("m-checkout")]),
      notes: "Walked the board through the first two quarters. Budget for the PCI assessor approved.",
      decisions: [
        "Keep General availability as the headline date",
        "Fund a second security engineer from Q2",
      ],
      by: owner.id,
    },
    {
      audience: "engineering" as const,
      heldOn: notAfter(day(28), shift(today, -1)),
      document: now,
      notes: "Ledger migration is the critical path; idempotency keys land first.",
      decisions: ["Freeze the ledger schema before the checkout work starts"],
      by: editor.id,
    },
  ];
  for (const r of held) {
    const at = new Date(`${r.heldOn}T15:00:00Z`);
    const label = `${r.audience === "executive" ? "Executive" : "Engineering"} review ${r.heldOn}`;
    const [snapshot] = await tx
      .insert(snapshots)
      .values({
        roadmapId: roadmap.id,
        label,
        kind: "review",
        packed: packedValue(await packDocument({ ...r.document, exportedAt: at.toISOString() })),
        itemCount: r.document.items.length,
        seq: roadmap.seq,
        createdBy: r.by,
        createdAt: at,
      })
      .returning();
    await tx.insert(reviews).values({
      roadmapId: roadmap.id,
      audience: r.audience,
      heldOn: r.heldOn,
      notes: r.notes,
      decisions: r.decisions,
      snapshotId: snapshot.id,
      createdBy: r.by,
      createdAt: at,
    });
  }

  const [roundSnapshot] = await tx
    .insert(snapshots)
    .values({
      roadmapId: roadmap.id,
      label: "Feedback: confidence in the launch dates",
      kind: "feedback",
      packed: packedValue(await packDocument(now)),
      itemCount: now.items.length,
      seq: roadmap.seq,
      createdBy: owner.id,
    })
    .returning();
  const [round] = await tx
    .insert(feedbackRounds)
    .values({
      roadmapId: roadmap.id,
      snapshotId: roundSnapshot.id,
      question: "How confident are you that we reach General availability and the EU launch on their dates?",
      audience: "executive",
      closesOn: shift(today, 10),
      createdBy: owner.id,
    })
    .returning();
  await tx.insert(feedbackResponses).values([
    {
      roundId: round.id,
      userId: editor.id,
      itemId: null,
      rating: 4,
      text: "Ledger work is on track; PCI is the swing factor.",
    },
    { roundId: round.id, userId: editor.id, itemId: itemId("m-ga"), rating: 3, text: null },
    {
      roundId: round.id,
      userId: commenter.id,
      itemId: itemId("m-ga"),
      rating: 2,
      text: "Beta exit leaves five weeks before GA: tight if the beta finds anything serious.",
    },
  ]);
}

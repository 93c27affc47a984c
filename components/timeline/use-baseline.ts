"use client";

import { useMemo, useState } from "react";
import { useDiff, useReviews, useSnapshots } from "@/lib/client/reviews";
import { baselineFromDiff, slippedItems } from "@/lib/planning/timeline-actuals";
import type { Item } from "@/lib/validation/timeline";
import type { DrawnBaseline } from "./baseline-layer";

/** "review": the last review's snapshot (the default); "none"; or a snapshot's id. */
export type BaselineChoice = "review" | "none" | (string & {});

export interface BaselineState {
  choice: BaselineChoice;
  setChoice: (choice: BaselineChoice) => void;
  /** The snapshots to choose from, newest first, and the last review's (null: no review yet). */
  snapshots: { id: string; label: string; createdAt: string }[];
  lastReview: { snapshotId: string; label: string } | null;
  /** The baseline drawn, once its diff is in; null with none chosen (or none to default to). */
  baseline: DrawnBaseline | null;
  loading: boolean;
  error: unknown;
  slippedOnly: boolean;
  setSlippedOnly: (on: boolean) => void;
  /** The items to lay out: all of them, or only the slipped ones while that filter is on. */
  shownItems: Item[];
  slippedCount: number;
}

/**
 * The timeline's baseline (issue #18): a snapshot chosen in the toolbar, by default the last
 * review's. Its dates come from the existing diff endpoint (snapshot → now), which lists only the
 * items that moved, so the answer stays small on a 10,000-item roadmap; every other item's baseline
 * is where it is now.
 */
export function useBaseline(roadmapId: string, items: Item[]): BaselineState {
  const [choice, setChoice] = useState<BaselineChoice>("review");
  const [slippedOnly, setSlippedOnly] = useState(false);
  const reviews = useReviews(roadmapId);
  const snapshotList = useSnapshots(roadmapId);
  const last = reviews.data?.[0];
  const lastReview = last ? { snapshotId: last.snapshot.id, label: last.snapshot.label } : null;
  const snapshotId =
    choice === "none" ? null : choice === "review" ? (lastReview?.snapshotId ?? null) : choice;
  const diff = useDiff(roadmapId, snapshotId);
  const answer = snapshotId ? diff.data : undefined;
  const baseline = useMemo(
    () => (answer ? { dates: baselineFromDiff(items, answer.diff.items), label: answer.from.label } : null),
    [answer, items],
  );
  const slipped = useMemo(() => (baseline ? slippedItems(items, baseline.dates) : null), [baseline, items]);
  const snapshots = useMemo(
    () => (snapshotList.data ?? []).map((s) => ({ id: s.id, label: s.label, createdAt: s.createdAt })),
    [snapshotList.data],
  );
  return {
    choice,
    setChoice,
    snapshots,
    lastReview,
    baseline,
    loading: !!snapshotId && diff.isPending,
    error: snapshotId ? diff.error : null,
    slippedOnly: slippedOnly && !!slipped,
    setSlippedOnly,
    shownItems: slippedOnly && slipped ? slipped : items,
    slippedCount: slipped?.length ?? 0,
  };
}

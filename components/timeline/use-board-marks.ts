"use client";

import { useMemo } from "react";
import type { PresentUser } from "@/lib/client/live-events";
import { useRisks } from "@/lib/client/resources";
import type { Board, Schedule } from "@/lib/client/timeline";
import type { Member } from "@/lib/validation/teams";
import type { Item } from "@/lib/validation/timeline";
import { presenceColours } from "./presence-colours";
import type { Issues } from "./roadmap-header";
import type { Editor, ScheduleEntry } from "./timeline-item";

/**
 * What the timeline marks on the board's items, worked out from the other answers: each item's
 * schedule entry, owners' names, high risks without a contingency plan, date problems, and who else
 * has the item open now (this page's own connection left out).
 */
export function useBoardMarks({
  board,
  schedule,
  members,
  present,
  connectionId,
}: {
  board: Board;
  schedule: Schedule | null;
  members: Member[];
  present: PresentUser[];
  connectionId: string | null;
}) {
  const scheduleMap = useMemo(
    () => new Map<string, ScheduleEntry>((schedule?.items ?? []).map((i) => [i.id, i])),
    [schedule],
  );
  const ownerNames = useMemo(() => new Map(members.map((m) => [m.user.id, m.user.name])), [members]);

  // The board does not carry risks: items linked to a high risk without a contingency plan are
  // marked on the timeline from the register.
  const risks = useRisks(board.roadmap.id);
  const risksByItem = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const risk of risks.data ?? []) {
      if (!risk.needsContingency) continue;
      for (const itemId of risk.itemIds) map.set(itemId, [...(map.get(itemId) ?? []), risk.title]);
    }
    return map;
  }, [risks.data]);

  const issues: Issues = useMemo(() => {
    const missed: Item[] = [];
    const early: Item[] = [];
    for (const item of board.items) {
      const entry = scheduleMap.get(item.id);
      if (!entry) continue;
      if (item.kind === "milestone" && (entry.targetMissed || entry.plannedTargetMissed)) missed.push(item);
      else if (item.kind === "feature" && entry.plannedStartViolation) early.push(item);
    }
    const byDate = (a: Item, b: Item) => a.startDate.localeCompare(b.startDate);
    return { missed: missed.sort(byDate), early: early.sort(byDate) };
  }, [board.items, scheduleMap]);

  const colours = useMemo(() => presenceColours(present.map((p) => p.userId)), [present]);
  const editorsByItem = useMemo(() => {
    const map = new Map<string, Editor[]>();
    for (const p of present) {
      if (!p.itemId || p.connectionId === connectionId) continue;
      const list = map.get(p.itemId) ?? [];
      if (!list.some((e) => e.userId === p.userId))
        list.push({ userId: p.userId, name: p.name, colour: colours.get(p.userId)! });
      map.set(p.itemId, list);
    }
    return map;
  }, [present, connectionId, colours]);

  return { scheduleMap, ownerNames, risksByItem, issues, colours, editorsByItem };
}

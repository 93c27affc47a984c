// The date rule every editor of an item shares (the service, the optimistic cache, the item form):
// a milestone is one date, so moving its start date moves it as a whole.

interface ItemDates {
  kind: "feature" | "milestone";
  endDate: string;
}

interface DatesPatch {
  kind?: ItemDates["kind"];
  startDate?: string;
  endDate?: string;
}

/** The end date an item has after a patch: the patch's own, a moved milestone's new date, or the old. */
export function endDateAfter(before: ItemDates, patch: DatesPatch): string {
  const kind = patch.kind ?? before.kind;
  return patch.endDate ?? (kind === "milestone" && patch.startDate ? patch.startDate : before.endDate);
}

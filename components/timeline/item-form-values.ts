import type { CreateItemInput, Item, UpdateItemInput } from "@/lib/validation/timeline";

/** The item panel's fields as typed (text for numbers and dates), so that nothing typed is lost. */
export interface ItemFormValues {
  kind: Item["kind"];
  title: string;
  workstreamId: string;
  startDate: string;
  endDate: string;
  outcome: string;
  isKey: boolean;
  status: Item["status"];
  optimisticHours: string;
  likelyHours: string;
  pessimisticHours: string;
  ownerId: string;
  description: string;
  /** Hours asked of each skill (features only). */
  skills: { skillId: string; hours: string }[];
}

export function valuesOf(item: Item): ItemFormValues {
  return {
    kind: item.kind,
    title: item.title,
    workstreamId: item.workstreamId ?? "",
    startDate: item.startDate,
    endDate: item.endDate,
    outcome: item.outcome ?? "",
    isKey: item.isKey,
    status: item.status,
    optimisticHours: item.estimate ? String(item.estimate.optimisticHours) : "",
    likelyHours: item.estimate ? String(item.estimate.likelyHours) : "",
    pessimisticHours: item.estimate ? String(item.estimate.pessimisticHours) : "",
    ownerId: item.ownerId ?? "",
    description: item.description ?? "",
    skills: item.skills.map((s) => ({ skillId: s.skillId, hours: String(s.hours) })),
  };
}

export function blankValues(
  laneId: string | null,
  date: string,
  endDate: string,
  kind: Item["kind"],
): ItemFormValues {
  return {
    kind,
    title: "",
    workstreamId: laneId ?? "",
    startDate: date,
    endDate: kind === "milestone" ? date : endDate,
    outcome: "",
    isKey: false,
    status: "planned",
    optimisticHours: "",
    likelyHours: "",
    pessimisticHours: "",
    ownerId: "",
    description: "",
    skills: [],
  };
}

/** "" is no number (the schema then says which field needs one); anything else is read as typed. */
function hours(text: string): number | undefined {
  const t = text.trim();
  if (!t) return undefined;
  const n = Number(t.replace(",", "."));
  return Number.isFinite(n) ? n : Number.NaN;
}

/** The values as the API's item shape (createItemSchema), kind rules applied. */
export function toInput(v: ItemFormValues): CreateItemInput {
  const milestone = v.kind === "milestone";
  const anyHours = [v.optimisticHours, v.likelyHours, v.pessimisticHours].some((h) => h.trim() !== "");
  return {
    kind: v.kind,
    title: v.title,
    workstreamId: v.workstreamId || null,
    startDate: v.startDate,
    endDate: milestone ? v.startDate : v.endDate,
    outcome: v.outcome.trim() ? v.outcome : null,
    isKey: milestone ? v.isKey : false,
    status: v.status,
    estimate:
      !milestone && anyHours
        ? {
            optimisticHours: hours(v.optimisticHours) as number,
            likelyHours: hours(v.likelyHours) as number,
            pessimisticHours: hours(v.pessimisticHours) as number,
          }
        : null,
    ownerId: v.ownerId || null,
    description: v.description.trim() ? v.description : null,
    skills: milestone
      ? []
      : v.skills.map((s) => ({ skillId: s.skillId, hours: hours(s.hours) ?? Number.NaN })),
  };
}

const PATCH_KEYS = [
  "kind",
  "title",
  "workstreamId",
  "startDate",
  "endDate",
  "outcome",
  "isKey",
  "status",
  "estimate",
  "ownerId",
  "description",
  "skills",
] as const;

/** Only what the user changed against the version they started from: what a PATCH sends. */
export function changedFields(values: ItemFormValues, base: ItemFormValues): UpdateItemInput {
  const now = toInput(values) as Record<string, unknown>;
  const before = toInput(base) as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  for (const key of PATCH_KEYS) {
    if (JSON.stringify(now[key] ?? null) !== JSON.stringify(before[key] ?? null)) patch[key] = now[key];
  }
  return patch as UpdateItemInput;
}

/** Field names whose typed value differs between two sets of values. */
export function differingFields(a: ItemFormValues, b: ItemFormValues): Array<keyof ItemFormValues> {
  return (Object.keys(a) as Array<keyof ItemFormValues>).filter(
    (k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]),
  );
}

export const FIELD_LABELS: Record<string, string> = {
  kind: "Kind",
  title: "Title",
  workstreamId: "Lane",
  startDate: "Start",
  endDate: "End",
  outcome: "Outcome",
  isKey: "Key milestone",
  status: "Status",
  optimisticHours: "Optimistic hours",
  likelyHours: "Likely hours",
  pessimisticHours: "Pessimistic hours",
  ownerId: "Owner",
  description: "Description",
  skills: "Skills",
};

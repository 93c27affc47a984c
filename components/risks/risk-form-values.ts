import { errorMessage, type ApiError } from "@/lib/client/api";
import { fieldErrorsFromIssues, type FieldErrors } from "@/lib/client/forms";
import type { Risk } from "@/lib/client/resources";
import type { RiskKind, RiskStatus, UpdateRiskInput } from "@/lib/validation/resources";

/** A risk as its form holds it: numbers the person types are text until sent. */
export interface RiskFormValues {
  title: string;
  description: string;
  kind: RiskKind;
  likelihood: number;
  impact: number;
  itemIds: string[];
  ownerId: string;
  status: RiskStatus;
  delayDays: string;
  contingency: string;
}

export const RISK_FORM_FIELDS = [
  "title",
  "description",
  "kind",
  "likelihood",
  "impact",
  "itemIds",
  "ownerId",
  "status",
  "delayDays",
  "contingency",
] as const;

export function blankRiskValues(kind: RiskKind = "roadblock"): RiskFormValues {
  return {
    title: "",
    description: "",
    kind,
    likelihood: 3,
    impact: 3,
    itemIds: [],
    ownerId: "",
    status: "open",
    delayDays: "",
    contingency: "",
  };
}

export function valuesFromRisk(risk: Risk): RiskFormValues {
  return {
    title: risk.title,
    description: risk.description ?? "",
    kind: risk.kind,
    likelihood: risk.likelihood,
    impact: risk.impact,
    itemIds: [...risk.itemIds],
    ownerId: risk.ownerId ?? "",
    status: risk.status,
    delayDays: risk.delayDays === null ? "" : String(risk.delayDays),
    contingency: risk.contingency ?? "",
  };
}

const orNull = (text: string) => (text.trim() === "" ? null : text);

/** The request body (before validation): empty optional fields become null. */
export function inputFromValues(values: RiskFormValues) {
  const delay = values.delayDays.trim();
  return {
    title: values.title,
    description: orNull(values.description),
    kind: values.kind,
    likelihood: values.likelihood,
    impact: values.impact,
    itemIds: values.itemIds,
    ownerId: orNull(values.ownerId),
    status: values.status,
    delayDays: delay === "" ? null : Number(delay.replace(",", ".")),
    contingency: orNull(values.contingency),
  };
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && [...a].sort().join() === [...b].sort().join();
  return (
    (a ?? null) === (b ?? null) || (typeof a === "string" && typeof b === "string" && a.trim() === b.trim())
  );
}

/** Only what differs from the risk as read, so the change log says what this edit did. */
export function patchFrom(input: ReturnType<typeof inputFromValues>, risk: Risk): UpdateRiskInput {
  const patch: Record<string, unknown> = {};
  for (const field of RISK_FORM_FIELDS) {
    if (!same(input[field], risk[field])) patch[field] = input[field];
  }
  return patch as UpdateRiskInput;
}

/** The fields whose values in the form differ from the risk (for a conflict: theirs against yours). */
export function differingFields(values: RiskFormValues, risk: Risk): (typeof RISK_FORM_FIELDS)[number][] {
  const input = inputFromValues(values);
  return RISK_FORM_FIELDS.filter((field) => !same(input[field], risk[field]));
}

const FIELD_NAMES: Record<string, string> = {
  delayDays: "The delay",
  ownerId: "The owner",
  itemIds: "Linked items",
  likelihood: "Likelihood",
  impact: "Impact",
};

/** The API's messages name its fields ("delayDays cannot be negative."): name them as the form does. */
export function humanizeErrors(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [field, message] of Object.entries(errors)) {
    const top = field.split(".")[0];
    out[top] ??= message?.replace(
      /^(delayDays|ownerId|itemIds|likelihood|impact)\b/,
      (name) => FIELD_NAMES[name] ?? name,
    );
  }
  return out;
}

/** Problems the API named by field (a 400's zod issues, a 422's references), and the rest as a sentence. */
export function serverProblems(error: ApiError | null): {
  fieldErrors: FieldErrors;
  formError: string | null;
} {
  if (!error || error.status === 412) return { fieldErrors: {}, formError: null };
  const issues = Array.isArray(error.details)
    ? error.details.filter(
        (d): d is { path: string; message: string } =>
          typeof d === "object" && d !== null && typeof d.path === "string" && typeof d.message === "string",
      )
    : [];
  const fieldErrors = humanizeErrors(fieldErrorsFromIssues(issues));
  return {
    fieldErrors,
    formError: Object.keys(fieldErrors).length > 0 ? null : errorMessage(error),
  };
}

import { fieldErrorsFromIssues, type FieldErrors } from "@/lib/client/forms";
import { createItemSchema, type CreateItemInput } from "@/lib/validation/timeline";
import { toInput, type ItemFormValues } from "./item-form-values";

// Only the item panel (fetched when opened) imports this: the API's item schema, and zod with it,
// stay out of the timeline page's first-load JavaScript.

/** The same rules the API applies (createItemSchema), as messages keyed by field. */
export function checkValues(
  values: ItemFormValues,
): { ok: true; input: CreateItemInput } | { ok: false; errors: FieldErrors } {
  const parsed = createItemSchema.safeParse(toInput(values));
  if (parsed.success) return { ok: true, input: parsed.data };
  return { ok: false, errors: fieldErrorsFromIssues(parsed.error.issues) };
}

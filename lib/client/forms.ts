import { useState, type FormEvent } from "react";
import type { UseMutationResult } from "@tanstack/react-query";
import type { z } from "zod";
import { ApiError, errorMessage } from "./api";

/** The first problem for each field, keyed by the field's name (its path in the schema). */
export type FieldErrors = Partial<Record<string, string>>;

export function fieldErrorsFromIssues(
  issues: ReadonlyArray<{ path: PropertyKey[] | string; message: string }>,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = Array.isArray(issue.path) ? issue.path.map(String).join(".") : issue.path;
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Validates form values with the same zod schema the API uses. */
export function validate<S extends z.ZodType>(
  schema: S,
  values: unknown,
): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors } {
  const parsed = schema.safeParse(values);
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, errors: fieldErrorsFromIssues(parsed.error.issues) };
}

/**
 * Splits a mutation failure into messages next to the named fields (400 details, or a status that
 * is about one field, e.g. 409 "email taken") and one message for the form (everything else: 403,
 * 410, 412, 422, 429, network...).
 */
export function splitServerError(
  error: unknown,
  fields: readonly string[],
  fieldForStatus: Partial<Record<number, string>> = {},
): { fieldErrors: FieldErrors; formError: string | null } {
  if (!error) return { fieldErrors: {}, formError: null };
  const field = error instanceof ApiError ? fieldForStatus[error.status] : undefined;
  if (field) return { fieldErrors: { [field]: errorMessage(error) }, formError: null };
  if (error instanceof ApiError && error.status === 400) {
    const fieldErrors: FieldErrors = {};
    const rest: string[] = [];
    for (const issue of error.issues) {
      if (fields.includes(issue.path) && !fieldErrors[issue.path]) fieldErrors[issue.path] = issue.message;
      else rest.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message);
    }
    const formError =
      Object.keys(fieldErrors).length === 0 ? error.message : rest.length ? rest.join(" ") : null;
    return { fieldErrors, formError };
  }
  return { fieldErrors: {}, formError: errorMessage(error) };
}

function focusFirstInvalid(form: HTMLFormElement) {
  requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

/**
 * Checks a form makes before sending: the problems per field (none: send). Plain code, not the API's
 * zod schemas (which would put zod and the contract in the page's JavaScript): the server checks
 * everything again and its 400 details land under the same fields, so a form needs only the rules
 * the server cannot see (a confirmation field, today's date) and whatever spares a round trip.
 */
export type FormCheck<TInput> = (values: TInput) => FieldErrors;

/** `${label} must not be empty.` (the API's words) for each listed field that is blank. */
export function blankFields<TInput extends Record<string, unknown>>(
  values: TInput,
  labels: Partial<Record<keyof TInput & string, string>>,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const [field, label] of Object.entries(labels) as [string, string][]) {
    const value = values[field];
    if (value === undefined || value === null || (typeof value === "string" && value.trim() === ""))
      errors[field] = `${label} must not be empty.`;
  }
  return errors;
}

/**
 * A form backed by a TanStack mutation: runs its client checks (if any) before sending, then shows
 * the server's answer as field errors or a form-level message.
 */
export function useValidatedForm<TInput, TResult>(
  check: FormCheck<TInput> | null,
  mutation: UseMutationResult<TResult, Error, TInput>,
  fields: readonly string[],
  fieldForStatus?: Partial<Record<number, string>>,
) {
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const server = splitServerError(mutation.error, fields, fieldForStatus);
  const fieldErrors = clientErrors ?? server.fieldErrors;
  const formError = clientErrors ? null : server.formError;

  function submit(
    event: FormEvent<HTMLFormElement>,
    values: TInput,
    options?: { onSuccess?: (result: TResult, input: TInput) => void },
  ) {
    event.preventDefault();
    if (mutation.isPending) return;
    const form = event.currentTarget;
    const problems = check?.(values) ?? {};
    if (Object.values(problems).some(Boolean)) {
      mutation.reset();
      setClientErrors(problems);
      focusFirstInvalid(form);
      return;
    }
    setClientErrors(null);
    // mutateAsync rather than mutate(…, callbacks): the follow-up (often a navigation) must run
    // even if the form unmounts because the mutation changed the data it was showing.
    mutation.mutateAsync(values).then(
      (data) => options?.onSuccess?.(data, values),
      () => focusFirstInvalid(form),
    );
  }

  function clearField(name: string) {
    if (clientErrors?.[name]) setClientErrors({ ...clientErrors, [name]: undefined });
  }

  function reset() {
    setClientErrors(null);
    mutation.reset();
  }

  return { submit, fieldErrors, formError, pending: mutation.isPending, clearField, reset };
}

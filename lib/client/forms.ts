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
 * A form backed by a TanStack mutation: validates with the schema before sending, then shows the
 * server's answer as field errors or a form-level message.
 */
export function useValidatedForm<S extends z.ZodType, TResult>(
  schema: S,
  mutation: UseMutationResult<TResult, Error, z.output<S>>,
  fields: readonly string[],
  fieldForStatus?: Partial<Record<number, string>>,
) {
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const server = splitServerError(mutation.error, fields, fieldForStatus);
  const fieldErrors = clientErrors ?? server.fieldErrors;
  const formError = clientErrors ? null : server.formError;

  function submit(
    event: FormEvent<HTMLFormElement>,
    values: unknown,
    options?: { onSuccess?: (result: TResult, input: z.output<S>) => void },
  ) {
    event.preventDefault();
    if (mutation.isPending) return;
    const form = event.currentTarget;
    const result = validate(schema, values);
    if (!result.ok) {
      mutation.reset();
      setClientErrors(result.errors);
      focusFirstInvalid(form);
      return;
    }
    setClientErrors(null);
    // mutateAsync rather than mutate(…, callbacks): the follow-up (often a navigation) must run
    // even if the form unmounts because the mutation changed the data it was showing.
    mutation.mutateAsync(result.data).then(
      (data) => options?.onSuccess?.(data, result.data),
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

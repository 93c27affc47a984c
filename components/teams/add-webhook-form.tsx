"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { PlusIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { RadioCards, type RadioCardOption } from "@/components/ui/radio-cards";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { blankFields, useValidatedForm, type FieldErrors } from "@/lib/client/forms";
import { useCreateWebhook } from "@/lib/client/webhooks";
import type { WebhookFormat, WebhookSubscription } from "@/lib/validation/delivery-kinds";
import { WebhookEventsField } from "./webhook-events-field";

const FORMATS: readonly RadioCardOption<WebhookFormat>[] = [
  {
    value: "standard",
    label: "Standard Webhooks",
    summary: "The event as JSON, signed with webhook-id, webhook-timestamp and webhook-signature headers.",
  },
  {
    value: "slack",
    label: "Slack message",
    summary: "One line of text with a link, for a Slack (or compatible) incoming webhook.",
  },
];

type Values = {
  url: string;
  events: WebhookSubscription[];
  format: WebhookFormat;
  description?: string;
};

function checkWebhook(values: Values): FieldErrors {
  return {
    ...blankFields(values, { url: "URL" }),
    ...(values.events.length === 0 && { events: "Choose at least one event." }),
  };
}

const EMPTY: Values = { url: "", events: ["*"], format: "standard", description: "" };

/** Adds a webhook; on success shows its signing secret this once. */
export function AddWebhookForm({ teamId, onClose }: { teamId: string; onClose: () => void }) {
  const [values, setValues] = useState<Values>(EMPTY);
  const create = useCreateWebhook(teamId);
  // A 422 (unsafe_url) is about the address: shown under it, like a 400 on `url`.
  const form = useValidatedForm(checkWebhook, create, ["url", "events", "format", "description"], {
    422: "url",
  });
  const change = (patch: Partial<Values>, field: keyof Values) => {
    setValues({ ...values, ...patch });
    form.clearField(field);
  };

  if (create.isSuccess) {
    return (
      <SecretReveal
        title="The webhook is added"
        explanation="Copy its signing secret now and give it to the receiver, which uses it to check that each request comes from Cairn. Cairn will not show it again; to change it, delete the webhook and add it again."
        heading="Signing secret"
        secret={create.data.secret}
        label="Signing secret"
        onDone={onClose}
      />
    );
  }

  return (
    <form
      noValidate
      aria-label="Add a webhook"
      onSubmit={(e) =>
        form.submit(e, {
          ...values,
          url: values.url.trim(),
          description: values.description?.trim() || undefined,
        })
      }
      className="flex flex-col gap-5"
    >
      {form.formError && <Alert tone="error">{form.formError}</Alert>}
      <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_14rem]">
        <Field
          label="URL"
          hint="Where Cairn POSTs each event: http or https, on a public address."
          error={form.fieldErrors.url}
        >
          {(control) => (
            <Input
              {...control}
              name="url"
              type="url"
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              maxLength={2000}
              placeholder="https://example.com/hooks/cairn"
              value={values.url}
              onChange={(e) => change({ url: e.target.value }, "url")}
            />
          )}
        </Field>
        <Field label="Description" optional error={form.fieldErrors.description}>
          {(control) => (
            <Input
              {...control}
              name="description"
              maxLength={200}
              placeholder="e.g. #roadmap channel"
              value={values.description}
              onChange={(e) => change({ description: e.target.value }, "description")}
            />
          )}
        </Field>
      </div>
      <WebhookEventsField
        value={values.events}
        onChange={(events) => change({ events }, "events")}
        error={form.fieldErrors.events}
      />
      <RadioCards
        name="format"
        legend="Format"
        options={FORMATS}
        value={values.format}
        onChange={(format) => change({ format }, "format")}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="primary" loading={form.pending} icon={<PlusIcon className="size-4" />}>
          {form.pending ? "Adding…" : "Add webhook"}
        </Button>
        <Button variant="secondary" onClick={onClose} disabled={form.pending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

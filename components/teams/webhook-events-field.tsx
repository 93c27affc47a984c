"use client";

import { FieldError } from "@/components/ui/field";
import {
  WEBHOOK_EVENT_KINDS,
  WEBHOOK_EVENT_LABELS,
  type WebhookSubscription,
} from "@/lib/validation/delivery-kinds";

/**
 * The event kinds a webhook wants, as labelled checkboxes; "All events" also takes kinds added
 * later (`*`), so while it is ticked the single kinds are shown ticked and cannot be changed.
 */
export function WebhookEventsField({
  value,
  onChange,
  error,
}: {
  value: WebhookSubscription[];
  onChange: (events: WebhookSubscription[]) => void;
  error?: string;
}) {
  const all = value.includes("*");
  const toggle = (kind: WebhookSubscription, on: boolean) =>
    onChange(on ? [...value, kind] : value.filter((k) => k !== kind));
  return (
    <fieldset aria-describedby={error ? "webhook-events-error" : undefined}>
      <legend className="text-[13px] font-medium text-ink">Events</legend>
      <label className="mt-2 flex items-start gap-3 text-sm font-medium text-ink">
        <input
          type="checkbox"
          name="events"
          value="*"
          className="mt-0.5 size-4 accent-accent-600"
          checked={all}
          onChange={(e) => onChange(e.target.checked ? ["*"] : [])}
          aria-describedby="webhook-all-events-hint"
        />
        <span>
          All events
          <span id="webhook-all-events-hint" className="block text-[13px] font-normal text-muted">
            Including kinds Cairn adds later.
          </span>
        </span>
      </label>
      <div className="mt-3 grid gap-x-4 gap-y-2 sm:grid-cols-2">
        {WEBHOOK_EVENT_KINDS.map((kind) => (
          <label key={kind} className="flex items-center gap-3 text-sm text-ink">
            <input
              type="checkbox"
              name="events"
              value={kind}
              className="size-4 accent-accent-600"
              checked={all || value.includes(kind)}
              disabled={all}
              onChange={(e) => toggle(kind, e.target.checked)}
            />
            {WEBHOOK_EVENT_LABELS[kind]}
          </label>
        ))}
      </div>
      {error && (
        <div className="mt-2">
          <FieldError id="webhook-events-error">{error}</FieldError>
        </div>
      )}
    </fieldset>
  );
}

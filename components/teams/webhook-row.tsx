"use client";

import { useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { ChevronDownIcon } from "@/components/ui/icons";
import { RelativeTime } from "@/components/ui/relative-time";
import { errorMessage } from "@/lib/client/api";
import {
  findDelivery,
  useDeleteWebhook,
  useSendWebhookTest,
  useUpdateWebhook,
  useWebhookDeliveries,
} from "@/lib/client/webhooks";
import type { Webhook, WebhookDelivery } from "@/lib/validation/delivery";
import { WEBHOOK_EVENT_LABELS } from "@/lib/validation/delivery-kinds";
import { attemptResult, WebhookDeliveryLog } from "./webhook-delivery-log";

function eventsText(events: Webhook["events"]): string {
  return events.includes("*")
    ? "All events"
    : events.map((e) => WEBHOOK_EVENT_LABELS[e as keyof typeof WEBHOOK_EVENT_LABELS]).join(", ");
}

function StateBadge({ hook }: { hook: Webhook }) {
  if (hook.active) return <Badge tone="success">On</Badge>;
  return hook.disabledReason === "failing" ? (
    <Badge tone="danger">Turned off: failing</Badge>
  ) : (
    <Badge tone="neutral">Turned off</Badge>
  );
}

const Url = ({ url }: { url: string }) => (
  <span className="min-w-0 font-mono text-[13px] break-all text-ink-soft">{url}</span>
);

/** The test event's outcome once its first attempt is in the log (announced politely). */
function TestResult({ sent, found }: { sent: WebhookDelivery; found: WebhookDelivery | undefined }) {
  const attempt = found?.attempts[0];
  const text = !attempt
    ? "Test event sent; waiting for the receiver’s answer…"
    : attempt.outcome === "succeeded"
      ? `Test event delivered: ${attemptResult(attempt)} in ${attempt.durationMs} ms.`
      : `Test event ${attempt.outcome === "refused" ? "refused" : "failed"}: ${attemptResult(attempt)}.`;
  const tone = !attempt
    ? "text-muted"
    : attempt.outcome === "succeeded"
      ? "text-success-800"
      : "text-danger-700";
  return (
    <p role="status" className={`text-[13px] font-medium ${tone}`} data-delivery-id={sent.id}>
      {text}
    </p>
  );
}

/** One webhook: address, events, format, state, its actions and (on demand) its delivery log. */
export function WebhookRow({ hook }: { hook: Webhook }) {
  const logId = useId();
  const [logOpen, setLogOpen] = useState(false);
  const update = useUpdateWebhook(hook);
  const remove = useDeleteWebhook(hook);
  const test = useSendWebhookTest(hook);
  const log = useWebhookDeliveries(hook.id, hook.teamId, logOpen, test.data?.id);
  const actionError = update.error ?? test.error;
  const name = hook.description || hook.url;

  return (
    <li className="flex flex-col gap-3 py-4">
      <div className="flex flex-col gap-1">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          {hook.description ? (
            <span className="min-w-0 text-sm font-medium break-words text-ink">{hook.description}</span>
          ) : (
            <Url url={hook.url} />
          )}
          <StateBadge hook={hook} />
          <Badge tone="neutral">{hook.format === "slack" ? "Slack" : "Standard Webhooks"}</Badge>
        </div>
        {hook.description && <Url url={hook.url} />}
        <p className="text-[13px] text-muted">{eventsText(hook.events)}</p>
        {!hook.active && hook.disabledReason === "failing" && (
          <p className="text-[13px] text-danger-700">
            Cairn turned it off after a day of failed deliveries and emailed the team’s owners. Fix the
            receiver, then turn it on again.
          </p>
        )}
        {hook.lastAttempt && (
          <p className="text-[13px] text-muted">
            Last attempt <RelativeTime value={hook.lastAttempt.at} />:{" "}
            {hook.lastAttempt.status !== null ? `HTTP ${hook.lastAttempt.status}` : hook.lastAttempt.outcome}
          </p>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button
          size="sm"
          variant="secondary"
          loading={test.isPending}
          onClick={() => {
            setLogOpen(true);
            test.mutate();
          }}
        >
          Send test event<span className="sr-only"> to {name}</span>
        </Button>
        <Button
          size="sm"
          variant="secondary"
          loading={update.isPending}
          onClick={() => update.mutate({ active: !hook.active })}
        >
          {hook.active ? "Turn off" : "Turn on"}
          <span className="sr-only"> {name}</span>
        </Button>
        <Button
          size="sm"
          variant="ghost"
          aria-expanded={logOpen}
          aria-controls={logOpen ? logId : undefined}
          onClick={() => setLogOpen(!logOpen)}
          icon={<ChevronDownIcon className={`size-4 transition-transform ${logOpen ? "rotate-180" : ""}`} />}
        >
          Delivery log<span className="sr-only"> of {name}</span>
        </Button>
        <ConfirmButton
          size="sm"
          variant="danger-ghost"
          title="Delete this webhook?"
          description={`Cairn stops sending events to ${hook.url} and forgets its delivery log. This cannot be undone.`}
          confirmLabel="Delete webhook"
          onConfirm={() => remove.mutateAsync()}
        >
          Delete<span className="sr-only"> {name}</span>
        </ConfirmButton>
      </div>
      {actionError && <p className="text-[13px] text-danger-700">{errorMessage(actionError)}</p>}
      {test.isSuccess && <TestResult sent={test.data} found={findDelivery(log.data?.pages, test.data.id)} />}
      {logOpen && (
        <div id={logId} className="flex flex-col gap-2">
          <h3 id={`${logId}-title`} className="text-[13px] font-semibold text-ink">
            Delivery log
          </h3>
          <WebhookDeliveryLog log={log} labelId={`${logId}-title`} />
        </div>
      )}
    </li>
  );
}

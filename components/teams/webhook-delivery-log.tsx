"use client";

import { useState } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { LocalDate } from "@/components/ui/local-date";
import { LoadError, LoadingStatus, LoadMoreButton } from "@/components/ui/query-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import type { useWebhookDeliveries } from "@/lib/client/webhooks";
import type { WebhookDelivery } from "@/lib/validation/delivery";
import { WEBHOOK_EVENT_LABELS } from "@/lib/validation/delivery-kinds";

type Attempt = WebhookDelivery["attempts"][number];

const STATE: Record<WebhookDelivery["state"], { label: string; tone: BadgeTone }> = {
  pending: { label: "Pending", tone: "info" },
  delivered: { label: "Delivered", tone: "success" },
  gave_up: { label: "Gave up", tone: "danger" },
};

/** What the receiver answered, or why there was no answer. */
export function attemptResult(a: Attempt): string {
  if (a.status !== null) return `HTTP ${a.status}`;
  return a.error ?? (a.outcome === "refused" ? "Refused" : "No answer");
}

/** Attempts shown before "Show all": a day of retries is a dozen lines, the latest tell most. */
const SHOWN_ATTEMPTS = 3;

/** A delivery's attempts in order, numbered; of many, the latest few until asked for all. */
function AttemptList({ attempts }: { attempts: Attempt[] }) {
  const [all, setAll] = useState(false);
  const hidden = all ? 0 : Math.max(0, attempts.length - SHOWN_ATTEMPTS);
  return (
    <>
      <ol className="mt-1.5 flex flex-col gap-1 tabular-nums" aria-label="Attempts">
        {attempts.slice(hidden).map((a, i) => (
          <li
            key={a.at}
            className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5 text-[13px] text-ink-soft"
          >
            <span className="text-muted">#{hidden + i + 1}</span>
            {/* Widths the usual date and duration fill, so that the answers line up across rows. */}
            <LocalDate value={a.at} style="dateTime" className="sm:min-w-40" />
            <span className="sm:min-w-12">{a.durationMs} ms</span>
            <span
              className={
                a.outcome === "succeeded" ? "font-medium text-success-800" : "font-medium text-danger-700"
              }
            >
              {attemptResult(a)}
            </span>
          </li>
        ))}
      </ol>
      {attempts.length > SHOWN_ATTEMPTS && (
        <Button size="sm" variant="ghost" className="mt-1 -ml-2" onClick={() => setAll(!all)}>
          {all ? "Show the latest attempts" : `Show all ${attempts.length} attempts`}
        </Button>
      )}
    </>
  );
}

/** One webhook's deliveries, newest first, each with every attempt: when, answer, how long. */
export function WebhookDeliveryLog({
  log,
  labelId,
}: {
  log: ReturnType<typeof useWebhookDeliveries>;
  labelId: string;
}) {
  const deliveries = log.data?.pages.flatMap((p) => p.items) ?? [];
  if (log.isPending) {
    return (
      <LoadingStatus label="Loading the delivery log">
        <Skeleton className="h-16 w-full" />
      </LoadingStatus>
    );
  }
  if (log.isError && deliveries.length === 0) {
    return <LoadError title="The delivery log could not be loaded" error={log.error} onRetry={log.refetch} />;
  }
  if (deliveries.length === 0) {
    return <p className="text-sm text-muted">Nothing sent yet. Send a test event to try the address.</p>;
  }
  return (
    <div className="flex flex-col gap-3">
      <ul
        className="flex flex-col divide-y divide-line rounded-lg border border-line"
        aria-labelledby={labelId}
      >
        {deliveries.map((d) => (
          <li key={d.id} className="px-3 py-2.5">
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
              <span className="font-medium text-ink">
                {WEBHOOK_EVENT_LABELS[d.event as keyof typeof WEBHOOK_EVENT_LABELS] ?? d.event}
              </span>
              <Badge tone={STATE[d.state].tone}>{STATE[d.state].label}</Badge>
              <span className="text-[13px] text-muted">
                <RelativeTime value={d.createdAt} />
              </span>
            </div>
            {d.attempts.length === 0 ? (
              <p className="mt-1 text-[13px] text-muted">Waiting for its first attempt…</p>
            ) : (
              <AttemptList attempts={d.attempts} />
            )}
            {d.nextAttemptAt && d.attempts.length > 0 && (
              <p className="mt-1 text-[13px] text-muted">
                Next attempt <LocalDate value={d.nextAttemptAt} style="dateTime" />
              </p>
            )}
          </li>
        ))}
      </ul>
      {log.hasNextPage && (
        <div>
          <LoadMoreButton query={log} label="Show older deliveries" loadingLabel="Loading…" size="sm" />
        </div>
      )}
    </div>
  );
}

"use client";

import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ChevronRightIcon } from "@/components/ui/icons";
import { LoadError, LoadingStatus, LoadMoreButton } from "@/components/ui/query-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { useOutbox } from "@/lib/client/delivery";
import { EMAIL_KIND_LABELS, type OutboxStatus } from "@/lib/validation/delivery-kinds";

const STATUS: Record<OutboxStatus, { label: string; tone: BadgeTone }> = {
  queued: { label: "Queued", tone: "info" },
  sent: { label: "Sent", tone: "success" },
  logged: { label: "Logged (no SMTP)", tone: "neutral" },
  retrying: { label: "Retrying", tone: "warning" },
  failed: { label: "Failed", tone: "danger" },
  suppressed: { label: "Turned off by recipient", tone: "neutral" },
};

/** Team Settings → Delivery log (owners): every email for the team's members, newest first. */
export function DeliveryLog({ teamId }: { teamId: string }) {
  const outbox = useOutbox(teamId);
  const messages = outbox.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card aria-labelledby="delivery-log-title">
      <CardHeader
        titleId="delivery-log-title"
        title="Delivery log"
        description="Email Cairn sent, is about to send or, without SMTP_URL configured, only wrote to the server log. Open a message to read it."
      />
      <CardBody>
        {outbox.isPending ? (
          <LoadingStatus label="Loading the delivery log">
            <Skeleton className="h-24 w-full" />
          </LoadingStatus>
        ) : outbox.isError && messages.length === 0 ? (
          <LoadError
            title="The delivery log could not be loaded"
            error={outbox.error}
            onRetry={outbox.refetch}
          />
        ) : messages.length === 0 ? (
          <p className="text-sm text-muted">No email yet. Invitations, mentions and replies appear here.</p>
        ) : (
          <ul className="flex flex-col divide-y divide-line" aria-label="Messages">
            {messages.map((m) => (
              <li key={m.id} className="py-3">
                <details className="group">
                  {/* Its own chevron beside the text: the browser's marker sits inline and a long
                      subject wrapped away from it onto a line of its own. */}
                  <summary className="flex cursor-pointer list-none gap-1.5 rounded-md text-sm text-ink [&::-webkit-details-marker]:hidden">
                    <ChevronRightIcon className="mt-0.5 size-4 shrink-0 text-muted transition-transform group-open:rotate-90" />
                    <span className="min-w-0">
                      <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
                        <span className="font-medium">{m.subject}</span>
                        <Badge tone={STATUS[m.status].tone}>{STATUS[m.status].label}</Badge>
                      </span>
                      <span className="mt-1 block text-[13px] text-muted">
                        {EMAIL_KIND_LABELS[m.kind]} to {m.to} · <RelativeTime value={m.createdAt} /> ·{" "}
                        {m.attempts === 1 ? "1 attempt" : `${m.attempts} attempts`}
                        {m.lastError && ` · last error: ${m.lastError}`}
                      </span>
                    </span>
                  </summary>
                  <pre className="mt-2 ml-5.5 overflow-x-auto rounded-md bg-subtle p-3 text-[13px] leading-5 wrap-anywhere whitespace-pre-wrap text-ink">
                    {m.text}
                  </pre>
                </details>
              </li>
            ))}
          </ul>
        )}
        {outbox.hasNextPage && (
          <LoadMoreButton
            query={outbox}
            label="Show older messages"
            loadingLabel="Loading…"
            size="sm"
            className="mt-3"
          />
        )}
      </CardBody>
    </Card>
  );
}

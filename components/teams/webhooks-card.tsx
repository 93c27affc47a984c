"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PlusIcon } from "@/components/ui/icons";
import { LoadError, LoadingStatus } from "@/components/ui/query-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useWebhooks } from "@/lib/client/webhooks";
import { AddWebhookForm } from "./add-webhook-form";
import { WebhookRow } from "./webhook-row";

/** Team Settings → Webhooks (owners): where Cairn POSTs the team's events, and how that went. */
export function WebhooksCard({ teamId }: { teamId: string }) {
  const webhooks = useWebhooks(teamId);
  const [adding, setAdding] = useState(false);
  const list = webhooks.data ?? [];
  return (
    <Card aria-labelledby="webhooks-title">
      <CardHeader
        titleId="webhooks-title"
        title="Webhooks"
        description="Tell your team’s chat, CI or scripts when items change, milestones slip, reviews are recorded or gates decided. Each event is retried for a day if the receiver fails."
        actions={
          !adding && (
            <Button
              size="sm"
              variant="secondary"
              icon={<PlusIcon className="size-4" />}
              onClick={() => setAdding(true)}
            >
              Add webhook
            </Button>
          )
        }
      />
      <CardBody className="flex flex-col gap-4">
        {adding && (
          <div className="rounded-lg border border-line bg-canvas/60 p-4">
            <AddWebhookForm teamId={teamId} onClose={() => setAdding(false)} />
          </div>
        )}
        {webhooks.isPending ? (
          <LoadingStatus label="Loading the webhooks">
            <Skeleton className="h-16 w-full" />
          </LoadingStatus>
        ) : webhooks.isError && list.length === 0 ? (
          <LoadError
            title="The webhooks could not be loaded"
            error={webhooks.error}
            onRetry={webhooks.refetch}
          />
        ) : list.length === 0 ? (
          !adding && <p className="text-sm text-muted">No webhooks yet.</p>
        ) : (
          <ul className="-my-4 flex flex-col divide-y divide-line" aria-label="Webhooks">
            {list.map((hook) => (
              <WebhookRow key={hook.id} hook={hook} />
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}

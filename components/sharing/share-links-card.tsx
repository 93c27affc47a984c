"use client";

import { useState } from "react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { LoadError, LoadingStatus } from "@/components/ui/query-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useShareLinks } from "@/lib/client/sharing";
import type { Audience } from "@/lib/validation/communication";
import { CreateShareLinkForm } from "./create-share-link-form";
import { ShareLinkReveal } from "./share-link-reveal";
import { ShareLinksTable } from "./share-links-table";

type Created = { url: string; audience: Audience; expiresAt: string };

/** Read-only links for people outside the team: create (editors), see what is out there, revoke. */
export function ShareLinksCard({ roadmapId, canEdit }: { roadmapId: string; canEdit: boolean }) {
  const [created, setCreated] = useState<Created | null>(null);
  return (
    <Card aria-labelledby="share-links-title">
      <CardHeader
        titleId="share-links-title"
        title="Share links"
        description="A read-only view of this roadmap for one audience, without an account. Each link expires, and you can revoke it at any time."
      />
      {canEdit ? (
        <>
          <CardBody>
            {created ? (
              <ShareLinkReveal {...created} onDone={() => setCreated(null)} />
            ) : (
              <CreateShareLinkForm roadmapId={roadmapId} onCreated={setCreated} />
            )}
          </CardBody>
          <ShareLinksList roadmapId={roadmapId} />
        </>
      ) : (
        <CardBody>
          <p className="text-sm leading-6 text-ink-soft">
            Editors and owners create share links. Ask one of them for a link for your audience; they can see
            and revoke every link of this roadmap here.
          </p>
        </CardBody>
      )}
    </Card>
  );
}

function ShareLinksList({ roadmapId }: { roadmapId: string }) {
  const links = useShareLinks(roadmapId, true);
  if (links.isPending) {
    return (
      <LoadingStatus
        label="Loading share links…"
        className="flex flex-col gap-2 border-t border-line px-6 py-4"
      >
        <Skeleton className="h-5 w-2/3" />
        <Skeleton className="h-5 w-1/2" />
      </LoadingStatus>
    );
  }
  if (links.isError) {
    return (
      <div className="border-t border-line px-5 py-4 sm:px-6">
        <LoadError title="Could not load the share links" error={links.error} onRetry={links.refetch} />
      </div>
    );
  }
  if (links.data.length === 0) {
    return (
      <p className="border-t border-line px-5 py-4 text-sm text-muted sm:px-6">
        No share links yet. Links you create are listed here with their status.
      </p>
    );
  }
  return <ShareLinksTable roadmapId={roadmapId} links={links.data} />;
}

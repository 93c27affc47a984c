"use client";

import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CopyField } from "@/components/ui/copy-field";
import { useOrigin } from "./share-link-reveal";

/** The members' calendar feed, and where the public one is. */
export function CalendarFeedCard({ roadmapId }: { roadmapId: string }) {
  const origin = useOrigin();
  return (
    <Card aria-labelledby="calendar-feed-title">
      <CardHeader
        titleId="calendar-feed-title"
        title="Calendar feed"
        description="Upcoming reviews and key milestones as a subscription that stays up to date."
      />
      <CardBody className="flex flex-col gap-3">
        <CopyField value={`${origin}/api/roadmaps/${roadmapId}/calendar.ics`} label="Calendar feed address" />
        <p className="text-[13px] leading-5 text-muted">
          Calendar apps must send your Cairn sign-in or an API token to read it. For people outside the team,
          every share link also offers a public feed at{" "}
          <code className="font-mono text-ink-soft">/api/share/&lt;token&gt;/calendar.ics</code>; it is shown
          with the link when you create one.
        </p>
      </CardBody>
    </Card>
  );
}

"use client";

import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { LoadError, LoadingStatus } from "@/components/ui/query-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, tabPanelProps } from "@/components/ui/tabs";
import { useDashboard } from "@/lib/client/dashboards";
import { AUDIENCES, type Audience } from "@/lib/validation/communication-kinds";
import { AudienceDashboard } from "./audience-dashboard";
import { AUDIENCE_LABELS } from "./audience-labels";

const PREFIX = "dashboard";

function DashboardSkeleton() {
  return (
    <LoadingStatus label="Loading the dashboard…" className="flex flex-col gap-6">
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-[92px] w-full rounded-xl" />
        ))}
      </div>
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <Skeleton className="h-72 w-full rounded-xl" />
        <Skeleton className="h-72 w-full rounded-xl" />
      </div>
    </LoadingStatus>
  );
}

function AudiencePanel({ roadmapId, audience }: { roadmapId: string; audience: Audience }) {
  const dashboard = useDashboard(roadmapId, audience);
  if (!dashboard.data) {
    return dashboard.error ? (
      <LoadError
        title={`The ${AUDIENCE_LABELS[audience].toLowerCase()} dashboard could not be loaded`}
        error={dashboard.error}
        onRetry={dashboard.refetch}
      />
    ) : (
      <DashboardSkeleton />
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <p className="text-right text-xs text-muted">
        Worked out <RelativeTime value={dashboard.data.generatedAt} />
      </p>
      <AudienceDashboard dashboard={dashboard.data} links={{ roadmapId }} />
    </div>
  );
}

/** Executive, engineering and product dashboards as tabs; the tab shown is in the URL (?audience=). */
export function DashboardsView({
  roadmapId,
  initialAudience,
}: {
  roadmapId: string;
  initialAudience: Audience;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [audience, setAudience] = useState<Audience>(initialAudience);

  function show(next: Audience) {
    setAudience(next);
    router.replace(next === "executive" ? pathname : `${pathname}?audience=${next}`, { scroll: false });
  }

  return (
    <div className="flex flex-col gap-5">
      <Tabs
        label="Audience"
        prefix={PREFIX}
        tabs={AUDIENCES.map((a) => ({ id: a, label: AUDIENCE_LABELS[a] }))}
        value={audience}
        onChange={show}
      />
      <div {...tabPanelProps(PREFIX, audience)} tabIndex={0} className="focus-visible:outline-offset-4">
        <AudiencePanel key={audience} roadmapId={roadmapId} audience={audience} />
      </div>
    </div>
  );
}

"use client";

import type { Dashboard } from "@/lib/validation/communication";
import { EngineeringDashboard } from "./engineering-dashboard";
import { ExecutiveDashboard } from "./executive-dashboard";
import { ProductDashboard } from "./product-dashboard";

/**
 * Any audience's dashboard from its data alone, so the share page and the one-pager show it signed
 * out. With `links`, items point to the roadmap's member pages; without, nothing links there.
 */
export function AudienceDashboard({
  dashboard,
  links,
}: {
  dashboard: Dashboard;
  links?: { roadmapId: string };
}) {
  switch (dashboard.audience) {
    case "executive":
      return <ExecutiveDashboard dashboard={dashboard} links={links} />;
    case "engineering":
      return <EngineeringDashboard dashboard={dashboard} />;
    case "product":
      return <ProductDashboard dashboard={dashboard} links={links} />;
  }
}

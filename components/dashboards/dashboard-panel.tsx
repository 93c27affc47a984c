import type { ReactNode } from "react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { cx } from "@/components/ui/cx";

/** One block of a dashboard: a titled card; `id` names its heading for the section's label. */
export function DashboardPanel({
  id,
  title,
  description,
  actions,
  className,
  children,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Card aria-labelledby={id} className={cx("min-w-0", className)}>
      <CardHeader titleId={id} title={title} description={description} actions={actions} />
      <CardBody className="pt-4">{children}</CardBody>
    </Card>
  );
}

/** What a panel shows when it has nothing to list. */
export function PanelEmpty({ children }: { children: ReactNode }) {
  return <p className="rounded-lg bg-subtle px-3 py-3 text-sm text-muted">{children}</p>;
}

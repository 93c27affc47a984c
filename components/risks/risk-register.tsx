"use client";

import { useState } from "react";
import { showToast } from "@/components/ui/toasts";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PlusIcon, ShieldIcon } from "@/components/ui/icons";
import { errorMessage } from "@/lib/client/api";
import { useDeleteRisk, useRestoreRisk, type Risk } from "@/lib/client/resources";
import type { Member } from "@/lib/validation/teams";
import type { Item } from "@/lib/validation/timeline";
import { RiskDetails } from "./risk-details";
import { RiskFilterBar } from "./risk-filter-bar";
import { applyFilters, type RiskFilters } from "./risk-filters";
import { RiskForm } from "./risk-form";
import { RiskRow, type RiskNames } from "./risk-row";

const HEADERS: { label: string; className: string }[] = [
  { label: "Score", className: "pl-4 pr-2" },
  { label: "Risk", className: "px-2" },
  { label: "Kind", className: "hidden px-2 md:table-cell" },
  { label: "Status", className: "hidden px-2 md:table-cell" },
  { label: "Owner", className: "hidden px-2 lg:table-cell" },
  { label: "Linked items", className: "hidden px-2 lg:table-cell" },
  { label: "Delay", className: "hidden px-2 text-right lg:table-cell" },
];

/**
 * The register: risks highest score first, filtered; a row opens in place (the form for editors,
 * the details for readers). Adding opens a form above the table; a delete can be undone.
 */
export function RiskRegister({
  roadmapId,
  risks,
  items,
  members,
  names,
  canEdit,
  filters,
  onFilters,
}: {
  roadmapId: string;
  risks: Risk[];
  items: Item[];
  members: Member[];
  names: RiskNames;
  canEdit: boolean;
  filters: RiskFilters;
  onFilters: (filters: RiskFilters) => void;
}) {
  const [expanded, setExpanded] = useState<string | null>(null);
  const [adding, setAdding] = useState(0);
  const [announcement, setAnnouncement] = useState("");
  const remove = useDeleteRisk(roadmapId);
  const restore = useRestoreRisk(roadmapId);
  const shown = applyFilters(risks, filters);

  function deleteRisk(risk: Risk) {
    setExpanded(null);
    remove.mutateAsync(risk).then(
      () =>
        showToast({
          tone: "info",
          message: `Deleted the risk “${risk.title}”.`,
          timeoutMs: 15_000,
          actions: [
            {
              label: "Undo",
              primary: true,
              onClick: () =>
                restore.mutateAsync(risk.id).then(
                  () => setAnnouncement(`Restored “${risk.title}”.`),
                  (error: unknown) =>
                    showToast({
                      tone: "error",
                      message: `“${risk.title}” could not be restored: ${errorMessage(error)}`,
                    }),
                ),
            },
          ],
        }),
      (error: unknown) =>
        showToast({ tone: "error", message: `“${risk.title}” was not deleted: ${errorMessage(error)}` }),
    );
  }

  function saved(risk: Risk, created: boolean) {
    if (created) setAdding(0);
    else setExpanded(null);
    setAnnouncement(`${created ? "Added" : "Saved"} “${risk.title}”.`);
  }

  return (
    <Card aria-labelledby="register-title">
      <CardHeader
        titleId="register-title"
        title="Register"
        description="Highest score (likelihood × impact) first. High risks (15 or more) need a contingency plan."
        actions={
          canEdit && !adding ? (
            <Button
              variant="primary"
              icon={<PlusIcon className="size-4" />}
              onClick={() => setAdding((n) => n + 1)}
            >
              Add risk
            </Button>
          ) : null
        }
      />
      <CardBody className="flex flex-col gap-4 pb-2">
        {adding > 0 && (
          <section
            aria-labelledby="new-risk-title"
            className="rounded-lg border border-accent-200 bg-accent-50/40 p-4"
          >
            <h3 id="new-risk-title" className="mb-3 text-sm font-semibold text-ink">
              New risk
            </h3>
            <RiskForm
              key={adding}
              roadmapId={roadmapId}
              items={items}
              members={members}
              onClose={() => setAdding(0)}
              onSaved={saved}
            />
          </section>
        )}
        {risks.length > 0 && (
          <RiskFilterBar filters={filters} onChange={onFilters} shown={shown.length} total={risks.length} />
        )}
      </CardBody>
      {risks.length === 0 ? (
        <div className="px-5 pb-5 sm:px-6">
          <EmptyState
            level={3}
            icon={<ShieldIcon className="size-5" />}
            title="No risks recorded yet"
            description={
              canEdit
                ? "Add what could stop or slow the plan: roadblocks, dependencies on other teams or vendors, and external factors such as regulation or funding."
                : "Nobody has recorded a risk on this roadmap yet. Editors of the team keep the register."
            }
          />
        </div>
      ) : shown.length === 0 ? (
        <p className="mx-5 mb-5 rounded-lg border border-dashed border-line-strong px-4 py-6 text-center text-sm text-muted sm:mx-6">
          No risk matches these filters.
        </p>
      ) : (
        <div className="relative overflow-x-auto pb-2">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">Risk register, highest score first</caption>
            <thead>
              <tr className="text-left text-xs text-ink-soft">
                {HEADERS.map((h) => (
                  <th key={h.label} scope="col" className={`${h.className} pb-2 font-semibold`}>
                    {h.label}
                  </th>
                ))}
                <th scope="col" className="pr-4 pb-2 pl-2">
                  <span className="sr-only">Open</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((risk) => (
                <RiskRow
                  key={risk.id}
                  risk={risk}
                  names={names}
                  canEdit={canEdit}
                  expanded={expanded === risk.id}
                  onToggle={() => setExpanded((id) => (id === risk.id ? null : risk.id))}
                  expansion={
                    canEdit ? (
                      <RiskForm
                        roadmapId={roadmapId}
                        risk={risk}
                        items={items}
                        members={members}
                        onClose={() => setExpanded(null)}
                        onSaved={saved}
                        onDelete={deleteRisk}
                      />
                    ) : (
                      <RiskDetails risk={risk} names={names} />
                    )
                  }
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </Card>
  );
}

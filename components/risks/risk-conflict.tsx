"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { Risk } from "@/lib/client/resources";
import type { Member } from "@/lib/validation/teams";
import type { Item } from "@/lib/validation/timeline";
import { differingFields, type RiskFormValues } from "./risk-form-values";
import { RISK_KIND_INFO, RISK_STATUS_INFO } from "./risk-labels";

const LABELS: Record<ReturnType<typeof differingFields>[number], string> = {
  title: "Title",
  description: "Description",
  kind: "Kind",
  likelihood: "Likelihood",
  impact: "Impact",
  itemIds: "Linked items",
  ownerId: "Owner",
  status: "Status",
  delayDays: "Delay",
  contingency: "Contingency plan",
};

function theirValue(field: keyof typeof LABELS, risk: Risk, items: Item[], members: Member[]): string {
  switch (field) {
    case "kind":
      return RISK_KIND_INFO[risk.kind].label;
    case "status":
      return RISK_STATUS_INFO[risk.status].label;
    case "ownerId":
      return members.find((m) => m.user.id === risk.ownerId)?.user.name ?? "no owner";
    case "itemIds":
      return risk.itemIds.length
        ? risk.itemIds.map((id) => items.find((i) => i.id === id)?.title ?? "a removed item").join(", ")
        : "none";
    case "delayDays":
      return risk.delayDays === null ? "none" : `${risk.delayDays} working days`;
    default: {
      const value = risk[field];
      return value === null || value === "" ? "empty" : String(value);
    }
  }
}

/** Someone saved the risk while it was being edited: what they changed, and the editor's choice. */
export function RiskConflict({
  risk,
  values,
  items,
  members,
  onKeepMine,
  onUseTheirs,
}: {
  risk: Risk;
  values: RiskFormValues;
  items: Item[];
  members: Member[];
  onKeepMine: (form: HTMLFormElement) => void;
  onUseTheirs: () => void;
}) {
  const fields = differingFields(values, risk);
  return (
    <Alert
      tone="warning"
      title="Someone else changed this risk while you were editing"
      actions={
        <>
          <Button
            size="sm"
            variant="primary"
            onClick={(event) => {
              const form = event.currentTarget.form;
              if (form) onKeepMine(form);
            }}
          >
            Save mine over theirs
          </Button>
          <Button size="sm" variant="secondary" onClick={onUseTheirs}>
            Discard mine, use theirs
          </Button>
        </>
      }
    >
      {fields.length === 0 ? (
        <p>Their version says what yours does.</p>
      ) : (
        <>
          <p>Your edits are kept below. Where theirs differs, it now reads:</p>
          <dl className="mt-1.5 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
            {fields.map((field) => (
              <div key={field} className="contents">
                <dt className="font-medium">{LABELS[field]}</dt>
                <dd className="min-w-0 break-words">{theirValue(field, risk, items, members)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </Alert>
  );
}

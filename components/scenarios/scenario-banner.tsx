"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ButtonLink } from "@/components/ui/button-link";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { InfoIcon } from "@/components/ui/icons";
import { canEditRoadmaps } from "@/lib/validation/roles";
import { useDiscardScenario, useScenarios } from "@/lib/client/scenarios";
import { useBoard } from "@/lib/client/timeline";
import type { Role } from "@/lib/validation/common";
import { scenarioCompareHref } from "./scenario-links";
import { ScenarioStatusBadge } from "./scenario-list";
import { closedReason } from "./scenario-text";

/**
 * The strip on every page of a scenario: what it is a copy of, that changes here stay here, and
 * the way back to the live plan (compare, apply, discard).
 */
export function ScenarioBanner({
  scenario,
  role,
}: {
  scenario: { id: string; title: string; baseRoadmapId: string };
  role: Role;
}) {
  const baseId = scenario.baseRoadmapId;
  const router = useRouter();
  const base = useBoard(baseId);
  const scenarios = useScenarios(baseId);
  const discard = useDiscardScenario(baseId, scenario.id);
  const status = scenarios.data?.find((s) => s.roadmap.id === scenario.id)?.status;
  const closed = status ? closedReason(status) : null;
  const canEdit = canEditRoadmaps(role);
  const baseTitle = base.data?.roadmap.title;

  return (
    <section
      aria-label="What-if scenario"
      className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg border border-[#c9d7ef] bg-[#eef3fb] px-4 py-2.5 text-[13px] text-[#24467a]"
    >
      <p className="flex min-w-0 flex-1 basis-72 items-start gap-2">
        <InfoIcon className="mt-0.5 size-4 shrink-0" />
        <span>
          <strong className="font-semibold">
            What-if scenario of{" "}
            <Link href={`/roadmaps/${baseId}`} className="underline underline-offset-[3px]">
              {baseTitle ?? "the live roadmap"}
            </Link>
          </strong>{" "}
          — changes here don’t touch the live roadmap.
          {status && status !== "open" && (
            <>
              {" "}
              <ScenarioStatusBadge status={status} />
            </>
          )}
          {closed && <span className="mt-0.5 block text-ink-soft">{closed}</span>}
        </span>
      </p>
      <div className="flex shrink-0 flex-wrap items-center gap-2">
        <ButtonLink size="sm" variant="secondary" href={scenarioCompareHref(baseId, scenario.id)}>
          Compare with live
        </ButtonLink>
        {canEdit &&
          (closed ? (
            <>
              <Button size="sm" variant="secondary" disabled title={closed}>
                Apply…
              </Button>
              <Button size="sm" variant="secondary" disabled title={closed}>
                Discard
              </Button>
            </>
          ) : (
            <>
              <ButtonLink
                size="sm"
                variant="primary"
                href={scenarioCompareHref(baseId, scenario.id, { apply: true })}
              >
                Apply…
              </ButtonLink>
              <ConfirmButton
                size="sm"
                variant="secondary"
                title={`Discard “${scenario.title}”?`}
                description="The scenario stays readable, marked discarded, but can no longer be applied. The live roadmap is not changed."
                confirmLabel="Discard scenario"
                onConfirm={() => discard.mutateAsync().then(() => router.refresh())}
              >
                Discard
              </ConfirmButton>
            </>
          ))}
      </div>
    </section>
  );
}

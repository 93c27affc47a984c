"use client";

import { canAddSkills, canManageTeam } from "@/lib/validation/roles";
import { useTeam } from "@/lib/client/teams";
import type { Role } from "@/lib/validation/common";
import type { Team } from "@/lib/validation/teams";
import { DeleteTeamCard } from "./delete-team-card";
import { DeliveryLog } from "./delivery-log";
import { SkillsCatalogue } from "./skills-catalogue";
import { TeamNameCard } from "./team-name-card";
import { WebhooksCard } from "./webhooks-card";

export function TeamSettings({ initial }: { initial: { team: Team; role: Role } }) {
  const { data = initial } = useTeam(initial.team.id);
  const { team, role } = data;
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <TeamNameCard team={team} canManage={canManageTeam(role)} />
      <SkillsCatalogue teamId={team.id} canAdd={canAddSkills(role)} />
      {canManageTeam(role) && <WebhooksCard teamId={team.id} />}
      {canManageTeam(role) && <DeliveryLog teamId={team.id} />}
      {canManageTeam(role) && (
        <section aria-labelledby="danger-zone" className="mt-4 flex flex-col gap-3">
          <h2 id="danger-zone" className="text-sm font-semibold text-danger-700">
            Danger zone
          </h2>
          <DeleteTeamCard team={team} />
        </section>
      )}
    </div>
  );
}

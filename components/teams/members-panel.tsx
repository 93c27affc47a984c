"use client";

import { canManageTeam } from "@/lib/validation/roles";
import type { Role } from "@/lib/validation/common";
import { InviteMemberForm } from "./invite-member-form";
import { MembersTable } from "./members-table";
import { PendingInvitations } from "./pending-invitations";

/** The members page: the list for everyone; invitations and role changes for owners only. */
export function MembersPanel({
  team,
  role,
  currentUserId,
}: {
  team: { id: string; name: string };
  role: Role;
  currentUserId: string;
}) {
  const canManage = canManageTeam(role);
  return (
    <div className="flex flex-col gap-6">
      <MembersTable
        teamId={team.id}
        teamName={team.name}
        currentUserId={currentUserId}
        canManage={canManage}
      />
      {canManage && (
        <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <InviteMemberForm teamId={team.id} teamName={team.name} />
          <PendingInvitations teamId={team.id} />
        </div>
      )}
    </div>
  );
}

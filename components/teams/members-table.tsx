"use client";

import { Card, CardHeader } from "@/components/ui/card";
import { useMembers } from "@/lib/client/members";
import type { Member } from "@/lib/validation/teams";
import { MemberRow, MEMBER_COLUMNS } from "./member-row";

export function MembersTable({
  teamId,
  teamName,
  currentUserId,
  canManage,
}: {
  teamId: string;
  teamName: string;
  currentUserId: string;
  canManage: boolean;
}) {
  const { data: members = [] } = useMembers(teamId);
  const owners = members.filter((m) => m.role === "owner");
  return (
    <Card aria-labelledby="members-title">
      <CardHeader
        titleId="members-title"
        title={`Members (${members.length})`}
        description={
          canManage
            ? "A role change applies at once. A team always keeps at least one owner."
            : `Only owners invite people and change roles. ${ownersSentence(owners)}`
        }
      />
      <div className="mt-4 border-t border-line">
        <div
          aria-hidden="true"
          className={`hidden gap-4 border-b border-line bg-canvas/70 px-5 py-2.5 text-xs font-medium text-muted sm:grid sm:px-6 ${MEMBER_COLUMNS}`}
        >
          <span>Member</span>
          <span>Role</span>
          <span className="max-md:hidden">Joined</span>
          <span />
        </div>
        <ul aria-labelledby="members-title" className="divide-y divide-line">
          {members.map((member) => (
            <MemberRow
              key={member.user.id}
              member={member}
              teamId={teamId}
              teamName={teamName}
              isSelf={member.user.id === currentUserId}
              canManage={canManage}
            />
          ))}
        </ul>
      </div>
    </Card>
  );
}

function ownersSentence(owners: Member[]): string {
  if (owners.length === 0) return "";
  const names = owners.map((o) => o.user.name);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
  return `To add someone or change a role, ask ${list}.`;
}

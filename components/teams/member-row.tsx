"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { UserAvatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { LocalDate } from "@/components/ui/local-date";
import { useChangeMemberRole, useRemoveMember } from "@/lib/client/members";
import { queryKeys } from "@/lib/client/query-keys";
import type { Member } from "@/lib/validation/teams";
import { MemberRoleSelect } from "./member-role-select";
import { RoleBadge } from "./role-badge";

/** Member, role, joined, actions: shared by the header row and every member row. */
export const MEMBER_COLUMNS =
  "sm:grid-cols-[minmax(0,1fr)_9rem_7rem] md:grid-cols-[minmax(0,1fr)_9rem_8rem_7rem]";

export function MemberRow({
  member,
  teamId,
  teamName,
  isSelf,
  canManage,
}: {
  member: Member;
  teamId: string;
  teamName: string;
  isSelf: boolean;
  canManage: boolean;
}) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const changeRole = useChangeMemberRole(teamId);
  const remove = useRemoveMember(teamId);
  const shownRole = changeRole.isPending ? changeRole.variables.role : member.role;
  const { name, email } = member.user;

  function onRoleChange(role: Member["role"]) {
    changeRole.mutate(
      { userId: member.user.id, role },
      {
        onSuccess: () => {
          if (!isSelf) return;
          // Your own role changed: what this page may show you changed with it.
          void queryClient.invalidateQueries({ queryKey: queryKeys.myTeams });
          router.refresh();
        },
      },
    );
  }

  return (
    <li className="px-5 py-3 sm:px-6">
      <div className={`grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-4 gap-y-2.5 ${MEMBER_COLUMNS}`}>
        <div className="col-span-2 flex min-w-0 items-center gap-3 sm:col-span-1">
          <UserAvatar name={name} />
          <div className="min-w-0">
            <div className="flex items-center gap-2">
              <span className="truncate text-sm font-medium text-ink">{name}</span>
              {isSelf && <Badge>You</Badge>}
            </div>
            <div className="truncate text-[13px] text-muted">{email}</div>
          </div>
        </div>
        <div>
          {canManage ? (
            <MemberRoleSelect
              memberName={name}
              role={shownRole}
              isSelf={isSelf}
              saving={changeRole.isPending}
              onChange={onRoleChange}
            />
          ) : (
            <>
              <span className="sr-only">Role: </span>
              <RoleBadge role={member.role} />
            </>
          )}
        </div>
        <div className="text-[13px] text-ink-soft max-md:hidden">
          <span className="sr-only">Joined </span>
          <LocalDate value={member.joinedAt} />
        </div>
        <div className="flex justify-end">
          {isSelf ? (
            <ConfirmButton
              variant="danger-ghost"
              size="sm"
              title={`Leave ${teamName}?`}
              description="You will lose access to its roadmaps straight away. To come back, an owner has to invite you again."
              confirmLabel="Leave team"
              onConfirm={() =>
                remove.mutateAsync({ userId: member.user.id, self: true }).then(() => {
                  router.push("/teams");
                  router.refresh();
                })
              }
            >
              Leave team
            </ConfirmButton>
          ) : canManage ? (
            <ConfirmButton
              variant="danger-ghost"
              size="sm"
              title={`Remove ${name}?`}
              description={`${name} (${email}) will lose access to ${teamName} and its roadmaps straight away. You can invite them again later.`}
              confirmLabel="Remove member"
              onConfirm={() => remove.mutateAsync({ userId: member.user.id, self: false })}
            >
              Remove<span className="sr-only"> {name}</span>
            </ConfirmButton>
          ) : null}
        </div>
      </div>
      {changeRole.isError && (
        <Alert
          tone="error"
          className="mt-3"
          title={
            changeRole.error.code === "last_owner"
              ? "The team needs an owner"
              : `Could not change ${name}’s role`
          }
        >
          {changeRole.error.message}
        </Alert>
      )}
    </li>
  );
}

"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { MailIcon } from "@/components/ui/icons";
import { LocalDate } from "@/components/ui/local-date";
import { useInvitations, useRevokeInvitation } from "@/lib/client/invitations";
import { useMembers } from "@/lib/client/members";
import type { Invitation } from "@/lib/validation/teams";
import { RoleBadge } from "./role-badge";

export function PendingInvitations({ teamId }: { teamId: string }) {
  const { data: invitations = [], isError, error, refetch, isFetching } = useInvitations(teamId);
  const { data: members = [] } = useMembers(teamId);
  const nameOf = (userId: string | null) => members.find((m) => m.user.id === userId)?.user.name ?? null;

  return (
    <Card aria-labelledby="pending-title">
      <CardHeader
        titleId="pending-title"
        title={`Pending invitations${invitations.length ? ` (${invitations.length})` : ""}`}
        description="Links that have not been used yet. Withdraw one and it stops working at once."
      />
      <div className="mt-4 border-t border-line">
        {isError ? (
          <div className="p-5 sm:px-6">
            <Alert
              tone="error"
              actions={
                <Button size="sm" variant="secondary" loading={isFetching} onClick={() => refetch()}>
                  Try again
                </Button>
              }
            >
              {error.message}
            </Alert>
          </div>
        ) : invitations.length === 0 ? (
          <div className="flex flex-col items-center px-6 py-10 text-center">
            <MailIcon className="size-5 text-muted" />
            <p className="mt-3 text-sm font-medium text-ink">No pending invitations</p>
            <p className="mt-1 max-w-xs text-[13px] leading-5 text-muted">
              Invitations you create appear here until they are accepted, withdrawn or expire.
            </p>
          </div>
        ) : (
          <ul className="divide-y divide-line">
            {invitations.map((invitation) => (
              <PendingInvitationRow
                key={invitation.id}
                teamId={teamId}
                invitation={invitation}
                invitedBy={nameOf(invitation.invitedBy)}
              />
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}

function PendingInvitationRow({
  teamId,
  invitation,
  invitedBy,
}: {
  teamId: string;
  invitation: Invitation;
  invitedBy: string | null;
}) {
  const revoke = useRevokeInvitation(teamId);
  return (
    <li className="px-5 py-3.5 sm:px-6">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <div className="min-w-0 flex-1 basis-48">
          <div className="flex flex-wrap items-center gap-2">
            <span className="truncate text-sm font-medium text-ink">{invitation.email}</span>
            <RoleBadge role={invitation.role} />
          </div>
          <p className="mt-0.5 text-[13px] text-muted">
            {invitedBy ? `Invited by ${invitedBy} · ` : ""}expires <LocalDate value={invitation.expiresAt} />
          </p>
        </div>
        <Button
          size="sm"
          variant="secondary"
          loading={revoke.isPending}
          onClick={() => revoke.mutate({ invitationId: invitation.id })}
        >
          Withdraw<span className="sr-only"> the invitation for {invitation.email}</span>
        </Button>
      </div>
      {revoke.isError && (
        <Alert tone="error" className="mt-2">
          {revoke.error.message}
        </Alert>
      )}
    </li>
  );
}

"use client";

import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { SignOutForm, type SignOutAction } from "@/components/app-shell/sign-out-form";
import { RoleBadge } from "@/components/teams/role-badge";
import { TeamAvatar } from "@/components/teams/team-avatar";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ButtonLink } from "@/components/ui/button-link";
import { useAcceptInvitation } from "@/lib/client/invitations";
import { ROLE_INFO } from "@/lib/validation/roles";
import type { Role } from "@/lib/validation/common";

export interface InvitationPreview {
  team: { id: string; name: string; slug: string };
  email: string;
  role: Role;
  invitedBy: string | null;
}

export function AcceptInvitationCard({
  token,
  invitation,
  signedInAs,
  signOutAction,
}: {
  token: string;
  invitation: InvitationPreview;
  signedInAs: string;
  signOutAction: SignOutAction;
}) {
  const router = useRouter();
  const accept = useAcceptInvitation();
  const returnTo = `/invite/${token}`;
  const wrongAccount = invitation.email.toLowerCase() !== signedInAs.toLowerCase();
  const error = accept.error;
  const joining = accept.isPending || accept.isSuccess;

  function onAccept() {
    accept.mutateAsync({ token }).then(
      ({ team }) => {
        router.push(`/teams/${team.slug}`);
        router.refresh();
      },
      () => {
        // Shown in the card from accept.error.
      },
    );
  }

  const switchAccount = (
    <SignOutForm action={signOutAction} returnTo={returnTo}>
      {(pending) => (
        <Button type="submit" variant={wrongAccount ? "primary" : "secondary"} loading={pending}>
          Sign out and switch account
        </Button>
      )}
    </SignOutForm>
  );

  return (
    <div className="mx-auto max-w-lg py-4 sm:py-10">
      <div className="rounded-2xl border border-line bg-surface shadow-card">
        <div className="flex flex-col items-center px-6 pt-8 pb-6 text-center sm:px-10">
          <TeamAvatar name={invitation.team.name} seed={invitation.team.id} size="lg" />
          <p className="mt-4 text-sm text-muted">
            {invitation.invitedBy ? `${invitation.invitedBy} invited you to join` : "You are invited to join"}
          </p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight text-balance text-ink">
            {invitation.team.name}
          </h1>
        </div>
        <dl className="mx-6 mb-6 divide-y divide-line rounded-xl border border-line text-sm sm:mx-10">
          <Detail label="Your role">
            <RoleBadge role={invitation.role} />
            <p className="mt-1.5 text-[13px] leading-5 text-muted">{ROLE_INFO[invitation.role].summary}</p>
          </Detail>
          <Detail label="Invitation for">
            <span className="text-ink [overflow-wrap:anywhere]">{invitation.email}</span>
          </Detail>
        </dl>
        <div className="flex flex-col gap-4 border-t border-line px-6 py-5 sm:px-10">
          {wrongAccount ? (
            <Alert tone="warning" title="This invitation is for another account" actions={switchAccount}>
              You are signed in as <span className="font-medium [overflow-wrap:anywhere]">{signedInAs}</span>.
              Sign in or create an account as{" "}
              <span className="font-medium [overflow-wrap:anywhere]">{invitation.email}</span> to accept it;
              this link brings you back here.
            </Alert>
          ) : (
            <>
              {error && (
                <Alert
                  tone="error"
                  title={
                    error.status === 410
                      ? "This invitation no longer works"
                      : error.status === 403
                        ? "This invitation is for another account"
                        : "Could not join the team"
                  }
                  actions={error.status === 403 ? switchAccount : undefined}
                >
                  {error.message}
                </Alert>
              )}
              {error?.status !== 410 && (
                <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
                  <ButtonLink href="/" variant="secondary">
                    Not now
                  </ButtonLink>
                  <Button variant="primary" loading={joining} onClick={onAccept}>
                    {joining ? "Joining…" : `Join ${invitation.team.name}`}
                  </Button>
                </div>
              )}
            </>
          )}
        </div>
      </div>
    </div>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 px-4 py-3 sm:grid-cols-[7.5rem_1fr] sm:gap-3">
      <dt className="text-[13px] font-medium text-muted">{label}</dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  );
}

import type { Metadata } from "next";
import { PageContainer } from "@/components/app-shell/page-container";
import { AcceptInvitationCard } from "@/components/invitations/accept-invitation-card";
import { InvitationGone } from "@/components/invitations/invitation-gone";
import { requirePageActor } from "@/lib/server/session";
import { AppError } from "@/lib/services/kernel/errors";
import { previewInvitation } from "@/lib/services/teams/invitations";
import { signOutAction } from "../../actions";

export const metadata: Metadata = { title: "Invitation" };

async function loadInvitation(token: string) {
  const { actor, db } = await requirePageActor(`/invite/${token}`);
  try {
    return { actor, invitation: await previewInvitation(db, token), goneMessage: null };
  } catch (error) {
    if (error instanceof AppError && error.code === "invitation_gone") {
      return { actor, invitation: null, goneMessage: error.message };
    }
    throw error;
  }
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { actor, invitation, goneMessage } = await loadInvitation(token);
  return (
    <PageContainer>
      {invitation ? (
        <AcceptInvitationCard
          token={token}
          invitation={invitation}
          signedInAs={actor.email}
          signOutAction={signOutAction}
        />
      ) : (
        <InvitationGone message={goneMessage ?? ""} />
      )}
    </PageContainer>
  );
}

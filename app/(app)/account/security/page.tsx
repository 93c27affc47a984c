import type { Metadata } from "next";
import { ChangePasswordCard } from "@/components/account/change-password-card";
import { SignOutEverywhereCard } from "@/components/account/sign-out-everywhere-card";
import { PageContainer } from "@/components/app-shell/page-container";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/server/session";

export const metadata: Metadata = { title: "Password and sessions" };

export default async function PasswordAndSessionsPage() {
  const { actor } = await requirePageActor("/account/security");
  return (
    <PageContainer>
      <PageHeader
        title="Password and sessions"
        description={`Signed in as ${actor.email}. Change your password, or end every session of your account if you think someone else has access.`}
      />
      <div className="flex max-w-4xl flex-col gap-6">
        <ChangePasswordCard />
        <SignOutEverywhereCard />
      </div>
    </PageContainer>
  );
}

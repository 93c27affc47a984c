import type { Metadata } from "next";
import { TextLink } from "@/components/ui/text-link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { RegisterForm } from "@/components/auth/register-form";
import { safeCallbackPath, withCallback } from "@/lib/server/callback-url";
import { currentActor } from "@/lib/server/session";

export const metadata: Metadata = { title: "Create an account" };

export default async function RegisterPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const { callbackUrl } = await searchParams;
  const requested = typeof callbackUrl === "string" ? safeCallbackPath(callbackUrl, "") : "";
  const { actor } = await currentActor();
  if (actor) redirect(requested || "/");

  return (
    <AuthCard
      title="Create your account"
      description={
        requested.startsWith("/invite/")
          ? "Use the email address your invitation was sent to, and you will join the team straight away."
          : "Start a team, invite your colleagues and draft your first roadmap in minutes."
      }
      footer={
        <>
          Already have an account?{" "}
          <TextLink href={withCallback("/signin", requested || null)}>Sign in</TextLink>
        </>
      }
    >
      <RegisterForm callbackPath={requested || "/teams"} />
    </AuthCard>
  );
}

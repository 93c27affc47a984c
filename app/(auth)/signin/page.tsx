import type { Metadata } from "next";
import { TextLink } from "@/components/ui/text-link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackPath, withCallback } from "@/lib/server/callback-url";
import { demoLoginHint } from "@/lib/demo/policy";
import { currentActor } from "@/lib/server/session";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const { callbackUrl } = await searchParams;
  const callbackPath = safeCallbackPath(typeof callbackUrl === "string" ? callbackUrl : null);
  const { actor } = await currentActor();
  if (actor) redirect(callbackPath);

  const demo = demoLoginHint();
  return (
    <AuthCard
      title="Sign in to Cairn"
      description={
        callbackPath.startsWith("/invite/")
          ? "Sign in to accept your invitation. New to Cairn? Create an account with the invited email address."
          : "Welcome back. Pick up your roadmaps where you left them."
      }
      footer={
        <>
          <TextLink href="/forgot-password">Forgot password?</TextLink>
          <span className="mx-2" aria-hidden="true">
            ·
          </span>
          New to Cairn? <TextLink href={withCallback("/register", callbackPath)}>Create an account</TextLink>
        </>
      }
    >
      <SignInForm
        callbackPath={callbackPath}
        demoLogin={demo ? { email: demo.email, password: demo.password } : null}
      />
    </AuthCard>
  );
}

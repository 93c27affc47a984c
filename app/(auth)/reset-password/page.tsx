import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { Alert } from "@/components/ui/alert";
import { TextLink } from "@/components/ui/text-link";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const { token } = await searchParams;
  return (
    <AuthCard
      title="Choose a new password"
      description="Every session of your account ends when you set it, on every device."
      footer={
        <>
          Remembered it? <TextLink href="/signin">Sign in</TextLink>
        </>
      }
    >
      {typeof token === "string" && token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <Alert tone="error" title="This link is incomplete">
          Open the link from the email again, or{" "}
          <TextLink href="/forgot-password">ask for a new one</TextLink>.
        </Alert>
      )}
    </AuthCard>
  );
}

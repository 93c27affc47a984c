import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { UnsubscribeForm } from "@/components/auth/unsubscribe-form";
import { Alert } from "@/components/ui/alert";
import { TextLink } from "@/components/ui/text-link";
import { readUnsubscribeToken } from "@/lib/server/mail/unsubscribe-token";
import { EMAIL_KIND_LABELS } from "@/lib/validation/delivery-kinds";

export const metadata: Metadata = { title: "Turn emails off" };

/** Where an email's "turn these emails off" link lands: it asks before it turns anything off. */
export default async function UnsubscribePage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const { token } = await searchParams;
  const named = typeof token === "string" ? readUnsubscribeToken(token) : null;
  return (
    <AuthCard
      title="Turn emails off"
      description={
        named
          ? `Stop ${EMAIL_KIND_LABELS[named.kind]} emails from Cairn to this account.`
          : "This link is not one Cairn sent."
      }
      footer={
        <>
          Other kinds: <TextLink href="/account/notifications">notification settings</TextLink>
        </>
      }
    >
      {named && typeof token === "string" ? (
        <UnsubscribeForm token={token} kindLabel={EMAIL_KIND_LABELS[named.kind]} />
      ) : (
        <Alert tone="error">
          Open the link from the email again, or change your notification settings instead.
        </Alert>
      )}
    </AuthCard>
  );
}

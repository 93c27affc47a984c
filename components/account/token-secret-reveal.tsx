"use client";

import { CopyField } from "@/components/ui/copy-field";
import { SecretReveal } from "@/components/ui/secret-reveal";
import type { ApiToken } from "@/lib/validation/accounts";

/** The new token's secret, shown this once, with a command to try it. */
export function TokenSecretReveal({
  token,
  secret,
  onDone,
}: {
  token: ApiToken;
  secret: string;
  onDone: () => void;
}) {
  const example = `curl -H "Authorization: Bearer ${secret}" ${window.location.origin}/api/me`;
  return (
    <SecretReveal
      title={`“${token.name}” is ready`}
      explanation="Copy the token now and keep it somewhere safe, such as a password manager or your CI’s secrets. Cairn stores only a fingerprint of it and cannot show it again."
      heading="Your token"
      secret={secret}
      label="API token"
      onDone={onDone}
    >
      <div className="flex flex-col gap-1.5">
        <p className="text-[13px] font-medium text-ink">Try it</p>
        <CopyField value={example} label="Example command" rows={4} />
        <p className="text-[13px] leading-5 text-muted">
          Answers with your account and teams. Every route of the API accepts the same header.
        </p>
      </div>
    </SecretReveal>
  );
}

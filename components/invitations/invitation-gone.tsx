import { StatusMessage } from "@/components/errors/status-message";
import { ButtonLink } from "@/components/ui/button-link";
import { MailIcon } from "@/components/ui/icons";

/** An invitation link that expired, was used already, or was withdrawn (the API's 410). */
export function InvitationGone({ message }: { message: string }) {
  return (
    <StatusMessage
      icon={<MailIcon className="size-5" />}
      eyebrow="Invitation"
      title="This invitation link no longer works"
      description={message}
      actions={
        <ButtonLink href="/" variant="primary">
          Go to your teams
        </ButtonLink>
      }
    />
  );
}

import { ButtonLink } from "@/components/ui/button-link";
import { SearchIcon } from "@/components/ui/icons";
import { StatusMessage } from "./status-message";

export function NotFoundMessage() {
  return (
    <StatusMessage
      icon={<SearchIcon className="size-5" />}
      eyebrow="404"
      title="We couldn’t find that page"
      description="The link may be mistyped, the page may have been deleted, or it belongs to a team you are not a member of."
      actions={
        <ButtonLink href="/" variant="primary">
          Go to your roadmaps
        </ButtonLink>
      }
    />
  );
}

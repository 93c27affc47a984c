import { StatusMessage } from "@/components/errors/status-message";
import { CalendarIcon } from "@/components/ui/icons";

export type GoneReason = "expired" | "revoked" | "unavailable";

/** Why the API answered 410, from its details when given, else from its sentence. */
export function goneReason(message: string, details?: unknown): GoneReason {
  const reason = (details as { reason?: unknown } | undefined)?.reason;
  if (reason === "expired" || reason === "revoked") return reason;
  if (/revoked/i.test(message)) return "revoked";
  if (/expired/i.test(message)) return "expired";
  return "unavailable";
}

const TITLES: Record<GoneReason, string> = {
  expired: "This link has expired",
  revoked: "This link was revoked",
  unavailable: "This roadmap is no longer shared",
};

/** A share link that stopped working (the API's 410): what happened and what to do about it. */
export function ShareGone({ reason, message }: { reason: GoneReason; message: string }) {
  return (
    <StatusMessage
      icon={<CalendarIcon className="size-5" />}
      eyebrow="Shared roadmap"
      title={TITLES[reason]}
      description={
        <>
          <p>{message}</p>
          <p className="mt-3">
            Share links stop working when they expire or when someone on the team withdraws them; the person
            who sent you this one can send a new link.
          </p>
        </>
      }
    />
  );
}

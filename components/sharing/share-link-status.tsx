import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ShareLink } from "@/lib/validation/communication";

const STATUS: Record<ShareLink["status"], { label: string; tone: BadgeTone }> = {
  active: { label: "Active", tone: "success" },
  expired: { label: "Expired", tone: "warning" },
  revoked: { label: "Revoked", tone: "neutral" },
};

/** A link's status in words, with a colour that only repeats them. */
export function ShareLinkStatus({ status }: { status: ShareLink["status"] }) {
  const { label, tone } = STATUS[status];
  return <Badge tone={tone}>{label}</Badge>;
}

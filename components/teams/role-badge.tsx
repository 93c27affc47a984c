import { Badge, type BadgeTone } from "@/components/ui/badge";
import { ROLE_INFO } from "@/lib/validation/roles";
import type { Role } from "@/lib/validation/common";

const TONE: Record<Role, BadgeTone> = {
  owner: "accent",
  editor: "info",
  commenter: "warning",
  viewer: "neutral",
};

export function RoleBadge({ role, className }: { role: Role; className?: string }) {
  return (
    <Badge tone={TONE[role]} className={className}>
      {ROLE_INFO[role].label}
    </Badge>
  );
}

import { RadioCards } from "@/components/ui/radio-cards";
import { ROLE_INFO, ROLE_ORDER } from "@/lib/validation/roles";
import type { Role } from "@/lib/validation/common";

const OPTIONS = ROLE_ORDER.map((role) => ({ value: role, ...ROLE_INFO[role] }));

/** Radio cards: each role with what it may do, so the inviter picks knowingly. */
export function RolePicker({
  name,
  value,
  onChange,
  legend = "Role",
}: {
  name: string;
  value: Role;
  onChange: (role: Role) => void;
  legend?: string;
}) {
  return <RadioCards name={name} legend={legend} options={OPTIONS} value={value} onChange={onChange} />;
}

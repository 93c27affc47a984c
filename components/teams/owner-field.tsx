"use client";

import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import type { Member } from "@/lib/validation/teams";

/** "Owner": one of the team's members, or no one (""). */
export function OwnerField({
  value,
  onChange,
  members,
  error,
}: {
  value: string;
  onChange: (ownerId: string) => void;
  members: Member[];
  error?: string;
}) {
  return (
    <Field label="Owner" error={error} optional>
      {(control) => (
        <Select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">No owner</option>
          {members.map((m) => (
            <option key={m.user.id} value={m.user.id}>
              {m.user.name}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}

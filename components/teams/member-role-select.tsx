"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { ROLE_INFO, ROLE_ORDER } from "@/lib/validation/roles";
import type { Role } from "@/lib/validation/common";

/**
 * An owner's control for a member's role. Saves on change; giving up your own ownership asks first,
 * because only another owner could give it back.
 */
export function MemberRoleSelect({
  memberName,
  role,
  isSelf,
  saving,
  onChange,
}: {
  memberName: string;
  role: Role;
  isSelf: boolean;
  saving: boolean;
  onChange: (role: Role) => void;
}) {
  const [confirming, setConfirming] = useState<Role | null>(null);
  const id = useId();

  function choose(next: Role) {
    if (next === role) return;
    if (isSelf && role === "owner") setConfirming(next);
    else onChange(next);
  }

  return (
    <div className="flex items-center gap-2">
      <label className="sr-only" htmlFor={id}>
        Role of {memberName}
      </label>
      <Select
        id={id}
        size="sm"
        value={role}
        disabled={saving}
        onChange={(e) => choose(e.target.value as Role)}
        className="w-[7.75rem]"
      >
        {ROLE_ORDER.map((r) => (
          <option key={r} value={r}>
            {ROLE_INFO[r].label}
          </option>
        ))}
      </Select>
      {saving && (
        <span className="text-muted">
          <Spinner className="size-3.5" />
          <span className="sr-only">Saving</span>
        </span>
      )}
      <Dialog
        open={confirming !== null}
        onClose={() => setConfirming(null)}
        title="Give up your owner role?"
        description={
          confirming
            ? `You will become ${ROLE_INFO[confirming].label.toLowerCase()} and can no longer manage members, invitations or team settings. Only another owner can make you an owner again.`
            : undefined
        }
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirming(null)}>
              Keep owner role
            </Button>
            <Button
              variant="danger"
              onClick={() => {
                if (confirming) onChange(confirming);
                setConfirming(null);
              }}
            >
              Change my role
            </Button>
          </>
        }
      />
    </div>
  );
}

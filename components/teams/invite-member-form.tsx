"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CopyField } from "@/components/ui/copy-field";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { LocalDate } from "@/components/ui/local-date";
import { blankFields, useValidatedForm } from "@/lib/client/forms";
import { useCreateInvitation, useInvitations } from "@/lib/client/invitations";
import { ROLE_INFO } from "@/lib/validation/roles";
import type { Role } from "@/lib/validation/common";
import { RolePicker } from "./role-picker";

const checkInvitation = (values: { email: string }) => blankFields(values, { email: "Email" });

/** Owners invite by email and role; the accept link is shown once, to copy and send. */
export function InviteMemberForm({ teamId, teamName }: { teamId: string; teamName: string }) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("editor");
  const invite = useCreateInvitation(teamId);
  const form = useValidatedForm(checkInvitation, invite, ["email", "role"], { 409: "email" });
  const { data: pending = [] } = useInvitations(teamId);
  // Once the new invitation is withdrawn its link is useless: stop showing it.
  const created =
    invite.isSuccess && pending.some((i) => i.id === invite.data.invitation.id) ? invite.data : null;

  function startOver() {
    setEmail("");
    setRole("editor");
    form.reset();
  }

  return (
    <Card aria-labelledby="invite-title">
      <CardHeader
        titleId="invite-title"
        title="Invite someone"
        description={`Cairn makes a link for you to send them. It joins ${teamName} with the role you pick.`}
      />
      <CardBody>
        {created ? (
          <div className="flex flex-col gap-4">
            <Alert tone="success" title="Invitation link ready">
              {created.invitation.email} can join as {ROLE_INFO[created.invitation.role].label.toLowerCase()}.
              Copy the link now: for your team’s safety it is shown only this once.
            </Alert>
            <CopyField value={created.acceptUrl} label="Invitation link" />
            <p className="text-[13px] leading-5 text-muted">
              It works once, only for {created.invitation.email}, and expires in 7 days (
              <LocalDate value={created.invitation.expiresAt} style="dateTime" />
              ). Lost it? Withdraw the invitation and create a new one.
            </p>
            <div>
              <Button variant="secondary" onClick={startOver}>
                Invite someone else
              </Button>
            </div>
          </div>
        ) : (
          <form noValidate onSubmit={(e) => form.submit(e, { email, role })} className="flex flex-col gap-5">
            {form.formError && <Alert tone="error">{form.formError}</Alert>}
            <Field label="Email address" error={form.fieldErrors.email}>
              {(control) => (
                <Input
                  {...control}
                  type="email"
                  name="email"
                  autoComplete="off"
                  inputMode="email"
                  placeholder="name@company.com"
                  value={email}
                  onChange={(e) => {
                    setEmail(e.target.value);
                    form.clearField("email");
                  }}
                />
              )}
            </Field>
            <RolePicker name="invite-role" value={role} onChange={setRole} />
            <div>
              <Button type="submit" variant="primary" loading={form.pending}>
                {form.pending ? "Creating link…" : "Create invitation link"}
              </Button>
            </div>
          </form>
        )}
      </CardBody>
    </Card>
  );
}

"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useChangePassword } from "@/lib/client/account";
import { useValidatedForm, type FieldErrors } from "@/lib/client/forms";

const EMPTY = { currentPassword: "", newPassword: "", confirmPassword: "" };
type Values = typeof EMPTY;

/** The confirmation is the form's own rule; the server checks the passwords themselves. */
function checkPasswords(values: Values): FieldErrors {
  if (!values.confirmPassword) return { confirmPassword: "Type the new password again." };
  if (values.confirmPassword !== values.newPassword)
    return { confirmPassword: "The two new passwords differ. Type the same one twice." };
  return {};
}

const FIELDS: { name: keyof Values; label: string; autoComplete: string; hint?: string }[] = [
  { name: "currentPassword", label: "Current password", autoComplete: "current-password" },
  {
    name: "newPassword",
    label: "New password",
    autoComplete: "new-password",
    hint: "At least 10 characters. A few unrelated words make a strong one.",
  },
  { name: "confirmPassword", label: "New password again", autoComplete: "new-password" },
];

export function ChangePasswordCard() {
  const [values, setValues] = useState(EMPTY);
  const change = useChangePassword();
  // A wrong current password (403) belongs next to that field; other refusals go above the form.
  const form = useValidatedForm(checkPasswords, change, Object.keys(EMPTY), {
    403: "currentPassword",
  });

  return (
    <Card aria-labelledby="change-password-title">
      <CardHeader
        titleId="change-password-title"
        title="Change password"
        description="Every other browser and device signed in to your account is signed out. This one stays signed in. API tokens keep working; revoke them on the API tokens page."
      />
      <CardBody>
        <form
          noValidate
          onSubmit={(e) => form.submit(e, values, { onSuccess: () => setValues(EMPTY) })}
          className="flex max-w-md flex-col gap-4"
        >
          {form.formError && <Alert tone="error">{form.formError}</Alert>}
          {change.isSuccess && (
            <Alert tone="success" title="Password changed">
              Every other session of your account has been signed out.
            </Alert>
          )}
          {FIELDS.map(({ name, label, autoComplete, hint }) => (
            <Field key={name} label={label} hint={hint} error={form.fieldErrors[name]}>
              {(control) => (
                <Input
                  {...control}
                  type="password"
                  name={name}
                  autoComplete={autoComplete}
                  maxLength={200}
                  value={values[name]}
                  onChange={(e) => {
                    setValues({ ...values, [name]: e.target.value });
                    form.clearField(name);
                    if (change.isSuccess) change.reset();
                  }}
                />
              )}
            </Field>
          ))}
          <div>
            <Button type="submit" variant="primary" loading={form.pending}>
              {form.pending ? "Changing…" : "Change password"}
            </Button>
          </div>
        </form>
      </CardBody>
    </Card>
  );
}

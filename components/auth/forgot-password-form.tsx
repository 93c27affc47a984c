"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useRequestPasswordReset } from "@/lib/client/delivery";
import { useValidatedForm } from "@/lib/client/forms";

export function ForgotPasswordForm() {
  const [email, setEmail] = useState("");
  const request = useRequestPasswordReset();
  const form = useValidatedForm(null, request, ["email"]);

  if (request.isSuccess) {
    return (
      <Alert tone="success" title="Check your email">
        If an account uses {email}, a link to choose a new password is on its way. It works once, for one
        hour. Nothing arrived? Look in your spam folder, or ask again in a few minutes.
      </Alert>
    );
  }
  return (
    <form noValidate onSubmit={(e) => form.submit(e, { email })} className="flex flex-col gap-4">
      {form.formError && <Alert tone="error">{form.formError}</Alert>}
      <Field label="Email" error={form.fieldErrors.email}>
        {(control) => (
          <Input
            {...control}
            type="email"
            name="email"
            autoComplete="email"
            maxLength={254}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        )}
      </Field>
      <Button type="submit" variant="primary" loading={form.pending}>
        {form.pending ? "Sending…" : "Send me a reset link"}
      </Button>
    </form>
  );
}

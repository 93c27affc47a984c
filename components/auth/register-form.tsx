"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useRegister } from "@/lib/client/account";
import { useValidatedForm } from "@/lib/client/forms";

export function RegisterForm({ callbackPath }: { callbackPath: string }) {
  const [values, setValues] = useState({ name: "", email: "", password: "" });
  const register = useRegister(callbackPath);
  const form = useValidatedForm(null, register, ["name", "email", "password"], { 409: "email" });
  const busy = form.pending || register.isSuccess;

  function update(name: keyof typeof values, value: string) {
    setValues((v) => ({ ...v, [name]: value }));
    form.clearField(name);
  }

  return (
    <form noValidate onSubmit={(e) => form.submit(e, values)} className="flex flex-col gap-4">
      {form.formError && <Alert tone="error">{form.formError}</Alert>}
      <Field label="Full name" error={form.fieldErrors.name}>
        {(control) => (
          <Input
            {...control}
            name="name"
            autoComplete="name"
            autoFocus
            value={values.name}
            onChange={(e) => update("name", e.target.value)}
          />
        )}
      </Field>
      <Field label="Work email" error={form.fieldErrors.email}>
        {(control) => (
          <Input
            {...control}
            type="email"
            name="email"
            autoComplete="email"
            inputMode="email"
            value={values.email}
            onChange={(e) => update("email", e.target.value)}
          />
        )}
      </Field>
      <Field
        label="Password"
        hint="At least 10 characters. A short sentence is easy to remember."
        error={form.fieldErrors.password}
      >
        {(control) => (
          <Input
            {...control}
            type="password"
            name="password"
            autoComplete="new-password"
            value={values.password}
            onChange={(e) => update("password", e.target.value)}
          />
        )}
      </Field>
      <Button type="submit" variant="primary" loading={busy} className="mt-1 w-full">
        {busy ? "Creating your account…" : "Create account"}
      </Button>
    </form>
  );
}

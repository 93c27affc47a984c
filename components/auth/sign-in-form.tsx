"use client";

import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useSignIn } from "@/lib/client/account";
import { useValidatedForm, type FieldErrors } from "@/lib/client/forms";
import { DemoLoginBox, type DemoLogin } from "./demo-login-box";

/** Sign-in answers no field errors (it never says which part was wrong), so the blanks are caught here. */
function checkSignIn(values: { email: string; password: string }): FieldErrors {
  return {
    email: values.email.includes("@") ? undefined : "Enter a valid email address.",
    password: values.password ? undefined : "Enter your password.",
  };
}

export function SignInForm({
  callbackPath,
  demoLogin,
}: {
  callbackPath: string;
  demoLogin: DemoLogin | null;
}) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const submitRef = useRef<HTMLButtonElement>(null);
  const signIn = useSignIn(callbackPath);
  const form = useValidatedForm(checkSignIn, signIn, ["email", "password"]);
  // After success the page is being replaced: keep showing progress until it is.
  const busy = form.pending || signIn.isSuccess;

  function fillDemo(login: DemoLogin) {
    setEmail(login.email);
    setPassword(login.password);
    form.reset();
    submitRef.current?.focus();
  }

  return (
    <div className="flex flex-col gap-5">
      {demoLogin && <DemoLoginBox login={demoLogin} onUse={() => fillDemo(demoLogin)} />}
      <form noValidate onSubmit={(e) => form.submit(e, { email, password })} className="flex flex-col gap-4">
        {form.formError && <Alert tone="error">{form.formError}</Alert>}
        <Field label="Email" error={form.fieldErrors.email}>
          {(control) => (
            <Input
              {...control}
              type="email"
              name="email"
              autoComplete="email"
              inputMode="email"
              autoFocus
              value={email}
              onChange={(e) => {
                setEmail(e.target.value);
                form.clearField("email");
              }}
            />
          )}
        </Field>
        <Field label="Password" error={form.fieldErrors.password}>
          {(control) => (
            <Input
              {...control}
              type="password"
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => {
                setPassword(e.target.value);
                form.clearField("password");
              }}
            />
          )}
        </Field>
        <Button ref={submitRef} type="submit" variant="primary" loading={busy} className="mt-1 w-full">
          {busy ? "Signing in…" : "Sign in"}
        </Button>
      </form>
    </div>
  );
}

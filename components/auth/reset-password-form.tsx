"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { TextLink } from "@/components/ui/text-link";
import { useSignIn } from "@/lib/client/account";
import { useConfirmPasswordReset } from "@/lib/client/delivery";
import { useValidatedForm } from "@/lib/client/forms";

/**
 * Sets the new password with the link's token; then, given the account's email (the form asks for
 * it so that the browser's password manager files the new password under it), signs in.
 */
export function ResetPasswordForm({ token }: { token: string }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [again, setAgain] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const confirm = useConfirmPasswordReset();
  const signIn = useSignIn("/teams");
  const form = useValidatedForm(null, confirm, ["password"]);
  const gone = confirm.error?.status === 410;

  if (confirm.isSuccess) {
    return (
      <Alert tone="success" title="Password changed">
        {signIn.isPending || signIn.isSuccess ? (
          "Signing you in…"
        ) : (
          <>
            Every other session of your account has ended. <TextLink href="/signin">Sign in</TextLink> with
            your new password.
          </>
        )}
      </Alert>
    );
  }
  return (
    <form
      noValidate
      onSubmit={(e) => {
        if (password !== again) {
          e.preventDefault();
          setMismatch(true);
          return;
        }
        form.submit(
          e,
          { token, password },
          {
            onSuccess: () => {
              if (email.trim()) signIn.mutate({ email, password });
            },
          },
        );
      }}
      className="flex flex-col gap-4"
    >
      {form.formError && (
        <Alert tone="error" title={gone ? "This link no longer works" : undefined}>
          {form.formError} {gone && <TextLink href="/forgot-password">Ask for a new link</TextLink>}
        </Alert>
      )}
      <Field label="Email" optional hint="Yours, to be signed in straight away.">
        {(control) => (
          <Input
            {...control}
            type="email"
            name="email"
            autoComplete="username"
            maxLength={254}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        )}
      </Field>
      <Field
        label="New password"
        hint="At least 10 characters. A few unrelated words make a strong one."
        error={form.fieldErrors.password}
      >
        {(control) => (
          <Input
            {...control}
            type="password"
            name="password"
            autoComplete="new-password"
            maxLength={200}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        )}
      </Field>
      <Field label="New password again" error={mismatch ? "The two passwords differ." : null}>
        {(control) => (
          <Input
            {...control}
            type="password"
            name="passwordAgain"
            autoComplete="new-password"
            maxLength={200}
            value={again}
            onChange={(e) => {
              setAgain(e.target.value);
              setMismatch(false);
            }}
          />
        )}
      </Field>
      <Button type="submit" variant="primary" loading={form.pending}>
        {form.pending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}

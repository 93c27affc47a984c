"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { PlusIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { RadioCards } from "@/components/ui/radio-cards";
import { blankFields, useValidatedForm } from "@/lib/client/forms";
import { scopesFor, TOKEN_ACCESS_OPTIONS, type TokenAccess } from "@/lib/client/token-access";
import { useCreateToken } from "@/lib/client/tokens";
import { TokenSecretReveal } from "./token-secret-reveal";

const checkToken = (values: { name: string }) => blankFields(values, { name: "Token name" });

export function CreateTokenCard() {
  const [name, setName] = useState("");
  const [days, setDays] = useState("90");
  const [access, setAccess] = useState<TokenAccess>("read-write");
  const create = useCreateToken();
  const form = useValidatedForm(checkToken, create, ["name", "expiresInDays", "scopes"]);

  function startOver() {
    setName("");
    setDays("90");
    setAccess("read-write");
    form.reset();
  }

  return (
    <Card aria-labelledby="create-token-title">
      <CardHeader
        titleId="create-token-title"
        title="Create a token"
        description="Name it after the script or integration that will use it, so you know what breaks if you revoke it. A short life and read-only access limit the damage if a token leaks."
      />
      <CardBody>
        {create.isSuccess ? (
          <TokenSecretReveal token={create.data.token} secret={create.data.secret} onDone={startOver} />
        ) : (
          <form
            noValidate
            onSubmit={(e) =>
              form.submit(e, {
                name,
                expiresInDays: days.trim() === "" ? undefined : Number(days),
                scopes: scopesFor(access),
              })
            }
            className="flex flex-col gap-4"
          >
            {form.formError && <Alert tone="error">{form.formError}</Alert>}
            <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_13rem]">
              <Field label="Name" error={form.fieldErrors.name}>
                {(control) => (
                  <Input
                    {...control}
                    name="name"
                    autoComplete="off"
                    maxLength={100}
                    placeholder="e.g. Weekly export to Sheets"
                    value={name}
                    onChange={(e) => {
                      setName(e.target.value);
                      form.clearField("name");
                    }}
                  />
                )}
              </Field>
              <Field
                label="Expires after"
                optional
                hint="Leave empty for no expiry."
                error={form.fieldErrors.expiresInDays}
              >
                {(control) => (
                  <div className="relative">
                    <Input
                      {...control}
                      name="expiresInDays"
                      type="number"
                      inputMode="numeric"
                      min={1}
                      max={3650}
                      step={1}
                      value={days}
                      onChange={(e) => {
                        setDays(e.target.value);
                        form.clearField("expiresInDays");
                      }}
                      className="pr-12"
                    />
                    <span className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-sm text-muted">
                      days
                    </span>
                  </div>
                )}
              </Field>
            </div>
            <RadioCards
              name="access"
              legend="Access"
              options={TOKEN_ACCESS_OPTIONS}
              value={access}
              onChange={setAccess}
            />
            <div>
              <Button
                type="submit"
                variant="primary"
                loading={form.pending}
                icon={<PlusIcon className="size-4" />}
              >
                {form.pending ? "Creating…" : "Create token"}
              </Button>
            </div>
          </form>
        )}
      </CardBody>
    </Card>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { blankFields, useValidatedForm } from "@/lib/client/forms";
import { useCreateTeam } from "@/lib/client/teams";

const checkTeam = (values: { name: string }) => blankFields(values, { name: "Team name" });

/** Creates a team (the user becomes its owner) and opens it. */
export function CreateTeamForm({ autoFocus = false }: { autoFocus?: boolean }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const inputRef = useRef<HTMLInputElement>(null);
  const createTeam = useCreateTeam();
  const form = useValidatedForm(checkTeam, createTeam, ["name"]);
  const busy = form.pending || createTeam.isSuccess;

  // "Create a team" in the team menu links here with #create-team: put the cursor in the field.
  useEffect(() => {
    if (window.location.hash === "#create-team") inputRef.current?.focus();
  }, []);

  return (
    <form
      noValidate
      onSubmit={(e) =>
        form.submit(e, { name }, { onSuccess: ({ team }) => router.push(`/teams/${team.slug}`) })
      }
      className="flex flex-col gap-3"
    >
      {form.formError && <Alert tone="error">{form.formError}</Alert>}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <Field
          label="Team name"
          hint="Usually a product or a group, e.g. “Payments” or “Mobile apps”. You can rename it later."
          error={form.fieldErrors.name}
          className="flex-1"
        >
          {(control) => (
            <Input
              {...control}
              ref={inputRef}
              name="name"
              autoComplete="off"
              autoFocus={autoFocus}
              maxLength={80}
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                form.clearField("name");
              }}
            />
          )}
        </Field>
        <Button type="submit" variant="primary" loading={busy} className="sm:mt-[26px]">
          {busy ? "Creating…" : "Create team"}
        </Button>
      </div>
    </form>
  );
}

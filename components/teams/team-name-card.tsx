"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardFooter, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { blankFields, type FieldErrors } from "@/lib/client/forms";
import { useRenameTeam } from "@/lib/client/teams";
import type { Team } from "@/lib/validation/teams";

/**
 * The team's name. Owners rename it with If-Match on the version they read; if someone else
 * renamed it meanwhile (412), they see the current name and decide.
 */
export function TeamNameCard({ team, canManage }: { team: Team; canManage: boolean }) {
  const router = useRouter();
  const [name, setName] = useState(team.name);
  const [errors, setErrors] = useState<FieldErrors>({});
  const rename = useRenameTeam(team.id);
  const conflict = rename.error?.status === 412 ? (rename.error.current as Team | undefined) : undefined;
  const otherError = rename.error && !conflict ? rename.error : null;
  const serverFieldError = otherError?.issues.find((i) => i.path === "name")?.message;
  const dirty = name.trim() !== team.name;

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!dirty || rename.isPending) return;
    // Blank is caught here; the server checks the rest and its 400 shows under the field.
    const problems = blankFields({ name }, { name: "Team name" });
    if (problems.name) {
      setErrors(problems);
      return;
    }
    setErrors({});
    rename.mutate({ name: name.trim(), version: team.version }, { onSuccess: () => router.refresh() });
  }

  return (
    <Card aria-labelledby="team-name-title">
      <CardHeader
        titleId="team-name-title"
        title="Team name"
        description={
          canManage
            ? "Shown to every member, in the team menu and on shared roadmaps."
            : "Only owners can rename the team."
        }
      />
      {canManage ? (
        <form noValidate onSubmit={save}>
          <CardBody className="flex flex-col gap-4">
            {conflict && (
              <Alert
                tone="warning"
                title="Someone else changed the name"
                actions={
                  <Button
                    size="sm"
                    variant="secondary"
                    onClick={() => {
                      setName(conflict.name);
                      rename.reset();
                    }}
                  >
                    Use “{conflict.name}”
                  </Button>
                }
              >
                While you were editing, the team was renamed to “{conflict.name}”. Your change was not saved:
                keep the current name, or save yours again to replace it.
              </Alert>
            )}
            {otherError && !serverFieldError && <Alert tone="error">{otherError.message}</Alert>}
            {rename.isSuccess && !dirty && (
              <Alert tone="success">Saved. Everyone now sees “{team.name}”.</Alert>
            )}
            <Field label="Name" error={errors.name ?? serverFieldError} className="max-w-md">
              {(control) => (
                <Input
                  {...control}
                  name="name"
                  autoComplete="off"
                  maxLength={80}
                  value={name}
                  onChange={(e) => {
                    setName(e.target.value);
                    setErrors({});
                  }}
                />
              )}
            </Field>
          </CardBody>
          <CardFooter>
            <Button type="submit" variant="primary" loading={rename.isPending}>
              {rename.isPending ? "Saving…" : "Save name"}
            </Button>
          </CardFooter>
        </form>
      ) : (
        <CardBody>
          <p className="text-sm font-medium text-ink">{team.name}</p>
        </CardBody>
      )}
    </Card>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Field } from "@/components/ui/field";
import { TrashIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { useDeleteTeam } from "@/lib/client/teams";
import type { Team } from "@/lib/validation/teams";

/** Owners only: deletes the team and everything in it, confirmed by typing its name. */
export function DeleteTeamCard({ team }: { team: Team }) {
  const router = useRouter();
  const [typed, setTyped] = useState("");
  const remove = useDeleteTeam(team.id);

  return (
    <Card aria-labelledby="danger-title" className="border-danger-200">
      <CardHeader
        titleId="danger-title"
        title="Delete this team"
        description="Deletes the team with all of its roadmaps, comments, reviews and share links, and removes every member. This cannot be undone."
      />
      <CardBody>
        <ConfirmButton
          variant="danger-outline"
          icon={<TrashIcon className="size-4" />}
          title={`Delete ${team.name}?`}
          description="Everything in the team is deleted for every member, at once and for good."
          confirmLabel="Delete team for good"
          canConfirm={typed === team.name}
          onClose={() => setTyped("")}
          body={
            <Field
              label={
                <>
                  Type <span className="font-semibold">{team.name}</span> to confirm
                </>
              }
            >
              {(control) => (
                <Input
                  {...control}
                  autoComplete="off"
                  spellCheck={false}
                  value={typed}
                  onChange={(e) => setTyped(e.target.value)}
                />
              )}
            </Field>
          }
          onConfirm={() =>
            remove.mutateAsync({ version: team.version }).then(() => {
              router.push("/teams");
              router.refresh();
            })
          }
        >
          Delete team
        </ConfirmButton>
      </CardBody>
    </Card>
  );
}

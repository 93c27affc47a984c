"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { PlusIcon } from "@/components/ui/icons";
import { Select } from "@/components/ui/select";
import { splitServerError } from "@/lib/client/forms";
import { useCreateShareLink } from "@/lib/client/sharing";
import { AUDIENCES, type Audience } from "@/lib/validation/communication-kinds";
import { AUDIENCE_LABELS, AUDIENCE_SHOWS } from "./audiences";
import { expiresAtFor, type ExpiryChoice } from "./expiry";
import { ExpiryPicker } from "./expiry-picker";

/** Audience and expiry of a new share link; `onCreated` receives the one-time URL. */
export function CreateShareLinkForm({
  roadmapId,
  onCreated,
}: {
  roadmapId: string;
  onCreated: (created: { url: string; audience: Audience; expiresAt: string }) => void;
}) {
  const [audience, setAudience] = useState<Audience>("executive");
  const [expiry, setExpiry] = useState<ExpiryChoice>({ kind: "days", days: 30 });
  const [dateError, setDateError] = useState<string | null>(null);
  const create = useCreateShareLink(roadmapId);
  const server = splitServerError(create.error, ["audience", "expiresAt"]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (create.isPending) return;
    const expiresAt = expiresAtFor(expiry, new Date());
    if (!expiresAt) {
      setDateError("Choose the day the link stops working.");
      return;
    }
    setDateError(null);
    create.mutate(
      { audience, expiresAt },
      {
        onSuccess: ({ url, shareLink }) => {
          create.reset();
          onCreated({ url, audience: shareLink.audience, expiresAt: shareLink.expiresAt });
        },
      },
    );
  }

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-4">
      {server.formError && <Alert tone="error">{server.formError}</Alert>}
      <div className="grid gap-4 md:grid-cols-[16rem_minmax(0,1fr)]">
        <Field label="Audience" hint={AUDIENCE_SHOWS[audience]} error={server.fieldErrors.audience}>
          {(control) => (
            <Select {...control} value={audience} onChange={(e) => setAudience(e.target.value as Audience)}>
              {AUDIENCES.map((a) => (
                <option key={a} value={a}>
                  {AUDIENCE_LABELS[a]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <ExpiryPicker
          choice={expiry}
          onChange={(choice) => {
            setExpiry(choice);
            setDateError(null);
          }}
          error={dateError ?? server.fieldErrors.expiresAt}
        />
      </div>
      <div>
        <Button
          type="submit"
          variant="primary"
          loading={create.isPending}
          icon={<PlusIcon className="size-4" />}
        >
          {create.isPending ? "Creating link…" : "Create share link"}
        </Button>
      </div>
    </form>
  );
}

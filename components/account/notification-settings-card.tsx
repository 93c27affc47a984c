"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useUpdateNotificationSettings } from "@/lib/client/delivery";
import { useValidatedForm } from "@/lib/client/forms";
import type { NotificationSettings } from "@/lib/validation/delivery";

const TOGGLES: {
  name: Exclude<keyof NotificationSettings["email"], "digest">;
  label: string;
  hint: string;
}[] = [
  { name: "mention", label: "Mentions", hint: "Someone @mentions you in a comment." },
  { name: "reply", label: "Replies", hint: "Someone answers a comment of yours." },
  {
    name: "ownedItemChanged",
    label: "Changes to items you own",
    hint: "At most one email per item an hour.",
  },
  {
    name: "reviewReminder",
    label: "Review reminders",
    hint: "Before a roadmap review is due, and when it is overdue.",
  },
  {
    name: "feedbackRound",
    label: "Feedback rounds",
    hint: "A round opens for you, or closes tomorrow unanswered.",
  },
];

/** Each kind of email on or off, the digest and when it goes out; saved by the server, which validates. */
export function NotificationSettingsCard({ initial }: { initial: NotificationSettings }) {
  // The page reads the settings; this form is their only writer, so its state is the truth here.
  const [values, setValues] = useState(initial);
  const update = useUpdateNotificationSettings();
  const form = useValidatedForm(null, update, ["timeZone", "digestHour", "email.digest"]);

  return (
    <Card aria-labelledby="email-settings-title">
      <CardHeader
        titleId="email-settings-title"
        title="Email"
        description="Invitations and password resets always arrive. Every other email has a link to turn its kind off."
      />
      <CardBody>
        <form noValidate onSubmit={(e) => form.submit(e, values)} className="flex max-w-lg flex-col gap-5">
          {form.formError && <Alert tone="error">{form.formError}</Alert>}
          {update.isSuccess && <Alert tone="success">Saved.</Alert>}
          <fieldset className="flex flex-col gap-3">
            <legend className="mb-2 text-[13px] font-medium text-ink">Email me about</legend>
            {TOGGLES.map(({ name, label, hint }) => (
              <label key={name} className="flex items-start gap-3 text-sm text-ink">
                <input
                  type="checkbox"
                  name={name}
                  className="mt-0.5 size-4 shrink-0 accent-accent-600"
                  checked={values.email[name]}
                  onChange={(e) => {
                    update.reset();
                    setValues({ ...values, email: { ...values.email, [name]: e.target.checked } });
                  }}
                  aria-describedby={`${name}-hint`}
                />
                <span>
                  {label}
                  <span id={`${name}-hint`} className="block text-[13px] text-muted">
                    {hint}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
          <div className="grid gap-4 sm:grid-cols-3">
            <Field
              label="Digest"
              hint="Weekly on Mondays; only with news"
              error={form.fieldErrors["email.digest"]}
            >
              {(control) => (
                <Select
                  {...control}
                  name="digest"
                  value={values.email.digest}
                  onChange={(e) =>
                    setValues({
                      ...values,
                      email: {
                        ...values.email,
                        digest: e.target.value as NotificationSettings["email"]["digest"],
                      },
                    })
                  }
                >
                  <option value="off">Off</option>
                  <option value="daily">Daily</option>
                  <option value="weekly">Weekly</option>
                </Select>
              )}
            </Field>
            <Field label="Hour" hint="0–23" error={form.fieldErrors.digestHour}>
              {(control) => (
                <Input
                  {...control}
                  type="number"
                  name="digestHour"
                  min={0}
                  max={23}
                  value={String(values.digestHour)}
                  onChange={(e) => setValues({ ...values, digestHour: Number(e.target.value) })}
                />
              )}
            </Field>
            <Field label="Time zone" hint="e.g. Europe/Berlin" error={form.fieldErrors.timeZone}>
              {(control) => (
                <Input
                  {...control}
                  name="timeZone"
                  maxLength={64}
                  value={values.timeZone}
                  onChange={(e) => setValues({ ...values, timeZone: e.target.value })}
                />
              )}
            </Field>
          </div>
          <div>
            <Button type="submit" variant="primary" loading={form.pending}>
              {form.pending ? "Saving…" : "Save"}
            </Button>
          </div>
        </form>
      </CardBody>
    </Card>
  );
}

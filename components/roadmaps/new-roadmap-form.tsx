"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ButtonLink } from "@/components/ui/button-link";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { LocalDate } from "@/components/ui/local-date";
import { ApiError } from "@/lib/client/api";
import { blankFields, useValidatedForm } from "@/lib/client/forms";
import { useCreateRoadmap } from "@/lib/client/roadmaps";
import { HORIZON } from "@/lib/validation/roadmap-kinds";
import { HorizonField } from "./horizon-field";

const FIELDS = ["title", "description", "startDate", "horizonMonths"] as const;
const checkRoadmap = (values: { title: string }) => blankFields(values, { title: "Title" });

/** Creates a roadmap for the team and opens its timeline. */
export function NewRoadmapForm({
  teamId,
  teamSlug,
  defaultStart,
}: {
  teamId: string;
  teamSlug: string;
  /** The first day of next quarter. */
  defaultStart: string;
}) {
  const router = useRouter();
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [startDate, setStartDate] = useState(defaultStart);
  const [horizon, setHorizon] = useState(String(HORIZON.default));
  const createRoadmap = useCreateRoadmap(teamId);
  const form = useValidatedForm(checkRoadmap, createRoadmap, FIELDS);
  const busy = form.pending || createRoadmap.isSuccess;

  // The horizon's range is a domain rule (422): put the server's sentence under the field it is about.
  const horizonRefused =
    createRoadmap.error instanceof ApiError && createRoadmap.error.code === "horizon_out_of_range"
      ? createRoadmap.error.message
      : null;
  const formError = horizonRefused ? null : form.formError;

  return (
    <form
      noValidate
      onSubmit={(e) =>
        form.submit(
          e,
          {
            title,
            description: description.trim() ? description : undefined,
            startDate,
            horizonMonths: horizon.trim() === "" ? undefined : Number(horizon),
          },
          { onSuccess: ({ roadmap }) => router.push(`/roadmaps/${roadmap.id}`) },
        )
      }
      className="flex flex-col gap-5"
    >
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field
        label="Title"
        error={form.fieldErrors.title}
        hint="What the plan is for, e.g. “Payments platform 2027”."
      >
        {(control) => (
          <Input
            {...control}
            autoFocus
            autoComplete="off"
            maxLength={200}
            value={title}
            onChange={(e) => {
              setTitle(e.target.value);
              form.clearField("title");
            }}
          />
        )}
      </Field>
      <Field
        label="Description"
        optional
        error={form.fieldErrors.description}
        hint="The goal in a sentence or two, for everyone who reads it."
      >
        {(control) => (
          <Textarea
            {...control}
            rows={3}
            maxLength={5000}
            value={description}
            onChange={(e) => {
              setDescription(e.target.value);
              form.clearField("description");
            }}
          />
        )}
      </Field>
      <Field
        label="Start date"
        error={form.fieldErrors.startDate}
        hint={
          <>
            The first day of the plan. Suggested: the start of next quarter,{" "}
            <LocalDate value={defaultStart} />.
          </>
        }
      >
        {(control) => (
          <div className="w-48 max-w-full">
            <Input
              {...control}
              type="date"
              value={startDate}
              onChange={(e) => {
                setStartDate(e.target.value);
                form.clearField("startDate");
              }}
            />
          </div>
        )}
      </Field>
      <HorizonField
        value={horizon}
        onChange={(v) => {
          setHorizon(v);
          form.clearField("horizonMonths");
          if (horizonRefused) createRoadmap.reset();
        }}
        error={form.fieldErrors.horizonMonths ?? horizonRefused}
      />
      <div className="flex flex-wrap items-center gap-2 border-t border-line pt-5">
        <Button type="submit" variant="primary" loading={busy}>
          {busy ? "Creating…" : "Create roadmap"}
        </Button>
        <ButtonLink href={`/teams/${teamSlug}`} variant="secondary">
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}

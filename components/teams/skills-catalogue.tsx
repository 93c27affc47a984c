"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { PlusIcon, TagIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { blankFields, useValidatedForm } from "@/lib/client/forms";
import { useCreateSkill, useSkills } from "@/lib/client/skills";

const checkSkill = (values: { name: string }) => blankFields(values, { name: "Skill name" });

/** The skills roadmap items ask for (hours per skill) and staffing plans count people in. */
export function SkillsCatalogue({ teamId, canAdd }: { teamId: string; canAdd: boolean }) {
  const { data: skills = [] } = useSkills(teamId);
  const [name, setName] = useState("");
  const create = useCreateSkill(teamId);
  const form = useValidatedForm(checkSkill, create, ["name"], { 409: "name" });

  return (
    <Card aria-labelledby="skills-title">
      <CardHeader
        titleId="skills-title"
        title="Skills catalogue"
        description="The skills your roadmaps estimate hours against and staff per quarter, such as Backend or Design."
      />
      <CardBody className="flex flex-col gap-5">
        {skills.length === 0 ? (
          <div className="flex items-start gap-3 rounded-lg border border-dashed border-line-strong px-4 py-4">
            <TagIcon className="mt-0.5 size-4 shrink-0 text-muted" />
            <p className="text-sm leading-6 text-muted">
              No skills yet.{" "}
              {canAdd
                ? "Add the skills your team plans with; items can then ask for hours of each."
                : "Editors and owners add the skills the team plans with."}
            </p>
          </div>
        ) : (
          <ul aria-label="Skills" className="flex flex-wrap gap-2">
            {skills.map((skill) => (
              <li
                key={skill.id}
                className="inline-flex h-8 items-center gap-1.5 rounded-full border border-line bg-canvas px-3 text-[13px] font-medium text-ink-soft"
              >
                <TagIcon className="size-3.5 text-muted" />
                {skill.name}
              </li>
            ))}
          </ul>
        )}
        {canAdd ? (
          <form
            noValidate
            onSubmit={(e) => form.submit(e, { name }, { onSuccess: () => setName("") })}
            className="flex flex-col gap-2"
          >
            {form.formError && <Alert tone="error">{form.formError}</Alert>}
            <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
              <Field label="New skill" error={form.fieldErrors.name} className="sm:w-72">
                {(control) => (
                  <Input
                    {...control}
                    name="skill"
                    autoComplete="off"
                    maxLength={60}
                    placeholder="e.g. Data engineering"
                    value={name}
                    onChange={(e) => {
                      setName(e.target.value);
                      form.clearField("name");
                    }}
                  />
                )}
              </Field>
              <Button
                type="submit"
                variant="secondary"
                loading={form.pending}
                icon={<PlusIcon className="size-4" />}
                className="sm:mt-[26px]"
              >
                Add skill
              </Button>
            </div>
            <p role="status" className="sr-only">
              {create.isSuccess ? `Added ${create.data.skill.name}.` : ""}
            </p>
          </form>
        ) : (
          <p className="text-[13px] text-muted">Editors and owners can add skills.</p>
        )}
      </CardBody>
    </Card>
  );
}

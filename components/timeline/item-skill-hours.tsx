"use client";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { PlusIcon, TrashIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { FieldErrors } from "@/lib/client/forms";
import { useSkills } from "@/lib/client/skills";
import type { ItemFormValues } from "./item-form-values";

type SkillRow = ItemFormValues["skills"][number];

/**
 * The skills a feature asks for, with hours each: the demand the capacity page rolls up per
 * quarter. Rows are added and removed here; each skill once.
 */
export function ItemSkillHours({
  teamId,
  rows,
  onChange,
  errors,
}: {
  teamId: string;
  rows: SkillRow[];
  onChange: (rows: SkillRow[]) => void;
  errors: FieldErrors;
}) {
  const skills = useSkills(teamId).data ?? [];
  const used = new Set(rows.map((r) => r.skillId));
  const free = skills.filter((s) => !used.has(s.id));
  const update = (index: number, patch: Partial<SkillRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  return (
    <fieldset className="flex flex-col gap-1.5">
      <legend className="text-[13px] font-medium text-ink">
        Skills <span className="font-normal text-muted">(hours each, optional)</span>
      </legend>
      <p className="text-[13px] leading-5 text-muted">
        What this feature asks of each skill; capacity counts these.
      </p>
      {rows.map((row, index) => {
        const name = skills.find((s) => s.id === row.skillId)?.name ?? "Skill";
        return (
          <div key={index} className="flex items-end gap-2">
            <Field
              label={`Skill ${index + 1}`}
              hideLabel
              className="min-w-0 flex-1"
              error={errors[`skills.${index}.skillId`]}
            >
              {(control) => (
                <Select
                  {...control}
                  value={row.skillId}
                  onChange={(e) => update(index, { skillId: e.target.value })}
                >
                  {skills
                    .filter((s) => s.id === row.skillId || !used.has(s.id))
                    .map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.name}
                      </option>
                    ))}
                </Select>
              )}
            </Field>
            <Field label={`${name} hours`} hideLabel className="w-24" error={errors[`skills.${index}.hours`]}>
              {(control) => (
                <Input
                  {...control}
                  inputMode="decimal"
                  autoComplete="off"
                  placeholder="Hours"
                  value={row.hours}
                  onChange={(e) => update(index, { hours: e.target.value })}
                />
              )}
            </Field>
            <Button
              variant="ghost"
              size="sm"
              aria-label={`Remove ${name}`}
              icon={<TrashIcon className="size-4" />}
              onClick={() => onChange(rows.filter((_, i) => i !== index))}
            />
          </div>
        );
      })}
      {free.length > 0 ? (
        <Button
          variant="secondary"
          size="sm"
          className="self-start"
          icon={<PlusIcon className="size-4" />}
          onClick={() => onChange([...rows, { skillId: free[0].id, hours: "" }])}
        >
          Add a skill
        </Button>
      ) : (
        skills.length === 0 && (
          <p className="text-[13px] text-muted">
            The team has no skills yet: owners add them in team settings.
          </p>
        )
      )}
    </fieldset>
  );
}

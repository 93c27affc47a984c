import type { ReactNode } from "react";
import { Field, type FieldProps } from "./field";
import { Select } from "./select";

/** A labelled select of a fixed list of choices (a kind, a status, an audience), each with its words. */
export function ChoiceField<T extends string>({
  value,
  choices,
  labelOf,
  onChange,
  ...field
}: Omit<FieldProps, "children"> & {
  value: T;
  choices: readonly T[];
  labelOf: (choice: T) => ReactNode;
  onChange: (choice: T) => void;
}) {
  return (
    <Field {...field}>
      {(control) => (
        <Select {...control} value={value} onChange={(e) => onChange(e.target.value as T)}>
          {choices.map((choice) => (
            <option key={choice} value={choice}>
              {labelOf(choice)}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}

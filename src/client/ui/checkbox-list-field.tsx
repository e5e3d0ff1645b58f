import type { ReactNode } from 'react';
import { useController, type FieldPathByValue, type FieldValues } from 'react-hook-form';

export interface CheckboxOption {
  value: string;
  label: ReactNode;
}

export interface CheckboxListFieldProps<Values extends FieldValues> {
  /** A list of ids in the form (inside <EntityForm>). */
  name: FieldPathByValue<Values, string[]>;
  legend: ReactNode;
  options: CheckboxOption[];
  /** Shown instead of the list when there is nothing to choose. */
  empty?: ReactNode;
  /** A class for the list, besides `plain-list`. */
  className?: string;
}

/**
 * Checkboxes that edit a list of ids, kept wherever the caller keeps it. An id
 * in the list that is not offered here stays in it.
 */
export function CheckboxList({
  options,
  chosen,
  onChange,
  className,
}: {
  options: CheckboxOption[];
  chosen: readonly string[];
  onChange(ids: string[]): void;
  /** A class for the list, besides `plain-list`. */
  className?: string | undefined;
}) {
  return (
    <ul className={className ? `plain-list ${className}` : 'plain-list'}>
      {options.map((option) => (
        <li key={option.value}>
          <label className="choice">
            <input
              type="checkbox"
              checked={chosen.includes(option.value)}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                onChange(on ? [...chosen, option.value] : chosen.filter((id) => id !== option.value));
              }}
            />{' '}
            {option.label}
          </label>
        </li>
      ))}
    </ul>
  );
}

/**
 * A group of checkboxes that edits a list of ids of the form in context (team
 * members, evidence sessions).
 */
export function CheckboxListField<Values extends FieldValues>({
  name,
  legend,
  options,
  empty,
  className,
}: CheckboxListFieldProps<Values>) {
  const { field } = useController<Values>({ name });
  return (
    <fieldset>
      <legend>{legend}</legend>
      {options.length === 0 && empty ? <p className="field-hint">{empty}</p> : null}
      <CheckboxList
        options={options}
        chosen={field.value as string[]}
        onChange={field.onChange}
        className={className}
      />
    </fieldset>
  );
}

import type { ReactNode } from 'react';
import { useController, type FieldPathByValue, type FieldValues } from 'react-hook-form';

export interface CheckboxListFieldProps<Values extends FieldValues> {
  /** A list of ids in the form (inside <EntityForm>). */
  name: FieldPathByValue<Values, string[]>;
  legend: ReactNode;
  options: { value: string; label: ReactNode }[];
  /** Shown instead of the list when there is nothing to choose. */
  empty?: ReactNode;
  /** A class for the list, besides `plain-list`. */
  className?: string;
}

/**
 * A group of checkboxes that edits a list of ids (team members, evidence
 * sessions). An id in the list that is not offered here stays in it.
 */
export function CheckboxListField<Values extends FieldValues>({
  name,
  legend,
  options,
  empty,
  className,
}: CheckboxListFieldProps<Values>) {
  const { field } = useController<Values>({ name });
  const chosen = field.value as string[];
  return (
    <fieldset>
      <legend>{legend}</legend>
      {options.length === 0 && empty ? <p className="field-hint">{empty}</p> : null}
      <ul className={className ? `plain-list ${className}` : 'plain-list'}>
        {options.map((option) => (
          <li key={option.value}>
            <label className="choice">
              <input
                type="checkbox"
                checked={chosen.includes(option.value)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  field.onChange(on ? [...chosen, option.value] : chosen.filter((id) => id !== option.value));
                }}
              />{' '}
              {option.label}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

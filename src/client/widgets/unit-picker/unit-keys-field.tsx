import { useController, type FieldPathByValue, type FieldValues } from 'react-hook-form';
import { errorText } from '../../i18n/zod-errors';
import { UnitPicker } from './unit-picker';

type Issue = { type?: unknown; message?: unknown } | undefined;

/**
 * The units of the form in context (inside <EntityForm>) with a `UnitPicker`:
 * its error (the list's, else the first key's) in the UI language.
 */
export function UnitKeysField<Values extends FieldValues>({
  name,
  id,
  required,
  errorKeys,
}: {
  name: FieldPathByValue<Values, string[]>;
  id: string;
  required?: boolean;
  /** Issue code → i18n key, for the messages the domain words itself (see `errorText`). */
  errorKeys?: Partial<Record<string, string>>;
}) {
  const { field, fieldState } = useController<Values>({ name });
  const error = fieldState.error as Issue | Issue[];
  return (
    <UnitPicker
      id={id}
      value={field.value as string[]}
      onChange={field.onChange}
      onBlur={field.onBlur}
      inputRef={field.ref}
      required={required}
      error={errorText(Array.isArray(error) ? error.find(Boolean) : error, errorKeys)}
    />
  );
}

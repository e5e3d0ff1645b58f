import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  get,
  useFieldArray,
  useFormContext,
  useFormState,
  type FieldArray,
  type FieldArrayPath,
  type FieldValues,
  type Path,
  type RegisterOptions,
  type UseFormRegisterReturn,
} from 'react-hook-form';
import { errorText } from '../i18n/zod-errors';
import { Field, type FieldProps } from './field';

export interface BoundFieldProps<Values extends FieldValues> {
  /** The value's name in the form (inside <EntityForm>); nested names such as `criteria.0.label` too. */
  name: Path<Values>;
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  required?: boolean | undefined;
  /** Issue code → i18n key, for the messages a domain schema words itself (see `errorText`). */
  errorKeys?: Partial<Record<string, string>>;
  /** How the typed text becomes the value (`valueAsNumber`, `setValueAs`). */
  rules?: RegisterOptions<Values, Path<Values>>;
  /** Words the error otherwise than `errorText` does (a password's reason). */
  describeError?: ((error: FieldIssue | undefined) => string | undefined) | undefined;
}

export type FieldIssue = { type?: unknown; message?: unknown };

type Control = Parameters<FieldProps['children']>[0] & UseFormRegisterReturn;

/** The error text of one value of the form in context, in the UI language. */
export function useFieldError<Values extends FieldValues>(
  name: Path<Values>,
  errorKeys?: Partial<Record<string, string>>,
  describeError?: BoundFieldProps<Values>['describeError'],
): string | undefined {
  const { errors } = useFormState<Values>({ name });
  const issue = get(errors, name) as FieldIssue | undefined;
  return describeError ? describeError(issue) : errorText(issue, errorKeys);
}

/**
 * One value of the form in context as a `Field`: its label, hint and error
 * (read by name), and a control that `children` draws with the attributes
 * that tie it to all three and to the form.
 */
export function FormField<Values extends FieldValues>({
  name,
  errorKeys,
  rules,
  describeError,
  children,
  ...field
}: BoundFieldProps<Values> & { children(control: Control): ReactNode }) {
  const { register } = useFormContext<Values>();
  const error = useFieldError<Values>(name, errorKeys, describeError);
  return (
    <Field {...field} error={error}>
      {(aria) => children({ ...aria, ...register(name, rules) })}
    </Field>
  );
}

type Own<E> = Omit<E, 'id' | 'name' | 'required' | 'children' | 'onChange' | 'onBlur'>;

/** A bound field's own props, and the rest for its control. */
function splitBound<Values extends FieldValues, Rest extends object>(props: BoundFieldProps<Values> & Rest) {
  const { name, id, label, hint, required, errorKeys, rules, describeError, ...rest } = props;
  return [{ name, id, label, hint, required, errorKeys, rules, describeError }, rest] as const;
}

/** A one-line input (text by default; `type` for date, number, email…). */
export function TextField<Values extends FieldValues>(
  props: BoundFieldProps<Values> & Own<InputHTMLAttributes<HTMLInputElement>>,
) {
  const [field, { type = 'text', ...input }] = splitBound(props);
  return (
    <FormField<Values> {...field}>{(control) => <input type={type} {...input} {...control} />}</FormField>
  );
}

/** A text of several lines. */
export function TextAreaField<Values extends FieldValues>(
  props: BoundFieldProps<Values> & Own<TextareaHTMLAttributes<HTMLTextAreaElement>>,
) {
  const [field, textarea] = splitBound(props);
  return <FormField<Values> {...field}>{(control) => <textarea {...textarea} {...control} />}</FormField>;
}

/** A choice from a list: its `<option>`s are the children. */
export function SelectField<Values extends FieldValues>(
  props: BoundFieldProps<Values> & Own<SelectHTMLAttributes<HTMLSelectElement>> & { children: ReactNode },
) {
  const [field, { children, ...select }] = splitBound(props);
  return (
    <FormField<Values> {...field}>
      {(control) => (
        <select {...select} {...control}>
          {children}
        </select>
      )}
    </FormField>
  );
}

/** A yes/no of the form in context: a checkbox with its words beside it. */
export function CheckboxField<Values extends FieldValues>({
  name,
  label,
}: {
  name: Path<Values>;
  label: ReactNode;
}) {
  const { register } = useFormContext<Values>();
  return (
    <label className="choice">
      <input type="checkbox" {...register(name)} /> {label}
    </label>
  );
}

/** What a list of `<option>`s says: each item's words, and the empty first choice that asks to choose. */
interface OptionsProps<Item> {
  label: (item: Item) => ReactNode;
  placeholder?: string;
}

/**
 * The `<option>`s of a list of records, each by its id with its words; first an empty one that
 * asks to choose, when `placeholder` is given.
 */
export function RecordOptions<R extends { id: string }>({
  records,
  label,
  placeholder,
}: OptionsProps<R> & { records: readonly R[] }) {
  return (
    <>
      {placeholder === undefined ? null : <option value="">{placeholder}</option>}
      {records.map((record) => (
        <option key={record.id} value={record.id}>
          {label(record)}
        </option>
      ))}
    </>
  );
}

/** The `<option>`s of a fixed list of values (a vocabulary), each with its words; first `placeholder`, if any. */
export function Options<T extends string>({
  values,
  label,
  ...options
}: OptionsProps<T> & { values: readonly T[] }) {
  return <RecordOptions records={values.map((id) => ({ id }))} label={({ id }) => label(id)} {...options} />;
}

/**
 * The field components typed for one form's values, so every `name` is
 * checked: `const { TextField, SelectField } = formFields<VisionFormValues>();`.
 */
export function formFields<Values extends FieldValues>() {
  return {
    FormField: FormField<Values>,
    TextField: TextField<Values>,
    TextAreaField: TextAreaField<Values>,
    SelectField: SelectField<Values>,
    CheckboxField: CheckboxField<Values>,
    PercentField: PercentField<Values>,
    NumberField: NumberField<Values>,
  };
}

/** A whole percentage typed with the number keyboard (0 to 100). */
export function PercentField<Values extends FieldValues>(props: BoundFieldProps<Values>) {
  return <TextField<Values> {...props} type="number" inputMode="numeric" min={0} max={100} />;
}

/** A number typed with the number keyboard and kept as a number (`valueAsNumber`). */
export function NumberField<Values extends FieldValues>(
  props: BoundFieldProps<Values> & Own<InputHTMLAttributes<HTMLInputElement>>,
) {
  return <TextField<Values> inputMode="numeric" rules={{ valueAsNumber: true }} {...props} type="number" />;
}

/** Where a form's fields take their ids and words from. */
export interface FieldNaming {
  /** The ids' prefix: `template` gives the ids `template-name` and `template-applies-to` (for `appliesTo`). */
  id: string;
  /** The words' i18n prefix: `vision.fields` gives the label `vision.fields.text` and the hint `vision.fields.textHint`. */
  keys: string;
}

/** The props a field takes from its key by convention (see `useFieldNaming`). */
export interface NamedFieldProps<Values extends FieldValues> {
  name: Path<Values>;
  id: string;
  label: string;
  hint?: string;
}

function namedField<Values extends FieldValues>(
  t: TFunction,
  { id, keys }: FieldNaming,
  key: string,
  name: string,
  hint: boolean,
): NamedFieldProps<Values> {
  const kebab = key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  return {
    name: name as Path<Values>,
    id: `${id}-${kebab}`,
    label: t(`${keys}.${key}`),
    ...(hint ? { hint: t(`${keys}.${key}Hint`) } : {}),
  };
}

/**
 * A form's fields declared once by name: `field('text', { hint: true })` is the name `text`, the
 * id `<id>-text` (in kebab-case), the label `<keys>.text` and the hint `<keys>.textHint`. A field
 * whose id or words are named otherwise gives its own `id` or `label` after the spread.
 */
export function useFieldNaming<Values extends FieldValues>(naming: FieldNaming) {
  const { t } = useTranslation();
  return (key: Path<Values>, { hint = false }: { hint?: boolean } = {}) =>
    namedField<Values>(t, naming, key, key, hint);
}

/**
 * The rows of a list in the form (`useFieldArray`), and the naming of each row's fields by the same
 * convention: `rowField(index)('what')` is the name `<list>.<index>.what`, the id
 * `<id>-<index>-what` and the label `<keys>.what`.
 */
export function useFieldRows<Values extends FieldValues, List extends FieldArrayPath<Values>>(
  list: List,
  { id, keys }: FieldNaming,
) {
  const { t } = useTranslation();
  const rows = useFieldArray<Values, List>({ name: list });
  const rowField =
    (index: number) =>
    (key: Path<FieldArray<Values, List>>, { hint = false }: { hint?: boolean } = {}) =>
      namedField<Values>(t, { id: `${id}-${index}`, keys }, key, `${list}.${index}.${key}`, hint);
  return { ...rows, rowField };
}

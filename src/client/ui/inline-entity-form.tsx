import type { DefaultValues, FieldValues } from 'react-hook-form';
import { EntityForm, type EntityFormProps } from './entity-form';
import { useEntityForm, type EntityFormOptions, type SaveOutcome } from './use-entity-form';

export type InlineEntityFormProps<Values extends FieldValues, Output> = EntityFormOptions<Values, Output> &
  Omit<EntityFormProps<Values, Output>, 'shell' | 'bar' | 'aria-labelledby'> & {
    /** The id of the heading that names the form. */
    labelledBy?: string | undefined;
  };

/**
 * A short form inside a card (add or edit a record in place, mark something
 * done): `useEntityForm` and `EntityForm` with the inline save bar, its
 * fields bound by name as children.
 */
export function InlineEntityForm<Values extends FieldValues, Output = Values>({
  schema,
  defaultValues,
  onSave,
  failed,
  onDirtyChange,
  labelledBy,
  ...form
}: InlineEntityFormProps<Values, Output>) {
  const shell = useEntityForm<Values, Output>({ schema, defaultValues, onSave, failed, onDirtyChange });
  return <EntityForm shell={shell} bar="inline" aria-labelledby={labelledBy} {...form} />;
}

/** What the page gives a record's inline form (add one, or edit one in place). */
export interface InlineRecordFormProps<Values extends FieldValues, Output = Values> {
  defaultValues: DefaultValues<Values>;
  submitLabel: string;
  labelledBy: string;
  onSave(values: Output): Promise<SaveOutcome | void>;
  onCancel?: (() => void) | undefined;
}

import type { DefaultValues, FieldValues } from 'react-hook-form';
import type { DeleteRecordProps } from './delete-record';
import { EntityForm, type EntityFormProps } from './entity-form';
import { useEntityForm, type EntityFormOptions, type SaveOutcome } from './use-entity-form';

export type RecordFormProps<Values extends FieldValues, Output> = EntityFormOptions<Values, Output> &
  Omit<EntityFormProps<Values, Output>, 'shell' | 'aria-labelledby'> & {
    /** The id of the heading that names the form. */
    labelledBy?: string | undefined;
  };

/**
 * A form whose fields are bound by name (see `form-fields`): `useEntityForm`
 * and `EntityForm` in one, for a form that needs nothing else of the shell.
 */
export function RecordForm<Values extends FieldValues, Output = Values>({
  schema,
  defaultValues,
  onSave,
  failed,
  onDirtyChange,
  labelledBy,
  ...form
}: RecordFormProps<Values, Output>) {
  const shell = useEntityForm<Values, Output>({ schema, defaultValues, onSave, failed, onDirtyChange });
  return <EntityForm shell={shell} aria-labelledby={labelledBy} {...form} />;
}

/** What a page gives the form of a record (new or edited): its values, its words and where it leads. */
export interface PageRecordFormProps<Values extends FieldValues, Output = Values> {
  defaultValues: DefaultValues<Values>;
  submitLabel: string;
  /** Where "Cancelar" leads. */
  cancelTo: string;
  /** Receives the validated values and says where to go next; a thrown error is shown above the buttons. */
  onSubmit(values: Output): Promise<SaveOutcome | void> | SaveOutcome | void;
  /** Told whenever the form starts or stops holding unsaved input. */
  onDirtyChange?(dirty: boolean): void;
  /** Deleting the record, at the end of the page. */
  remove?: DeleteRecordProps;
}

/** What a page gives a record's short form inside a card (add one, or edit one in place). */
export interface InlineRecordFormProps<Values extends FieldValues, Output = Values> {
  defaultValues: DefaultValues<Values>;
  submitLabel: string;
  labelledBy: string;
  onSave(values: Output): Promise<SaveOutcome | void>;
  onCancel?: (() => void) | undefined;
}

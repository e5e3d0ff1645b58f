import type { TFunction } from 'i18next';
import type { DefaultValues, FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { DeleteRecordProps } from './delete-record';
import { EntityForm, type EntityFormProps } from './entity-form';
import type { RefusedError } from '../../domain';
import { errorReason, useEntityForm, type EntityFormOptions, type SaveOutcome } from './use-entity-form';

export type RecordFormProps<Values extends FieldValues, Output> = Omit<
  EntityFormOptions<Values, Output>,
  'failed'
> &
  Omit<EntityFormProps<Values, Output>, 'shell' | 'aria-labelledby'> & {
    /** The id of the heading that names the form. */
    labelledBy?: string | undefined;
    /**
     * The words for a failed save: the i18n key of a message given the error's `reason`
     * (`'vision.saveFailed'`), or a function of the error (default: "No se pudo guardar: …").
     */
    failed?: string | ((error: unknown) => string) | undefined;
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
  const { t } = useTranslation();
  const shell = useEntityForm<Values, Output>({
    schema,
    defaultValues,
    onSave,
    failed: typeof failed === 'string' ? failedWords(t, failed) : failed,
    onDirtyChange,
  });
  return <EntityForm shell={shell} aria-labelledby={labelledBy} {...form} />;
}

/**
 * The words for a failed save: the message under `key` given the error's `reason`; or, for an
 * error of the `refused` class, each of its problems worded under `refused.keys`.
 */
export function failedWords(
  t: TFunction,
  key: string,
  refused?: { error: abstract new (...args: never[]) => RefusedError<string>; keys: string },
): (error: unknown) => string {
  return (error) =>
    refused && error instanceof refused.error
      ? error.problems.map((problem) => t(`${refused.keys}.${problem}`)).join(' ')
      : t(key, { reason: errorReason(error) });
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

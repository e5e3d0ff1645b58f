import { useId, type ReactNode } from 'react';
import { FormProvider, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DeleteRecord, type DeleteRecordProps } from './delete-record';
import { FormActionBar } from './form-action-bar';
import type { EntityFormShell } from './use-entity-form';

export interface EntityFormProps<Values extends FieldValues, Output> {
  /** From `useEntityForm`. */
  shell: EntityFormShell<Values, Output>;
  submitLabel: string;
  /** The button's words while it works (sign-in, upload). */
  submittingLabel?: string | undefined;
  /** False while there is nothing to save yet (the button shows, disabled). */
  canSubmit?: boolean;
  /** Where "Cancelar" leads; without it (or `onCancel`) there is no "Cancelar". */
  cancelTo?: string | undefined;
  /** "Cancelar" for a form that closes in place (an editor inside a card). */
  onCancel?: (() => void) | undefined;
  /** 'page' (default): long forms keep their save bar at the bottom of the screen; 'inline': a short form inside a card. */
  bar?: 'page' | 'inline';
  /** "Fields marked * are required" (default: on a page form, not in a short inline one). */
  requiredNote?: boolean;
  /** The form stays on its page after saving and confirms there, in a status line above the buttons. */
  confirmsInPlace?: boolean;
  /** What a refused submit says (default: "No se guardó: revisa los campos marcados en rojo."). */
  fixErrorsText?: string | undefined;
  /** Extra buttons beside save. Never a delete: that is `remove`. */
  actions?: ReactNode;
  /** Deleting the record: a button at the end of the page, after the form, with a confirmation. */
  remove?: DeleteRecordProps | undefined;
  className?: string | undefined;
  'aria-labelledby'?: string | undefined;
  children: ReactNode;
}

/**
 * The one form shell: every form is this <form> (no browser validation: the
 * zod messages in the UI language are shown next to each field), its fields
 * as children, and the same end — why it was not saved, the buttons, and,
 * after the form, the delete of the record.
 */
export function EntityForm<Values extends FieldValues, Output>({
  shell,
  submitLabel,
  submittingLabel,
  canSubmit = true,
  cancelTo,
  onCancel,
  bar = 'page',
  requiredNote = bar === 'page',
  confirmsInPlace = false,
  fixErrorsText,
  actions,
  remove,
  className,
  'aria-labelledby': labelledBy,
  children,
}: EntityFormProps<Values, Output>) {
  const { t } = useTranslation();
  const noteId = useId();
  const { isSubmitting } = shell.form.formState;
  return (
    <>
      <FormProvider {...shell.form}>
        <form
          ref={shell.formRef}
          className={className ? `form ${className}` : 'form'}
          noValidate
          onSubmit={shell.onSubmit}
          aria-busy={isSubmitting}
          aria-labelledby={labelledBy}
          aria-describedby={requiredNote ? noteId : undefined}
        >
          {requiredNote ? (
            <p id={noteId} className="field-hint">
              {t('common.requiredNote')}
            </p>
          ) : null}
          {children}
          <FormActionBar
            fixErrors={shell.showFixErrors ? (fixErrorsText ?? t('common.fixErrors')) : null}
            saveError={shell.saveError}
            notice={confirmsInPlace ? shell.notice : undefined}
            submitLabel={submitLabel}
            submitting={isSubmitting}
            disabled={!canSubmit}
            submittingLabel={submittingLabel}
            cancelTo={cancelTo}
            onCancel={onCancel}
            bar={bar}
          >
            {actions}
          </FormActionBar>
        </form>
      </FormProvider>
      {remove ? <DeleteRecord {...remove} finish={shell.finish} /> : null}
    </>
  );
}

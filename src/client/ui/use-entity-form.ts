import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type RefObject } from 'react';
import {
  useForm,
  type DefaultValues,
  type FieldErrors,
  type FieldValues,
  type Resolver,
  type UseFormReturn,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { formErrorMap } from '../i18n/zod-errors';
import { noticeState, type SaveNotice } from './save-notice';
import { useFocusFirstInvalid } from './use-focus-first-invalid';
import { useRelocalizedErrors } from './use-relocalized-errors';

/** What happens once a form (or its delete) has written the device database. */
export interface SaveOutcome {
  /** Where to go: the record, or the page that lists it. Without it the form stays where it is. */
  to?: string;
  replace?: boolean;
  /** The confirmation: shown by the destination's <SaveConfirmation>, or in place when the form stays. */
  notice?: SaveNotice;
  /** The form stays and starts again from its defaults (ready for the next one). */
  clear?: boolean;
}

export interface EntityFormOptions<Values extends FieldValues, Output> {
  /** The rules, with messages in the UI language; a schema that words its own messages is rebuilt by the caller when the language changes. */
  schema: z.ZodType<Output>;
  defaultValues: DefaultValues<Values>;
  /** Receives the validated values and writes them; a thrown error becomes `saveError`, keeping what was typed. */
  onSave(values: Output): Promise<SaveOutcome | void> | SaveOutcome | void;
  /** The words for a failed save (default: "No se pudo guardar: …"). */
  failed?: ((error: unknown) => string) | undefined;
  /** Told whenever the form starts or stops holding unsaved input (the app never reloads over it). */
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
}

export interface EntityFormShell<Values extends FieldValues, Output> {
  form: UseFormReturn<Values, unknown, Output>;
  /** The form's `register` and its current errors, for the fields (the rest is in `form`). */
  register: UseFormReturn<Values, unknown, Output>['register'];
  errors: FieldErrors<Values>;
  formRef: RefObject<HTMLFormElement | null>;
  onSubmit(event?: FormEvent): void;
  /** Applies an outcome (navigate with its notice, or confirm in place): for actions beside the save, such as delete. */
  finish(outcome: SaveOutcome | void): void;
  saveError: string | null;
  /** The last confirmation of a form that stays on its page. */
  notice: SaveNotice | null;
  /** A submit was refused: "not saved, check the fields marked in red". */
  showFixErrors: boolean;
}

export function errorReason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The one form shell's logic, for every form: react-hook-form validated by a
 * zod schema whose messages are in the UI language (and re-worded when it
 * changes), focus on the first invalid field after a refused submit, unsaved
 * input reported to the app, a failed save put into words without losing the
 * input, and what follows a save — go to the record or its list with a
 * confirmation, or stay and confirm in place. Saving writes the device
 * database, so nothing here waits on the network.
 */
export function useEntityForm<Values extends FieldValues, Output = Values>(
  options: EntityFormOptions<Values, Output>,
): EntityFormShell<Values, Output> {
  const { schema, defaultValues, onSave, failed, onDirtyChange } = options;
  const { t } = useTranslation();
  const navigate = useNavigate();
  const resolver = useMemo(
    () =>
      zodResolver(schema as never, { error: formErrorMap }) as unknown as Resolver<Values, unknown, Output>,
    [schema],
  );
  const form = useForm<Values, unknown, Output>({ defaultValues, resolver, shouldFocusError: false });
  const { isDirty, isSubmitted, submitCount, isSubmitSuccessful, errors } = form.formState;
  const formRef = useRef<HTMLFormElement>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [notice, setNotice] = useState<SaveNotice | null>(null);

  useEffect(() => {
    onDirtyChange?.(isDirty);
    // "Saved" no longer holds once the input changes again.
    if (isDirty) setNotice(null);
  }, [isDirty, onDirtyChange]);
  useEffect(
    () => () => {
      onDirtyChange?.(false);
    },
    [onDirtyChange],
  );
  useFocusFirstInvalid(formRef, submitCount, isSubmitSuccessful);
  useRelocalizedErrors(isSubmitted, form.trigger);

  const finish = useCallback(
    (outcome: SaveOutcome | void) => {
      if (!outcome) return;
      if (outcome.to !== undefined) {
        onDirtyChange?.(false);
        void navigate(outcome.to, { replace: outcome.replace, state: noticeState(outcome.notice) });
        return;
      }
      // Staying: what was saved is the form's new starting point (or it starts over).
      if (outcome.clear) form.reset();
      else form.reset(form.getValues());
      setNotice(outcome.notice ?? null);
    },
    [form, navigate, onDirtyChange],
  );

  const submit = form.handleSubmit(async (values) => {
    setSaveError(null);
    setNotice(null);
    let outcome: SaveOutcome | void;
    try {
      outcome = await onSave(values);
    } catch (error) {
      setSaveError(failed ? failed(error) : t('common.saveFailed', { reason: errorReason(error) }));
      return;
    }
    finish(outcome);
  });

  return {
    form,
    register: form.register,
    errors,
    formRef,
    onSubmit: (event) => void submit(event),
    finish,
    saveError,
    notice,
    showFixErrors: isSubmitted && Object.keys(errors).length > 0,
  };
}

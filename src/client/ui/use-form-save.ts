import { useEffect, useRef, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { useFocusFirstInvalid } from './use-focus-first-invalid';

/**
 * What every form does around react-hook-form: reports unsaved input (so the
 * app never reloads under it, and forgets it when the form goes away), moves
 * focus to the first invalid field after a refused submit, and turns a failed
 * save into a message in words while keeping what was typed.
 */
export function useFormSave<Values extends FieldValues, Context, Output>(
  form: UseFormReturn<Values, Context, Output>,
  options: { onDirtyChange?: ((dirty: boolean) => void) | undefined; failed: (reason: string) => string },
) {
  const { onDirtyChange, failed } = options;
  const { isDirty, submitCount, isSubmitSuccessful } = form.formState;
  const formRef = useRef<HTMLFormElement>(null);
  const [saveError, setSaveError] = useState<string | null>(null);

  useEffect(() => {
    onDirtyChange?.(isDirty);
  }, [isDirty, onDirtyChange]);
  useEffect(
    () => () => {
      onDirtyChange?.(false);
    },
    [onDirtyChange],
  );
  useFocusFirstInvalid(formRef, submitCount, isSubmitSuccessful);

  /** The submit handler: validates, then runs `save`; a thrown error becomes `saveError`. */
  function submitWith(save: (values: Output) => Promise<void> | void) {
    return form.handleSubmit(async (values) => {
      setSaveError(null);
      try {
        await save(values);
      } catch (error) {
        setSaveError(failed(error instanceof Error ? error.message : String(error)));
      }
    });
  }

  return { formRef, saveError, submitWith };
}

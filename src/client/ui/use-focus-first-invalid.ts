import { useEffect, type RefObject } from 'react';

/**
 * After a refused submit, moves focus (and the view) to the first field
 * marked invalid, in the order the user sees them. Keyed on react-hook-form's
 * submitCount, which changes in the same render that shows the errors.
 */
export function useFocusFirstInvalid(
  formRef: RefObject<HTMLFormElement | null>,
  submitCount: number,
  isSubmitSuccessful: boolean,
): void {
  useEffect(() => {
    if (submitCount === 0 || isSubmitSuccessful) return;
    const target = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!target) return;
    target.focus();
    target.scrollIntoView?.({ block: 'center' });
  }, [formRef, submitCount, isSubmitSuccessful]);
}

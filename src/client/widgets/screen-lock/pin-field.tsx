import type { UseFormRegisterReturn } from 'react-hook-form';
import { Field } from '../../ui/field';

/**
 * The one PIN field of the screen-lock forms (choosing, repeating and giving
 * the PIN): digits on a phone's number pad, hidden, never remembered by the
 * browser, at most 8 long.
 */
export function PinField({
  id,
  label,
  hint,
  error,
  registration,
}: {
  id: string;
  label: string;
  hint?: string;
  error: string | undefined;
  registration: UseFormRegisterReturn;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error} required>
      {(aria) => (
        <input
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          className="input-short pin-input"
          {...aria}
          {...registration}
        />
      )}
    </Field>
  );
}

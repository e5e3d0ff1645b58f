/** Fields for what a person types exactly: names to sign in with, one-time codes and passwords. */
import type { UseFormRegisterReturn } from 'react-hook-form';
import { Field } from './field';

/** A username or a code: the keyboard adds no capitals and fixes no spelling. */
export function VerbatimTextField({
  id,
  label,
  hint,
  autoComplete,
  error,
  registration,
}: {
  id: string;
  label: string;
  hint?: string;
  autoComplete: 'username' | 'off';
  error: string | undefined;
  registration: UseFormRegisterReturn;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error} required>
      {(aria) => (
        <input
          type="text"
          autoComplete={autoComplete}
          autoCapitalize="none"
          spellCheck={false}
          {...aria}
          {...registration}
        />
      )}
    </Field>
  );
}

/** A password: hidden; `autoComplete` tells the browser's password manager whether it is new or the current one. */
export function PasswordField({
  id,
  label,
  hint,
  autoComplete,
  error,
  registration,
}: {
  id: string;
  label: string;
  hint?: string;
  autoComplete: 'new-password' | 'current-password';
  error: string | undefined;
  registration: UseFormRegisterReturn;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error} required>
      {(aria) => <input type="password" autoComplete={autoComplete} {...aria} {...registration} />}
    </Field>
  );
}

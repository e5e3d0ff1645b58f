/** Fields for what a person types exactly: names to sign in with, one-time codes and passwords. */
import type { UseFormRegisterReturn } from 'react-hook-form';
import { Field } from './field';

interface CredentialFieldProps<A extends string> {
  id: string;
  label: string;
  hint?: string;
  autoComplete: A;
  error: string | undefined;
  registration: UseFormRegisterReturn;
}

/** A username or a code: the keyboard adds no capitals and fixes no spelling. */
export function VerbatimTextField(props: CredentialFieldProps<'username' | 'off'>) {
  return <CredentialField {...props} type="text" />;
}

/** A password: hidden; `autoComplete` tells the browser's password manager whether it is new or the current one. */
export function PasswordField(props: CredentialFieldProps<'new-password' | 'current-password'>) {
  return <CredentialField {...props} type="password" />;
}

function CredentialField({
  id,
  label,
  hint,
  autoComplete,
  error,
  registration,
  type,
}: CredentialFieldProps<string> & { type: 'text' | 'password' }) {
  const verbatim = type === 'text' ? ({ autoCapitalize: 'none', spellCheck: false } as const) : {};
  return (
    <Field id={id} label={label} hint={hint} error={error} required>
      {(aria) => <input type={type} autoComplete={autoComplete} {...verbatim} {...aria} {...registration} />}
    </Field>
  );
}

/** A new password and its confirmation, as account creation, first-run set-up and a forced change ask for them. */
export function NewPasswordFields({
  idPrefix,
  label,
  confirmLabel,
  hint,
  errors,
  registrations,
}: {
  idPrefix: string;
  label: string;
  confirmLabel: string;
  hint?: string;
  errors: { password: string | undefined; confirm: string | undefined };
  registrations: { password: UseFormRegisterReturn; confirm: UseFormRegisterReturn };
}) {
  return (
    <>
      <PasswordField
        id={`${idPrefix}-password`}
        label={label}
        hint={hint}
        autoComplete="new-password"
        error={errors.password}
        registration={registrations.password}
      />
      <PasswordField
        id={`${idPrefix}-confirm-password`}
        label={confirmLabel}
        autoComplete="new-password"
        error={errors.confirm}
        registration={registrations.confirm}
      />
    </>
  );
}

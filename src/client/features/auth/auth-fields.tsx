/** The account fields of sign-in and first-run setup: the username and a password. */
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/field';

/** The username of sign-in and setup: the keyboard adds no capitals and fixes no spelling. */
export function UsernameField({
  id,
  error,
  registration,
}: {
  id: string;
  error: string | undefined;
  registration: UseFormRegisterReturn;
}) {
  const { t } = useTranslation();
  return (
    <Field id={id} label={t('auth.username')} error={error} required>
      {(aria) => (
        <input
          type="text"
          autoComplete="username"
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

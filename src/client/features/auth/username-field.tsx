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

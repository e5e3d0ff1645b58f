/** The username of sign-in and first-run setup, in the sign-in words. */
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { VerbatimTextField } from '../../ui/credential-fields';

export { PasswordField } from '../../ui/credential-fields';

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
    <VerbatimTextField
      id={id}
      label={t('auth.username')}
      autoComplete="username"
      error={error}
      registration={registration}
    />
  );
}

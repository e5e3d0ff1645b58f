/** The username of sign-in and first-run setup, in the sign-in words. */
import type { FieldValues, Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { VerbatimTextField } from '../../ui/credential-fields';

export { PasswordField } from '../../ui/credential-fields';

/** The username of sign-in and setup: the keyboard adds no capitals and fixes no spelling. */
export function UsernameField<Values extends FieldValues>({ name, id }: { name: Path<Values>; id: string }) {
  const { t } = useTranslation();
  return <VerbatimTextField<Values> name={name} id={id} label={t('auth.username')} autoComplete="username" />;
}

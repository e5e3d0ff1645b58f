import { useTranslation } from 'react-i18next';
import { completeSetup } from '../../data/use-account';
import { NewPasswordFields, VerbatimTextField } from '../../ui/credential-fields';
import { TextField, useFieldNaming } from '../../ui/form-fields';
import { useEntityForm } from '../../ui/use-entity-form';
import { authErrorMessage } from '../../widgets/auth-error-message';
import { UsernameField } from './auth-fields';
import { AuthFormPage } from './auth-form-page';
import { useSetupRedirect } from './use-setup-redirect';
import {
  MIN_PASSWORD_LENGTH,
  setupFormSchema,
  type SetupFormOutput,
  type SetupFormValues,
} from './setup-form.schema';

const EMPTY: SetupFormValues = { code: '', username: '', displayName: '', password: '', confirmPassword: '' };

/**
 * `/setup`: the first run of a new server. Whoever holds the setup code
 * printed in the server console creates the first (admin) account and is
 * signed in with it.
 */
export function SetupPage() {
  const { t } = useTranslation();
  const field = useFieldNaming<SetupFormValues>({ id: 'setup', keys: 'setup' });
  const shell = useEntityForm<SetupFormValues, SetupFormOutput>({
    schema: setupFormSchema,
    defaultValues: EMPTY,
    failed: (error) => authErrorMessage(error, t, 'setup'),
    onSave: async ({ code, username, displayName, password }) => {
      await completeSetup({ code, username, displayName, password });
      return { to: '/', replace: true };
    },
  });

  // Once set up, this page has nothing to offer: go sign in.
  useSetupRedirect(false, '/login');

  return (
    <AuthFormPage
      title={t('setup.title')}
      intro={<p>{t('setup.intro')}</p>}
      shell={shell}
      submitLabel={t('setup.create')}
      submittingLabel={t('setup.creating')}
    >
      <VerbatimTextField<SetupFormValues> {...field('code', { hint: true })} autoComplete="off" />
      <UsernameField<SetupFormValues> name="username" id="setup-username" />
      <TextField<SetupFormValues> {...field('displayName', { hint: true })} autoComplete="name" required />
      <NewPasswordFields<SetupFormValues>
        idPrefix="setup"
        names={{ password: 'password', confirm: 'confirmPassword' }}
        label={t('auth.password')}
        confirmLabel={t('setup.confirmPassword')}
        hint={t('setup.passwordHint', { count: MIN_PASSWORD_LENGTH })}
      />
    </AuthFormPage>
  );
}

import { useTranslation } from 'react-i18next';
import { completeSetup } from '../../data/use-account';
import { errorText } from '../../i18n/zod-errors';
import { NewPasswordFields, VerbatimTextField } from '../../ui/credential-fields';
import { Field } from '../../ui/field';
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
  const shell = useEntityForm<SetupFormValues, SetupFormOutput>({
    schema: setupFormSchema,
    defaultValues: EMPTY,
    failed: (error) => authErrorMessage(error, t, 'setup'),
    onSave: async ({ code, username, displayName, password }) => {
      await completeSetup({ code, username, displayName, password });
      return { to: '/', replace: true };
    },
  });
  const { register, errors } = shell;

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
      <VerbatimTextField
        id="setup-code"
        label={t('setup.code')}
        hint={t('setup.codeHint')}
        autoComplete="off"
        error={errorText(errors.code)}
        registration={register('code')}
      />
      <UsernameField
        id="setup-username"
        error={errorText(errors.username)}
        registration={register('username')}
      />
      <Field
        id="setup-display-name"
        label={t('setup.displayName')}
        hint={t('setup.displayNameHint')}
        error={errorText(errors.displayName)}
        required
      >
        {(aria) => <input type="text" autoComplete="name" {...aria} {...register('displayName')} />}
      </Field>
      <NewPasswordFields
        idPrefix="setup"
        label={t('auth.password')}
        confirmLabel={t('setup.confirmPassword')}
        hint={t('setup.passwordHint', { count: MIN_PASSWORD_LENGTH })}
        errors={{
          password: errorText(errors.password),
          confirm: errorText(errors.confirmPassword, { custom: 'errors.passwordsDiffer' }),
        }}
        registrations={{ password: register('password'), confirm: register('confirmPassword') }}
      />
    </AuthFormPage>
  );
}

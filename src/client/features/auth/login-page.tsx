import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { z } from 'zod';
import { loginRequestSchema } from '../../../domain';
import { signIn, useAccount } from '../../data/use-account';
import { errorText } from '../../i18n/zod-errors';
import { useEntityForm } from '../../ui/use-entity-form';
import { authErrorMessage } from '../../widgets/auth-error-message';
import { PasswordField, UsernameField } from './auth-fields';
import { AuthFormPage } from './auth-form-page';
import { useSetupRedirect } from './use-setup-redirect';

const loginFormSchema = loginRequestSchema.pick({ username: true, password: true });
type LoginFormValues = z.input<typeof loginFormSchema>;

/** Where to go after signing in: back to the page that sent us here, never to an auth page. */
function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' &&
    from.startsWith('/') &&
    !from.startsWith('/login') &&
    !from.startsWith('/setup')
    ? from
    : '/';
}

/**
 * `/login`. The first sign-in on a device needs the server; afterwards the
 * account stays on the device and the app works offline. Someone already
 * signed in can come here to renew a session the server no longer accepts.
 */
export function LoginPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const account = useAccount();
  const shell = useEntityForm<LoginFormValues>({
    schema: loginFormSchema,
    defaultValues: { username: account?.user.username ?? '', password: '' },
    failed: (error) => authErrorMessage(error, t, 'login'),
    onSave: async (values) => {
      try {
        await signIn(values);
      } catch (error) {
        shell.form.setFocus('password');
        throw error;
      }
      return { to: returnPath(location.state), replace: true };
    },
  });
  const { register, errors } = shell;
  const { getValues, setValue } = shell.form;

  // Renewing a session: the account loads from the device just after the first render.
  const knownUsername = account?.user.username;
  useEffect(() => {
    if (knownUsername && !getValues('username')) setValue('username', knownUsername);
  }, [knownUsername, getValues, setValue]);

  // A server that has never been set up sends its first visitor to /setup; offline we just stay here.
  useSetupRedirect(true, '/setup');

  return (
    <AuthFormPage
      title={t('auth.loginTitle')}
      intro={
        account ? (
          <p className="notice">{t('auth.renewSession', { name: account.user.displayName })}</p>
        ) : (
          <p>{t('auth.loginIntro')}</p>
        )
      }
      shell={shell}
      submitLabel={t('auth.signIn')}
      submittingLabel={t('auth.signingIn')}
    >
      <UsernameField
        id="login-username"
        error={errorText(errors.username)}
        registration={register('username')}
      />
      <PasswordField
        id="login-password"
        label={t('auth.password')}
        autoComplete="current-password"
        error={errorText(errors.password)}
        registration={register('password')}
      />
    </AuthFormPage>
  );
}

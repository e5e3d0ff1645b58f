import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { z } from 'zod';
import { loginRequestSchema } from '../../../domain';
import { getSetupStatus, signIn, useAccount } from '../../data/use-account';
import { errorText } from '../../i18n/zod-errors';
import { EntityForm } from '../../ui/entity-form';
import { Field } from '../../ui/field';
import { PageHeading } from '../../ui/page-heading';
import { useEntityForm } from '../../ui/use-entity-form';
import { authErrorMessage } from '../../widgets/auth-error-message';
import { UsernameField } from './username-field';

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
  const navigate = useNavigate();
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
  useEffect(() => {
    let active = true;
    getSetupStatus().then(
      (status) => {
        if (active && status.needsSetup) void navigate('/setup', { replace: true });
      },
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, [navigate]);

  return (
    <section className="narrow">
      <PageHeading title={t('auth.loginTitle')}>{t('auth.loginTitle')}</PageHeading>
      {account ? (
        <p className="notice">{t('auth.renewSession', { name: account.user.displayName })}</p>
      ) : (
        <p>{t('auth.loginIntro')}</p>
      )}
      <EntityForm
        shell={shell}
        submitLabel={t('auth.signIn')}
        submittingLabel={t('auth.signingIn')}
        bar="inline"
        fixErrorsText={t('common.checkFields')}
      >
        <UsernameField
          id="login-username"
          error={errorText(errors.username)}
          registration={register('username')}
        />
        <Field id="login-password" label={t('auth.password')} error={errorText(errors.password)} required>
          {(aria) => (
            <input type="password" autoComplete="current-password" {...aria} {...register('password')} />
          )}
        </Field>
      </EntityForm>
    </section>
  );
}

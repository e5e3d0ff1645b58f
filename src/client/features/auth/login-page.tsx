import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { z } from 'zod';
import { checkPasswordOf, loginRequestSchema, passwordSchema } from '../../../domain';
import { signIn, useAccount } from '../../data/use-account';
import { passwordErrorText } from '../../i18n/zod-errors';
import { ApiError } from '../../net/api-client';
import { useEntityForm } from '../../ui/use-entity-form';
import { authErrorMessage } from '../../widgets/auth-error-message';
import { NewPasswordFields, PasswordField } from '../../ui/credential-fields';
import { UsernameField } from './auth-fields';
import { AuthFormPage } from './auth-form-page';
import { useSetupRedirect } from './use-setup-redirect';

const loginFormSchema = loginRequestSchema
  .pick({ username: true, password: true })
  .extend({ newPassword: z.string(), confirmNewPassword: z.string() });
/** After a reset the password is a one-time code: the same sign-in then chooses the new password. */
const replaceCodeFormSchema = loginFormSchema
  .extend({ newPassword: passwordSchema, confirmNewPassword: z.string().min(1) })
  .superRefine(checkPasswordOf('newPassword'))
  .refine((values) => values.newPassword === values.confirmNewPassword, {
    path: ['confirmNewPassword'],
    params: { i18n: 'errors.passwordsDiffer' },
    message: 'Las contraseñas no coinciden',
  });
type LoginFormValues = z.input<typeof loginFormSchema>;

const isCodeToReplace = (error: unknown) =>
  error instanceof ApiError && error.code === 'password_change_required';

/** The password rule the server named for a refused new password, if that is why it refused. */
function newPasswordProblem(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== 'invalid_request') return null;
  const detail = error.details.find(
    (d): d is { passwordProblem: string } =>
      typeof d === 'object' &&
      d !== null &&
      typeof (d as { passwordProblem?: unknown }).passwordProblem === 'string',
  );
  return detail?.passwordProblem ?? null;
}

/** Where to go after signing in: back to the page that sent us here, never to an auth page. */
function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' &&
    from.startsWith('/') &&
    !from.startsWith('/login') &&
    !from.startsWith('/setup') &&
    !from.startsWith('/enrol')
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
  const [mustChange, setMustChange] = useState(false);
  const shell = useEntityForm<LoginFormValues>({
    schema: mustChange ? replaceCodeFormSchema : loginFormSchema,
    defaultValues: {
      username: account?.user.username ?? '',
      password: '',
      newPassword: '',
      confirmNewPassword: '',
    },
    failed: (error) => {
      if (isCodeToReplace(error)) return t('auth.mustChangeIntro');
      const problem = newPasswordProblem(error);
      return problem ? t(`errors.password.${problem}`) : authErrorMessage(error, t, 'login');
    },
    onSave: async ({ username, password, newPassword }) => {
      try {
        await signIn({ username, password, ...(mustChange ? { newPassword } : {}) });
      } catch (error) {
        if (isCodeToReplace(error)) {
          setMustChange(true);
        } else {
          shell.form.setFocus(mustChange ? 'newPassword' : 'password');
        }
        throw error;
      }
      return { to: returnPath(location.state), replace: true };
    },
  });
  const { getValues, setValue, watch } = shell.form;
  const [username, newPassword] = watch(['username', 'newPassword']);

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
      footer={
        <>
          <p>{t('auth.enrolHint')}</p>
          <p>
            <Link to="/enrol" className="button">
              {t('auth.enrolLink')}
            </Link>
          </p>
        </>
      }
    >
      <UsernameField<LoginFormValues> name="username" id="login-username" />
      <PasswordField<LoginFormValues>
        name="password"
        id="login-password"
        label={t('auth.password')}
        autoComplete="current-password"
      />
      {mustChange ? (
        <>
          <h2>{t('auth.mustChangeTitle')}</h2>
          <NewPasswordFields<LoginFormValues>
            idPrefix="login-new"
            names={{ password: 'newPassword', confirm: 'confirmNewPassword' }}
            label={t('auth.newPassword')}
            confirmLabel={t('auth.confirmNewPassword')}
            hint={t('auth.passwordRules')}
            describeError={(error) => passwordErrorText(error, newPassword, username)}
          />
        </>
      ) : null}
    </AuthFormPage>
  );
}

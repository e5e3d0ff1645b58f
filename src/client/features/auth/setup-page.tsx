import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { completeSetup, getSetupStatus } from '../../data/use-account';
import { errorText, formErrorMap } from '../../i18n/zod-errors';
import { Field } from '../../ui/field';
import { PageHeading } from '../../ui/page-heading';
import { authErrorMessage } from '../../widgets/auth-error-message';
import {
  MIN_PASSWORD_LENGTH,
  setupFormSchema,
  type SetupFormOutput,
  type SetupFormValues,
} from './setup-form.schema';

const resolver = zodResolver(setupFormSchema, { error: formErrorMap });
const EMPTY: SetupFormValues = { code: '', username: '', displayName: '', password: '', confirmPassword: '' };

/**
 * `/setup`: the first run of a new server. Whoever holds the setup code
 * printed in the server console creates the first (admin) account and is
 * signed in with it.
 */
export function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SetupFormValues, unknown, SetupFormOutput>({ resolver, defaultValues: EMPTY });

  // Once set up, this page has nothing to offer: go sign in.
  useEffect(() => {
    let active = true;
    getSetupStatus().then(
      (status) => {
        if (active && !status.needsSetup) void navigate('/login', { replace: true });
      },
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, [navigate]);

  const submit = handleSubmit(async ({ code, username, displayName, password }) => {
    setFailure(null);
    try {
      await completeSetup({ code, username, displayName, password });
      void navigate('/', { replace: true });
    } catch (error) {
      setFailure(authErrorMessage(error, t, 'setup'));
    }
  });

  return (
    <section className="narrow">
      <PageHeading title={t('setup.title')}>{t('setup.title')}</PageHeading>
      <p>{t('setup.intro')}</p>
      <form className="form" noValidate onSubmit={(e) => void submit(e)} aria-busy={isSubmitting}>
        <Field
          id="setup-code"
          label={t('setup.code')}
          hint={t('setup.codeHint')}
          error={errorText(errors.code)}
          required
        >
          {(aria) => (
            <input
              type="text"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              {...aria}
              {...register('code')}
            />
          )}
        </Field>
        <Field id="setup-username" label={t('auth.username')} error={errorText(errors.username)} required>
          {(aria) => (
            <input
              type="text"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              {...aria}
              {...register('username')}
            />
          )}
        </Field>
        <Field
          id="setup-display-name"
          label={t('setup.displayName')}
          hint={t('setup.displayNameHint')}
          error={errorText(errors.displayName)}
          required
        >
          {(aria) => <input type="text" autoComplete="name" {...aria} {...register('displayName')} />}
        </Field>
        <Field
          id="setup-password"
          label={t('auth.password')}
          hint={t('setup.passwordHint', { count: MIN_PASSWORD_LENGTH })}
          error={errorText(errors.password)}
          required
        >
          {(aria) => (
            <input type="password" autoComplete="new-password" {...aria} {...register('password')} />
          )}
        </Field>
        <Field
          id="setup-confirm"
          label={t('setup.confirmPassword')}
          error={errorText(errors.confirmPassword, { custom: 'errors.passwordsDiffer' })}
          required
        >
          {(aria) => (
            <input type="password" autoComplete="new-password" {...aria} {...register('confirmPassword')} />
          )}
        </Field>
        {failure ? (
          <p className="form-alert" role="alert">
            {failure}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={isSubmitting}>
            {isSubmitting ? t('setup.creating') : t('setup.create')}
          </button>
        </div>
      </form>
    </section>
  );
}

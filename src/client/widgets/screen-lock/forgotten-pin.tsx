import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useAccount } from '../../data/use-account';
import { unlockWithAccountPassword } from '../../data/use-screen-lock';
import { errorText, formErrorMap } from '../../i18n/zod-errors';
import { Field } from '../../ui/field';
import { FormAlert } from '../../ui/form-alert';
import { authErrorMessage } from '../auth-error-message';
import { passwordFormSchema, type PasswordFormValues } from './pin-schema';
import './strings';

const resolver = zodResolver(passwordFormSchema, { error: formErrorMap });

/**
 * A forgotten PIN must not strand a device full of unsynced ballots: with a
 * connection, the person signed in here unlocks with their account password,
 * which the server checks. Folded away, so it is not the first thing offered.
 */
export function ForgottenPin() {
  const { t } = useTranslation();
  const id = useId();
  const account = useAccount();
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    resetField,
    formState: { errors, isSubmitting },
  } = useForm<PasswordFormValues>({ resolver, defaultValues: { password: '' } });

  const submit = handleSubmit(async ({ password }) => {
    setFailure(null);
    try {
      const result = await unlockWithAccountPassword(password);
      if (!result.ok && result.reason === 'no_account') setFailure(t('screenLock.forgot.noAccount'));
    } catch (error) {
      resetField('password');
      setFailure(authErrorMessage(error, t, 'login'));
    }
  });

  return (
    <details className="forgotten-pin">
      <summary>{t('screenLock.forgot.forgotTitle')}</summary>
      <form noValidate className="form" aria-busy={isSubmitting} onSubmit={(e) => void submit(e)}>
        <p>{t('screenLock.forgot.forgotIntro', { name: account?.user.displayName ?? '' })}</p>
        <Field
          id={`${id}-password`}
          label={t('screenLock.forgot.password')}
          error={errorText(errors.password, { too_small: 'screenLock.errors.passwordRequired' })}
          required
        >
          {(aria) => (
            <input type="password" autoComplete="current-password" {...aria} {...register('password')} />
          )}
        </Field>
        <FormAlert>{failure}</FormAlert>
        <button type="submit" className="button" disabled={isSubmitting}>
          {t('screenLock.forgot.forgotSubmit')}
        </button>
      </form>
    </details>
  );
}

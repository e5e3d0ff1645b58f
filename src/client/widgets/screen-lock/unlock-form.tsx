import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { unlockScreen, type ScreenLockState } from '../../data/use-screen-lock';
import { errorText, formErrorMap } from '../../i18n/zod-errors';
import { useNow } from '../../ui/use-now';
import { ForgottenPin } from './forgotten-pin';
import { PinField } from './pin-field';
import { PIN_ERRORS, unlockFormSchema, type UnlockFormValues } from './pin-schema';
import './strings';

const resolver = zodResolver(unlockFormSchema, { error: formErrorMap });

/** "30 segundos", "2 minutos": the wait left, rounded up. */
function waitText(ms: number, t: TFunction): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 90) return t('screenLock.locked.seconds', { count: seconds });
  return t('screenLock.locked.minutes', { count: Math.ceil(seconds / 60) });
}

/**
 * The PIN, for whoever facilitates. A wrong PIN says so and how many tries
 * are left; after five the device makes them wait (counted on the device,
 * so a reload does not reset it) and the form shows how long.
 */
export function UnlockForm({ lock, onCancel }: { lock: ScreenLockState; onCancel(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const now = useNow(1_000);
  const [wrong, setWrong] = useState<number | null>(null);
  const {
    register,
    handleSubmit,
    setFocus,
    resetField,
    formState: { errors, isSubmitting },
  } = useForm<UnlockFormValues>({ resolver, defaultValues: { pin: '' } });

  useEffect(() => setFocus('pin'), [setFocus]);

  const waitMs = lock.retryAfter ? Date.parse(lock.retryAfter) - now : 0;
  const waiting = waitMs > 0;

  const submit = handleSubmit(async ({ pin }) => {
    const result = await unlockScreen(pin);
    if (result.ok || result.reason === 'not_locked') return; // the frame shows the app again
    resetField('pin');
    setFocus('pin');
    setWrong(result.reason === 'wrong_pin' ? result.attemptsLeft : 0);
  });

  let message: { text: string; alert: boolean } | null = null;
  if (waiting) message = { text: t('screenLock.locked.wait', { time: waitText(waitMs, t) }), alert: true };
  else if (wrong !== null && wrong > 0)
    message = { text: t('screenLock.locked.wrongPin', { count: wrong }), alert: true };
  else if (wrong !== null) message = { text: t('screenLock.locked.waitOver'), alert: false };

  return (
    <div className="narrow">
      <form
        className="form card unlock-form"
        noValidate
        aria-labelledby={`${id}-title`}
        aria-busy={isSubmitting}
        onSubmit={(e) => void submit(e)}
      >
        <h1 id={`${id}-title`}>{t('screenLock.locked.unlockTitle')}</h1>
        <p>{t('screenLock.locked.unlockIntro')}</p>
        <PinField
          id={`${id}-pin`}
          label={t('screenLock.locked.pin')}
          error={errorText(errors.pin, PIN_ERRORS)}
          registration={register('pin')}
        />
        {message ? (
          <p className={message.alert ? 'form-alert' : 'notice'} role={message.alert ? 'alert' : 'status'}>
            {message.text}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={isSubmitting || waiting}>
            {isSubmitting ? t('screenLock.locked.checking') : t('screenLock.locked.submit')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('screenLock.locked.back')}
          </button>
        </div>
      </form>
      <ForgottenPin />
    </div>
  );
}

import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ScreenLockError, lockScreen, type ScreenLockRequest } from '../../data/use-screen-lock';
import { errorText, formErrorMap } from '../../i18n/zod-errors';
import { FormAlert } from '../../ui/form-alert';
import { errorReason } from '../../ui/use-entity-form';
import { PinField } from './pin-field';
import { PIN_ERRORS, lockFormSchema, type LockFormValues } from './pin-schema';
import './strings';
import './screen-lock.css';

const resolver = zodResolver(lockFormSchema, { error: formErrorMap });
const EMPTY: LockFormValues = { pin: '', confirm: '' };

/** The texts of a locked view: `reasons.<reason>` when there are any, else the generic ones. */
export function reasonKey(reason: string, key: string, exists: (k: string) => boolean): string {
  const specific = `screenLock.reasons.${reason}.${key}`;
  return exists(specific) ? specific : `screenLock.reasons.other.${key}`;
}

/**
 * Locks this device on a screen handed to residents (`returnTo`, shown by the
 * locked view `reason`): one button, then a PIN chosen twice, with what the
 * lock does and why a PIN. Once locked, the app frame shows only the locked
 * view until the PIN is given (app/screen-lock-gate.tsx).
 */
export function LockScreenPanel({ returnTo, reason }: ScreenLockRequest) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const formId = useId();
  const opener = useRef<HTMLButtonElement>(null);
  const key = (k: string) => reasonKey(reason, k, (x) => i18n.exists(x));
  const {
    register,
    handleSubmit,
    reset,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<LockFormValues>({ resolver, defaultValues: EMPTY });

  const wasOpen = useRef(false);
  useEffect(() => {
    if (open) setFocus('pin');
    else if (wasOpen.current) opener.current?.focus();
    wasOpen.current = open;
  }, [open, setFocus]);

  const close = () => {
    reset(EMPTY);
    setFailure(null);
    setOpen(false);
  };

  const submit = handleSubmit(async ({ pin }) => {
    setFailure(null);
    try {
      await lockScreen({ returnTo, reason, pin });
    } catch (error) {
      setFailure(
        error instanceof ScreenLockError && error.reason === 'already_locked'
          ? t('screenLock.lock.alreadyLocked')
          : t('screenLock.lock.failed', { reason: errorReason(error) }),
      );
    }
  });

  if (!open) {
    return (
      <div className="screen-lock-panel">
        <p className="field-hint">{t(key('lockIntro'))}</p>
        <button
          ref={opener}
          type="button"
          className="button button-primary"
          aria-expanded={false}
          aria-controls={formId}
          onClick={() => setOpen(true)}
        >
          {t(key('lockButton'))}
        </button>
      </div>
    );
  }

  return (
    <form
      id={formId}
      className="form card screen-lock-panel"
      noValidate
      aria-labelledby={`${formId}-title`}
      aria-busy={isSubmitting}
      onSubmit={(e) => void submit(e)}
    >
      <h2 id={`${formId}-title`}>{t(key('lockButton'))}</h2>
      <p>{t(key('lockIntro'))}</p>
      <PinField
        id={`${formId}-pin`}
        label={t('screenLock.lock.pin')}
        hint={t('screenLock.lock.pinHint')}
        error={errorText(errors.pin, PIN_ERRORS)}
        registration={register('pin')}
      />
      <PinField
        id={`${formId}-confirm`}
        label={t('screenLock.lock.confirm')}
        error={errorText(errors.confirm, PIN_ERRORS)}
        registration={register('confirm')}
      />
      <FormAlert>{failure}</FormAlert>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {t(key('submit'))}
        </button>
        <button type="button" className="button" onClick={close}>
          {t('screenLock.lock.cancel')}
        </button>
      </div>
    </form>
  );
}

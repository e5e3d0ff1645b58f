import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScreenLockState } from '../../data/use-screen-lock';
import { HoldButton } from './hold-button';
import { reasonKey } from './lock-screen-panel';
import { UnlockForm } from './unlock-form';
import './strings';
import './screen-lock.css';

/**
 * What a locked device shows, and nothing else: the app's name, what is
 * locked, the resident's screen (`children`) and, at the bottom, the unlock
 * button — held for two seconds, then the PIN. No links, menu, language or
 * sign-out exist on this screen, so neither a tap nor the keyboard reaches them.
 */
export function LockedScreen({ lock, children }: { lock: ScreenLockState; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const [unlocking, setUnlocking] = useState(false);
  const holdRef = useRef<HTMLButtonElement>(null);
  const wasUnlocking = useRef(false);
  const key = (k: string) => reasonKey(lock.reason, k, (x) => i18n.exists(x));

  useEffect(() => {
    if (!unlocking && wasUnlocking.current) holdRef.current?.focus();
    wasUnlocking.current = unlocking;
  }, [unlocking]);

  return (
    <div className="locked-screen">
      <header className="app-header locked-header">
        <span className="brand">
          <img src="/favicon.svg" alt="" width="40" height="40" />
          <span>{t('app.name')}</span>
        </span>
        <p className="locked-title">{t(key('lockedTitle'))}</p>
      </header>
      <main id="main" className="main">
        {unlocking ? <UnlockForm lock={lock} onCancel={() => setUnlocking(false)} /> : children}
      </main>
      {unlocking ? null : (
        <footer className="locked-footer">
          <HoldButton
            buttonRef={holdRef}
            hint={t('screenLock.locked.holdHint')}
            holdingText={t('screenLock.locked.holding')}
            onHeld={() => setUnlocking(true)}
          >
            {t('screenLock.locked.unlock')}
          </HoldButton>
        </footer>
      )}
    </div>
  );
}

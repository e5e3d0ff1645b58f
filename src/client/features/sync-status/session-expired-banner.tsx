import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SyncPhase } from '../../sync/sync-engine';

export interface SessionExpiredBannerProps {
  phase: SyncPhase;
  /** A form holds unsaved input: ask to save it before going to sign in. */
  unsaved: boolean;
  /** Where to come back after signing in. */
  returnTo: string;
}

/**
 * Shown on every page while the server refuses this device's token (revoked
 * by a coordinator, or signed out elsewhere). It never navigates by itself,
 * so a half-filled form stays as it is; everything unsynced stays on the
 * device and syncs after the next sign-in.
 */
export function SessionExpiredBanner({ phase, unsaved, returnTo }: SessionExpiredBannerProps) {
  const { t } = useTranslation();
  if (phase !== 'needs_login') return null;
  return (
    <div className="update-banner session-banner" role="alert">
      <p>
        <strong>{t('auth.sessionExpired')}</strong>{' '}
        {t(unsaved ? 'auth.sessionExpiredSaveFirst' : 'auth.sessionExpiredHelp')}
      </p>
      {!unsaved ? (
        <div className="actions">
          <Link className="button button-primary" to="/login" state={{ from: returnTo }}>
            {t('auth.signInAgain')}
          </Link>
        </div>
      ) : null}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { SessionExpiredBanner } from '../features/sync-status/session-expired-banner';
import { AppHeader } from './app-header';
import { AppNav } from './app-nav';
import { PwaUpdateBanner } from './pwa-update';
import { RequireAccount } from './require-account';
import { useHasUnsavedChanges } from './unsaved-store';
import { useSyncStatus } from './use-sync';

/** Stays up while the server refuses this device's session; never leaves a form on its own. */
function SessionBanner() {
  const { phase } = useSyncStatus();
  const unsaved = useHasUnsavedChanges();
  const location = useLocation();
  return <SessionExpiredBanner phase={phase} unsaved={unsaved} returnTo={location.pathname} />;
}

function Shell({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <AppHeader signedIn={signedIn} />
      {signedIn ? <AppNav /> : null}
      {signedIn ? <SessionBanner /> : null}
      <PwaUpdateBanner />
      <main id="main" className="main">
        <Outlet />
      </main>
    </>
  );
}

/** Pages for signed-in users: full header with sync state. */
export function AppLayout() {
  return (
    <RequireAccount>
      <Shell signedIn />
    </RequireAccount>
  );
}

/** Sign-in and first-run pages: name and language only. */
export function PublicLayout() {
  return <Shell signedIn={false} />;
}

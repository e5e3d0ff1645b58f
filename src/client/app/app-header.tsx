import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAccount } from '../data/use-account';
import { UserMenu } from '../features/auth/user-menu';
import { NovedadesBadge } from '../features/novedades/novedades-badge';
import { SyncIndicator } from '../features/sync-status/sync-indicator';
import { LanguageSwitch } from '../ui/language-switch';
import { AppNavInMenu } from './app-nav';
import { useSyncStatus } from './use-sync';

/**
 * Always on screen (sticky, one row on a phone): the app's name, the sync
 * state and the user's menu, which holds the language (and, on a phone, the
 * sections of the bar below). Signed out, the language switch stands in the
 * header, since there is no menu yet.
 */
export function AppHeader({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <Link to="/" className="brand">
        <img src="/favicon.svg" alt="" width="40" height="40" />
        <span className="brand-name">{t('app.name')}</span>
      </Link>
      {signedIn ? <SignedInTools /> : <LanguageSwitch />}
    </header>
  );
}

function SignedInTools() {
  const status = useSyncStatus();
  const account = useAccount();
  return (
    <>
      <SyncIndicator status={status} />
      {account ? <NovedadesBadge /> : null}
      {account ? <UserMenu account={account}>{(close) => <AppNavInMenu onFollow={close} />}</UserMenu> : null}
    </>
  );
}

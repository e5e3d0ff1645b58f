import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAccount } from '../data/use-account';
import { UserMenu } from '../features/auth/user-menu';
import { SyncIndicator } from '../features/sync-status/sync-indicator';
import { LanguageSwitch } from '../ui/language-switch';
import { useSyncStatus } from './use-sync';

/** Always on screen: the app's name, sync state, language and the user's menu. */
export function AppHeader({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <Link to="/" className="brand">
        <img src="/favicon.svg" alt="" width="40" height="40" />
        <span>{t('app.name')}</span>
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
      <LanguageSwitch />
      {account ? <UserMenu account={account} /> : null}
    </>
  );
}

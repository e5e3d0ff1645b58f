import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listAccounts, resetPassword, updateAccount, type Account } from '../../data/use-accounts';
import { useDirectorates } from '../../data/use-territory';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { SaveConfirmation } from '../../ui/save-notice';
import { ActionNotice, ServerList } from '../../ui/server-answer';
import { useServerRead } from '../../ui/use-server-read';
import { AccountCard, type AccountAction } from './account-card';
import { accountsErrorText } from './remote-error';
import { ManagersOnlyPage } from '../../widgets/managers-only-page';
import './strings';

type Pending = { action: AccountAction; account: Account };

function ManageAccounts({ viewerId }: { viewerId: string }) {
  const { t } = useTranslation();
  const directorates = useDirectorates();
  const accounts = useServerRead(listAccounts, (error) => accountsErrorText(error, t));
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);

  const names = (ids: string[]) =>
    ids.map((id) => directorates?.find((d) => d.id === id)?.name ?? id.slice(0, 8)).join(', ');

  const run = async ({ action, account }: Pending) => {
    setPending(null);
    setMessage(null);
    accounts.setError(null);
    const name = account.displayName;
    try {
      if (action === 'reset') {
        const { oneTimeCode } = await resetPassword(account.id);
        setMessage(t('accounts.resetDone', { name, code: oneTimeCode }));
      } else {
        const saved = await updateAccount(account.id, { active: action === 'reactivate' });
        setMessage(t(action === 'reactivate' ? 'accounts.reactivated' : 'accounts.deactivated', { name }));
        accounts.setData((list) => list?.map((a) => (a.id === saved.id ? saved : a)) ?? null);
        return;
      }
      accounts.reload();
    } catch (error) {
      accounts.setError(error);
    }
  };

  const confirming = pending && pending.action !== 'reactivate' ? pending : null;
  return (
    <>
      <ActionNotice>{message}</ActionNotice>
      <ServerList read={accounts} words="accounts">
        {(account) => (
          <AccountCard
            key={account.id}
            account={account}
            own={account.id === viewerId}
            directorateNames={names}
            onAction={(action, target) =>
              action === 'reactivate'
                ? void run({ action, account: target })
                : setPending({ action, account: target })
            }
          />
        )}
      </ServerList>
      <ConfirmDialog
        open={confirming !== null}
        title={t(confirming?.action === 'reset' ? 'accounts.resetTitle' : 'accounts.deactivateTitle', {
          name: confirming?.account.displayName ?? '',
        })}
        confirmLabel={t(
          confirming?.action === 'reset' ? 'accounts.resetConfirm' : 'accounts.deactivateConfirm',
        )}
        danger={confirming?.action === 'deactivate'}
        onCancel={() => setPending(null)}
        onConfirm={() => confirming && void run(confirming)}
      >
        <p>{t(confirming?.action === 'reset' ? 'accounts.resetBody' : 'accounts.deactivateBody')}</p>
      </ConfirmDialog>
    </>
  );
}

/**
 * `/accounts`, for coordinators and administrators: the accounts they
 * manage, a new account, editing, resetting a password, deactivating (the
 * devices are signed out at once; the data stays) and enrolling a tablet.
 */
export function AccountsPage() {
  const { t } = useTranslation();
  return (
    <ManagersOnlyPage words="accounts" notice={<SaveConfirmation />} intro>
      {(account) => (
        <>
          <p>
            <Link to="/accounts/new" className="button button-primary">
              {t('accounts.new')}
            </Link>
          </p>
          <ManageAccounts viewerId={account.user.id} />
        </>
      )}
    </ManagersOnlyPage>
  );
}

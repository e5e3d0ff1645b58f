import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listUsers, type UserSummary } from '../../data/use-users';
import { RetryAlert } from '../../ui/form-alert';
import { DeviceList } from './device-list';
import { remoteErrorText } from './remote-error';
import { ManagersOnlyPage } from '../../widgets/managers-only-page';
import './strings';

/** Picks a user from the server's list; their devices load below. */
function ManageDevices() {
  const { t } = useTranslation();
  const selectId = useId();
  const [users, setUsers] = useState<UserSummary[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [selected, setSelected] = useState('');
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let active = true;
    setFailure(null);
    listUsers().then(
      (list) => active && setUsers(list),
      (error: unknown) => active && setFailure(remoteErrorText(error, t)),
    );
    return () => {
      active = false;
    };
  }, [attempt, t]);

  if (failure) {
    return (
      <RetryAlert retryLabel={t('devices.retry')} onRetry={() => setAttempt((n) => n + 1)}>
        {failure}
      </RetryAlert>
    );
  }
  if (users === null) return <p className="loading">{t('devices.loading')}</p>;
  const user = users.find((u) => u.id === selected);
  return (
    <>
      <div className="field narrow">
        <label htmlFor={selectId}>{t('devices.user')}</label>
        <select id={selectId} value={selected} onChange={(e) => setSelected(e.target.value)}>
          <option value="">{t('devices.chooseUser')}</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {t('devices.userOption', {
                name: u.displayName,
                role: t(`roles.${u.role}`),
                username: u.username,
              })}
            </option>
          ))}
        </select>
      </div>
      {user ? <DeviceList key={user.id} user={user} /> : null}
    </>
  );
}

/**
 * `/devices`, for coordinators and admins: each user's devices (one per
 * sign-in), and "Revocar" for a lost or handed-over tablet. A revoked tablet
 * keeps its unsynced changes and asks to sign in again; they sync after that.
 */
export function DevicesPage() {
  const { t } = useTranslation();
  return (
    <ManagersOnlyPage title={t('devices.title')} forbidden={t('devices.forbidden')}>
      {() => (
        <>
          <p>{t('devices.intro')}</p>
          <ManageDevices />
        </>
      )}
    </ManagersOnlyPage>
  );
}

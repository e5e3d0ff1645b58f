import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listUsers, type UserSummary } from '../../data/use-users';
import { PersonOptions } from '../../ui/person-options';
import { ServerAnswer } from '../../ui/server-answer';
import { useServerRead } from '../../ui/use-server-read';
import { DeviceList } from './device-list';
import { remoteErrorText } from './remote-error';
import { ManagersOnlyPage } from '../../widgets/managers-only-page';
import './strings';

/** Picks a user from the server's list; their devices load below. */
function PickUser({ users }: { users: UserSummary[] }) {
  const { t } = useTranslation();
  const selectId = useId();
  const [selected, setSelected] = useState('');
  const user = users.find((u) => u.id === selected);
  return (
    <>
      <div className="field narrow">
        <label htmlFor={selectId}>{t('devices.user')}</label>
        <select id={selectId} value={selected} onChange={(e) => setSelected(e.target.value)}>
          <option value="">{t('devices.chooseUser')}</option>
          <PersonOptions people={users} optionKey="devices.userOption" />
        </select>
      </div>
      {user ? <DeviceList key={user.id} user={user} /> : null}
    </>
  );
}

function ManageDevices() {
  const { t } = useTranslation();
  const users = useServerRead(listUsers, (error) => remoteErrorText(error, t));
  return (
    <ServerAnswer read={users} words="devices">
      {(list) => <PickUser users={list} />}
    </ServerAnswer>
  );
}

/**
 * `/devices`, for coordinators and admins: each user's devices (one per
 * sign-in), and "Revocar" for a lost or handed-over tablet. A revoked tablet
 * keeps its unsynced changes and asks to sign in again; they sync after that.
 */
export function DevicesPage() {
  return (
    <ManagersOnlyPage words="devices" intro>
      {() => <ManageDevices />}
    </ManagersOnlyPage>
  );
}

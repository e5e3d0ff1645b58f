import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listUserDevices, revokeDevice, type DeviceView, type UserSummary } from '../../data/use-users';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { formatDateTime, formatRelativeTime } from '../../ui/format';
import { ActionNotice, ServerList } from '../../ui/server-answer';
import { useNow } from '../../ui/use-now';
import { useServerRead } from '../../ui/use-server-read';
import { remoteErrorText } from './remote-error';
import './strings';

function When({ iso, now }: { iso: string; now: number }) {
  const { i18n } = useTranslation();
  return (
    <time dateTime={iso} title={formatDateTime(iso, i18n.language)}>
      {formatRelativeTime(iso, now, i18n.language)}
    </time>
  );
}

function DeviceItem({
  device,
  now,
  onRevoke,
}: {
  device: DeviceView;
  now: number;
  onRevoke(device: DeviceView): void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <li className="card device-card">
      <p>
        <strong>{device.deviceLabel}</strong> {device.current ? t('devices.thisDevice') : null}
      </p>
      <p className="small">
        {t('devices.created')}: <When iso={device.createdAt} now={now} /> · {t('devices.lastUsed')}:{' '}
        <When iso={device.lastUsedAt} now={now} />
      </p>
      <p>
        {device.revokedAt ? (
          <>
            {t('devices.revoked')} <When iso={device.revokedAt} now={now} />
          </>
        ) : (
          <strong>{t('devices.active')}</strong>
        )}
      </p>
      {!device.revokedAt ? (
        <div className="actions">
          <button
            type="button"
            className="button button-danger"
            aria-label={t('devices.revokeLabel', {
              label: device.deviceLabel,
              when: formatDateTime(device.createdAt, i18n.language),
            })}
            onClick={() => onRevoke(device)}
          >
            {t('devices.revoke')}
          </button>
        </div>
      ) : null}
    </li>
  );
}

/** One user's devices, with "Revocar" (after a confirmation) on the live ones. Needs the network. Key it by user. */
export function DeviceList({ user }: { user: UserSummary }) {
  const { t } = useTranslation();
  const now = useNow();
  const devices = useServerRead(
    useCallback(() => listUserDevices(user.id), [user.id]),
    (error) => remoteErrorText(error, t),
  );
  const [message, setMessage] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<DeviceView | null>(null);

  const revoke = async (device: DeviceView) => {
    setConfirming(null);
    setMessage(null);
    devices.setError(null);
    try {
      const revoked = await revokeDevice(device.id);
      devices.setData((list) => list?.map((d) => (d.id === revoked.id ? revoked : d)) ?? null);
      setMessage(t('devices.revokedNotice', { label: device.deviceLabel }));
    } catch (error) {
      devices.setError(error);
    }
  };

  return (
    <div className="stack">
      <h2>{t('devices.devicesOf', { name: user.displayName })}</h2>
      <ActionNotice>{message}</ActionNotice>
      <ServerList read={devices} words="devices">
        {(device) => <DeviceItem key={device.id} device={device} now={now} onRevoke={setConfirming} />}
      </ServerList>
      <ConfirmDialog
        open={confirming !== null}
        title={t('devices.revokeTitle')}
        confirmLabel={t('devices.revokeConfirm')}
        danger
        onCancel={() => setConfirming(null)}
        onConfirm={() => confirming && void revoke(confirming)}
      >
        <p>
          {t('devices.revokeQuestion', {
            label: confirming?.deviceLabel ?? '',
            name: user.displayName,
          })}
        </p>
      </ConfirmDialog>
    </div>
  );
}

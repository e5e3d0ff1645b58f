import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listUserDevices, revokeDevice, type DeviceView, type UserSummary } from '../../data/use-users';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { RetryAlert } from '../../ui/form-alert';
import { formatDateTime, formatRelativeTime } from '../../ui/format';
import { useNow } from '../../ui/use-now';
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
  const [devices, setDevices] = useState<DeviceView[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<DeviceView | null>(null);

  const load = useCallback(() => {
    let active = true;
    setFailure(null);
    listUserDevices(user.id).then(
      (list) => active && setDevices(list),
      (error: unknown) => active && setFailure(remoteErrorText(error, t)),
    );
    return () => {
      active = false;
    };
  }, [user.id, t]);

  useEffect(() => load(), [load]);

  const revoke = async (device: DeviceView) => {
    setConfirming(null);
    setMessage(null);
    setFailure(null);
    try {
      const revoked = await revokeDevice(device.id);
      setDevices((list) => list?.map((d) => (d.id === revoked.id ? revoked : d)) ?? null);
      setMessage(t('devices.revokedNotice', { label: device.deviceLabel }));
    } catch (error) {
      setFailure(remoteErrorText(error, t));
    }
  };

  return (
    <div className="stack">
      <h2>{t('devices.devicesOf', { name: user.displayName })}</h2>
      <div role="status">{message ? <p className="notice">{message}</p> : null}</div>
      <RetryAlert retryLabel={t('devices.retry')} onRetry={() => load()}>
        {failure}
      </RetryAlert>
      {devices === null ? (
        failure ? null : (
          <p className="loading">{t('devices.loading')}</p>
        )
      ) : devices.length === 0 ? (
        <p>{t('devices.none')}</p>
      ) : (
        <ul className="plain-list stack">
          {devices.map((device) => (
            <DeviceItem key={device.id} device={device} now={now} onRevoke={setConfirming} />
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={confirming !== null}
        title={t('devices.revokeTitle')}
        confirmLabel={t('devices.revokeConfirm')}
        cancelLabel={t('common.cancel')}
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

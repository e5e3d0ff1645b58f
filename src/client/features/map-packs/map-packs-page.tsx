/**
 * `/map-packs`: the office's offline maps. Anyone downloads a pack to this
 * device (then every map draws its streets with no network) or removes it to
 * free space; coordinators upload new packs and retire old ones.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccount } from '../../data/use-account';
import {
  downloadMapPack,
  removeMapPackFile,
  retireMapPack,
  StorageFullError,
  useMapPacks,
  type MapPackListItem,
} from '../../data/use-map-packs';
import { useStorageInfo } from '../../data/use-storage';
import { ApiError } from '../../net/api-client';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { formatDate } from '../../ui/format';
import { FormAlert } from '../../ui/form-alert';
import { PageHeading } from '../../ui/page-heading';
import { Loading } from '../../ui/status-views';
import { UploadForm } from './upload-form';
import './map-packs.css';
import './strings';

const megabytes = (bytes: number, locale: string) =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(
    bytes / 1024 / 1024,
  );

type Pending = { kind: 'remove' | 'retire'; pack: MapPackListItem } | null;

/** `onUploaded`: what to do once a pack is uploaded (the app syncs, so this device gets it). */
export function MapPacksPage({ onUploaded }: { onUploaded?: () => void }) {
  const { t } = useTranslation();
  const packs = useMapPacks();
  const account = useAccount();
  const manager = account?.user.role === 'coordinator' || account?.user.role === 'admin';
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<Record<string, number | null>>({});
  const [pending, setPending] = useState<Pending>(null);

  const explain = (e: unknown) => {
    if (e instanceof StorageFullError) return t('mapPacks.errors.storageFull');
    if (e instanceof ApiError && e.code === 'network') return t('mapPacks.errors.offline');
    return t('mapPacks.errors.failed', { message: e instanceof Error ? e.message : String(e) });
  };

  const download = async (pack: MapPackListItem) => {
    setStatus(null);
    setError(null);
    setProgress((p) => ({ ...p, [pack.sha256]: null }));
    try {
      await downloadMapPack(pack.sha256, (fraction) =>
        setProgress((p) => ({ ...p, [pack.sha256]: fraction })),
      );
      setStatus(t('mapPacks.downloadedStatus', { name: pack.name }));
    } catch (e) {
      setError(explain(e));
    } finally {
      setProgress((p) => {
        const next = { ...p };
        delete next[pack.sha256];
        return next;
      });
    }
  };

  const confirm = async () => {
    if (!pending) return;
    const { kind, pack } = pending;
    setPending(null);
    setStatus(null);
    setError(null);
    try {
      if (kind === 'remove') {
        await removeMapPackFile(pack.sha256);
        setStatus(t('mapPacks.removedStatus', { name: pack.name }));
      } else {
        await retireMapPack(pack.id);
        setStatus(t('mapPacks.retiredStatus', { name: pack.name }));
      }
    } catch (e) {
      setError(explain(e));
    }
  };

  if (packs === undefined || account === undefined) return <Loading />;
  const inUse = packs.find((p) => p.active && p.downloaded)?.sha256;
  const offered = packs.filter((p) => p.active || p.downloaded);

  return (
    <div className="map-packs-page">
      <PageHeading title={t('mapPacks.title')}>{t('mapPacks.title')}</PageHeading>
      <p>{t('mapPacks.intro')}</p>
      <StorageNote />
      <div role="status" aria-live="polite">
        {status ? <p className="map-packs-status">{status}</p> : null}
      </div>
      <FormAlert>{error}</FormAlert>

      <section aria-labelledby="map-packs-list-title">
        <h2 id="map-packs-list-title">{t('mapPacks.listTitle')}</h2>
        {offered.length === 0 ? <p className="empty">{t('mapPacks.empty')}</p> : null}
        <ul className="map-packs-list">
          {offered.map((pack) => (
            <PackItem
              key={pack.id}
              pack={pack}
              inUse={pack.sha256 === inUse}
              manager={manager}
              progress={pack.sha256 in progress ? (progress[pack.sha256] ?? null) : undefined}
              onDownload={() => void download(pack)}
              onRemove={() => setPending({ kind: 'remove', pack })}
              onRetire={() => setPending({ kind: 'retire', pack })}
            />
          ))}
        </ul>
      </section>

      {manager ? <UploadForm onUploaded={onUploaded} /> : null}

      <ConfirmDialog
        open={pending !== null}
        title={
          pending?.kind === 'retire'
            ? t('mapPacks.retireTitle', { name: pending.pack.name })
            : t('mapPacks.removeTitle', { name: pending?.pack.name ?? '' })
        }
        confirmLabel={pending?.kind === 'retire' ? t('mapPacks.retireConfirm') : t('mapPacks.removeConfirm')}
        danger
        onConfirm={() => void confirm()}
        onCancel={() => setPending(null)}
      >
        <p>
          {pending?.kind === 'retire'
            ? t('mapPacks.retireBody')
            : t('mapPacks.removeBody', { size: pending ? megabytes(pending.pack.size, 'es-MX') : '' })}
        </p>
      </ConfirmDialog>
    </div>
  );
}

function PackItem({
  pack,
  inUse,
  manager,
  progress,
  onDownload,
  onRemove,
  onRetire,
}: {
  pack: MapPackListItem;
  inUse: boolean;
  manager: boolean;
  /** undefined: not downloading; null: downloading, size unknown; else the fraction received. */
  progress: number | null | undefined;
  onDownload(): void;
  onRemove(): void;
  onRetire(): void;
}) {
  const { t, i18n } = useTranslation();
  const headingId = `map-pack-${pack.id}`;
  const downloading = progress !== undefined;
  return (
    <li className="card map-pack" aria-labelledby={headingId}>
      <h3 id={headingId}>{pack.name}</h3>
      <ul className="map-pack-facts">
        <li>{t('mapPacks.size', { size: megabytes(pack.size, i18n.language) })}</li>
        <li>{t('mapPacks.zooms', { min: pack.minZoom, max: pack.maxZoom })}</li>
        <li>{t('mapPacks.uploadedAt', { date: formatDate(pack.uploadedAt.slice(0, 10), i18n.language) })}</li>
        <li className={pack.downloaded ? 'map-pack-here' : undefined}>
          {pack.downloaded ? t('mapPacks.downloaded') : t('mapPacks.notDownloaded')}
        </li>
        {inUse ? <li>{t('mapPacks.inUse')}</li> : null}
        {!pack.active ? <li>{t('mapPacks.retired')}</li> : null}
      </ul>
      {downloading ? (
        <p>
          {progress === null
            ? t('mapPacks.downloadingUnknown')
            : t('mapPacks.downloading', { percent: Math.round(progress * 100) })}
          {progress !== null ? (
            <progress max={1} value={progress} aria-label={pack.name} className="map-pack-progress" />
          ) : null}
        </p>
      ) : null}
      <div className="map-pack-actions">
        {pack.downloaded ? (
          <button type="button" className="button" onClick={onRemove}>
            {t('mapPacks.remove')}
          </button>
        ) : pack.active ? (
          <button type="button" className="button button-primary" disabled={downloading} onClick={onDownload}>
            {t('mapPacks.download')}
          </button>
        ) : null}
        {manager && pack.active ? (
          <button type="button" className="button" onClick={onRetire}>
            {t('mapPacks.retire')}
          </button>
        ) : null}
      </div>
    </li>
  );
}

function StorageNote() {
  const { t, i18n } = useTranslation();
  const info = useStorageInfo();
  if (!info || info.usage === null) return <p className="muted">{t('mapPacks.storageHint')}</p>;
  const usage = megabytes(info.usage, i18n.language);
  return (
    <p className="muted">
      {info.quota
        ? t('mapPacks.storage', { usage, quota: megabytes(info.quota, i18n.language) })
        : t('mapPacks.storageUnknown', { usage })}{' '}
      {t('mapPacks.storageHint')}
    </p>
  );
}

/**
 * The office's exports: direct downloads built on the device from what it
 * holds (the coordinator's scope), filtered like the dashboards. Each is
 * built a step at a time with its progress shown; the page keeps answering.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardFilter } from '../../../domain/dashboard';
import {
  buildOfficeExport,
  buildPhotoExport,
  type ExportProgress,
  type OfficeExportKind,
} from '../../data/use-office';
import { ChoiceButtons } from '../../ui/choice-buttons';
import { downloadFile } from '../../ui/download-file';
import { formatNumber } from '../../ui/format';
import { spanishLabels } from './labels';
import './strings';

type Kind = OfficeExportKind | 'photos';
const KINDS: Kind[] = ['xlsx', 'csv', 'units', 'notes', 'photos'];

function size(bytes: number, locale: string): string {
  return bytes >= 1024 * 1024
    ? `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10, locale)} MB`
    : `${formatNumber(Math.max(1, Math.round(bytes / 1024)), locale)} kB`;
}

export function ExportsSection({ filter }: { filter: DashboardFilter }) {
  const { t, i18n } = useTranslation();
  const [running, setRunning] = useState<{ kind: Kind; progress: ExportProgress } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const run = async (kind: Kind) => {
    setMessage(null);
    setFailure(null);
    setRunning({ kind, progress: { done: 0, total: 1 } });
    const onProgress = (progress: ExportProgress) => setRunning({ kind, progress });
    try {
      if (kind === 'photos') {
        const file = await buildPhotoExport(filter, onProgress);
        downloadFile(file.fileName, file.blob);
        const args = { file: file.fileName, size: size(file.blob.size, i18n.language) };
        setMessage(
          file.missing > 0
            ? t('dashboards.exports.photosDone', { ...args, missing: file.missing, photos: file.photos })
            : t('dashboards.exports.done', args),
        );
      } else {
        const file = await buildOfficeExport(kind, filter, spanishLabels(), onProgress);
        downloadFile(file.fileName, file.blob);
        setMessage(
          t('dashboards.exports.done', { file: file.fileName, size: size(file.blob.size, i18n.language) }),
        );
      }
    } catch (error) {
      setFailure(
        t('dashboards.exports.failed', { message: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      setRunning(null);
    }
  };

  return (
    <section className="page-section office-exports-section" aria-labelledby="office-exports">
      <h2 id="office-exports">{t('dashboards.exports.title')}</h2>
      <p>{t('dashboards.exports.intro')}</p>
      <ChoiceButtons
        className="office-exports"
        choices={KINDS}
        label={(kind) => t(`dashboards.exports.${kind}`)}
        busy={running !== null}
        onChoose={(kind) => void run(kind)}
      />
      <div role="status">
        {running ? (
          <>
            <p>
              {t('dashboards.exports.working', {
                name: t(`dashboards.exports.${running.kind}`),
                done: running.progress.done,
                total: running.progress.total,
              })}
            </p>
            <progress max={running.progress.total} value={running.progress.done} />
          </>
        ) : null}
        {message ? <p>{message}</p> : null}
      </div>
      {failure ? <p role="alert">{failure}</p> : null}
    </section>
  );
}

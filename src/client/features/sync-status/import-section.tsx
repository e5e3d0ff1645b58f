import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useAccount } from '../../data/use-account';
import { ImportFileError, importUnsyncedFile, type ImportReport } from '../../data/use-unsynced-file';
import { ApiError } from '../../net/api-client';
import { syncErrorText } from './sync-labels';
import { FormAlert } from '../../ui/form-alert';
import './strings';

function importErrorText(error: unknown, t: TFunction): string {
  if (error instanceof ImportFileError) return t(`import.errors.${error.problem}`);
  if (error instanceof ApiError) {
    if (error.code === 'network') return t('import.errors.network');
    if (error.code === 'forbidden') return t('import.errors.forbidden');
    if (error.code === 'invalid_request') return t('import.errors.wrong_format');
    return syncErrorText(error.code, t);
  }
  return t('import.errors.other', { message: String(error) });
}

function BlobReport({ blobs }: { blobs: ImportReport['blobs'] }) {
  const { t } = useTranslation();
  if (blobs.stored + blobs.existing + blobs.rejected.length === 0) return null;
  return (
    <>
      <p>
        {t('import.blobCounts', {
          stored: blobs.stored,
          existing: blobs.existing,
          rejected: blobs.rejected.length,
        })}
      </p>
      {blobs.rejected.length > 0 ? (
        <ul>
          {blobs.rejected.map((r, i) => (
            <li key={`${r.sha256}:${i}`}>
              {t('import.blobRejected', {
                sha: `${r.sha256.slice(0, 12)}…`,
                reason: syncErrorText(r.code, t),
              })}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function Report({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  return (
    <div className="notice">
      <p>
        <strong>{t('import.done')}</strong>{' '}
        {t('import.counts', {
          applied: report.applied,
          unchanged: report.unchanged,
          rejected: report.rejected.length,
        })}
      </p>
      {report.rejected.length > 0 ? (
        <>
          <p>{t('import.rejectedHelp')}</p>
          <ul>
            {report.rejected.map((r, i) => (
              <li key={`${r.entity}:${r.id}:${i}`}>
                {t(`entities.${r.entity}`, { defaultValue: r.entity })} <code>{r.id.slice(0, 13)}…</code>:{' '}
                {syncErrorText(r.code, t)}
                {r.message ? ` — ${r.message}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <BlobReport blobs={report.blobs} />
    </div>
  );
}

/**
 * Coordinators, on /sync: upload a device's "tequio-pendientes-….json" and
 * see what the server did with it. Importing the same file twice is harmless.
 */
export function ImportSection() {
  const { t } = useTranslation();
  const account = useAccount();
  const headingId = useId();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const role = account?.user.role;
  if (role !== 'admin' && role !== 'coordinator') return null;

  const submit = async () => {
    const file = input.current?.files?.[0];
    setReport(null);
    setFailure(null);
    if (!file) {
      setFailure(t('import.chooseFile'));
      input.current?.focus();
      return;
    }
    setBusy(true);
    try {
      setReport(await importUnsyncedFile(file));
    } catch (error) {
      setFailure(importErrorText(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={headingId} className="page-section">
      <h2 id={headingId}>{t('import.title')}</h2>
      <p>{t('import.help')}</p>
      <form
        className="form card"
        noValidate
        aria-busy={busy}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="field">
          <label htmlFor={inputId}>{t('import.file')}</label>
          <input id={inputId} ref={input} type="file" accept="application/json,.json" />
        </div>
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('import.importing') : t('import.submit')}
          </button>
        </div>
        <FormAlert>{failure}</FormAlert>
        <div role="status">{report ? <Report report={report} /> : null}</div>
      </form>
    </section>
  );
}

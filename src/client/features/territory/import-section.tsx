/** Uploading the borough's GeoJSON: the server imports it and answers with a report shown here in full. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportFileError, importTerritory } from '../../data/use-territory';
import { ApiError } from '../../net/api-client';
import { formatNumber } from '../../ui/format';
import { FormAlert } from '../../ui/form-alert';
import './strings';

type Report = Awaited<ReturnType<typeof importTerritory>>;

/** `onImported` lets the app pull the new units at once (a sync) instead of at the next scheduled one. */
export function ImportSection({ onImported }: { onImported?: () => void }) {
  const { t, i18n } = useTranslation();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const n = (value: number) => formatNumber(value, i18n.language);

  const run = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      setReport(await importTerritory(file));
      onImported?.();
    } catch (e) {
      if (e instanceof ImportFileError) setError(t(`territory.import.errors.${e.problem}`));
      else if (e instanceof ApiError && e.code === 'network') setError(t('territory.import.offline'));
      else if (e instanceof ApiError && e.code === 'forbidden') setError(t('territory.import.forbidden'));
      else setError(t('territory.import.failed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`}>{t('territory.import.title')}</h2>
      <p>{t('territory.import.hint')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <label htmlFor={inputId}>{t('territory.import.file')}</label>
        <input
          id={inputId}
          type="file"
          accept=".geojson,.json,application/geo+json,application/json"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <button type="submit" className="button button-primary" disabled={!file || busy}>
          {busy ? t('territory.import.running') : t('territory.import.submit')}
        </button>
      </form>
      <FormAlert>{error}</FormAlert>
      {report ? (
        <div role="status" className="import-report">
          <h3>{t('territory.import.reportTitle')}</h3>
          <ul>
            <li>{t('territory.import.units', { count: report.units, formatted: n(report.units) })}</li>
            <li>{t('territory.import.population', { formatted: n(report.population) })}</li>
            <li>{t('territory.import.added', { count: report.added })}</li>
            <li>{t('territory.import.updated', { count: report.updated })}</li>
            <li>{t('territory.import.unchanged', { count: report.unchanged })}</li>
            <li>{t('territory.import.refused', { count: report.refused.length })}</li>
            <li>{t('territory.import.time', { seconds: (report.ms / 1000).toFixed(1) })}</li>
          </ul>
          {report.refused.length > 0 ? (
            <ul aria-label={t('territory.import.refusedList')}>
              {report.refused.map((r) => (
                <li key={`${r.index}:${r.code}`}>
                  {t('territory.import.refusedItem', {
                    index: r.index + 1,
                    key: r.key ?? '—',
                    message: r.message,
                  })}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

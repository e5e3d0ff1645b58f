import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportProcessTours, useTourExportCounts } from '../../data/use-tour-exports';
import { formatNumber } from '../../ui/format';
import { ChoiceButtons } from '../../ui/choice-buttons';
import { downloadTextFile } from '../../ui/download-file';
import './strings';

type Format = 'geojson' | 'gpx';

/** Each file, with its button's words; a GPX holds only tracks, so it is offered only with a track. */
const FILES: Record<Format, { extension: string; type: string; label: string; needsTrack: boolean }> = {
  geojson: {
    extension: 'geojson',
    type: 'application/geo+json',
    label: 'tourExports.downloadGeoJson',
    needsTrack: false,
  },
  gpx: { extension: 'gpx', type: 'application/gpx+xml', label: 'tourExports.downloadGpx', needsTrack: true },
};
const FORMATS: Format[] = ['geojson', 'gpx'];

/** The figures the section lists, each under its own words (`tourExports.<figure>`). */
const FIGURES = ['tours', 'notes', 'trackPoints'] as const;

/**
 * "Recorridos" on the process page: how many tours, notes and track points
 * the process has on this device, and its notes and tracks as GeoJSON and
 * its tracks as GPX, built on the device (offline). Hidden until the process
 * has a tour.
 */
export function ProcessTourExports({ processId }: { processId: string }) {
  const { t, i18n } = useTranslation();
  const counts = useTourExportCounts(processId);
  const [busy, setBusy] = useState<Format | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  if (!counts || counts.tours === 0) return null;
  const number = (n: number) => formatNumber(n, i18n.language);

  const download = async (format: Format) => {
    setBusy(format);
    setResult(null);
    try {
      const exported = await exportProcessTours(processId);
      const { extension, type } = FILES[format];
      const fileName = `${exported.fileBase}.${extension}`;
      downloadTextFile(fileName, exported[format], type);
      setResult({ ok: true, text: t('tourExports.downloaded', { fileName }) });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      setResult({ ok: false, text: t('tourExports.failed', { reason }) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="tour-exports-title" className="page-section">
      <h2 id="tour-exports-title">{t('tourExports.title')}</h2>
      <p>{t('tourExports.help')}</p>
      <dl className="facts" aria-label={t('tourExports.summary')}>
        {FIGURES.map((figure) => (
          <div key={figure}>
            <dt>{t(`tourExports.${figure}`)}</dt>
            <dd>{number(counts[figure])}</dd>
          </div>
        ))}
      </dl>
      {counts.notesWithoutLocation > 0 ? (
        <p className="field-hint">
          {t('tourExports.notesWithoutLocation', { count: counts.notesWithoutLocation })}
        </p>
      ) : null}
      {counts.trackPoints === 0 ? <p className="field-hint">{t('tourExports.noTrack')}</p> : null}
      <ChoiceButtons
        className="actions"
        choices={FORMATS.filter((format) => counts.trackPoints > 0 || !FILES[format].needsTrack)}
        label={(format) => t(FILES[format].label)}
        busy={busy !== null}
        onChoose={(format) => void download(format)}
      />
      <div role="status" aria-live="polite">
        {busy ? <p className="field-hint">{t('tourExports.preparing')}</p> : null}
        {result ? <p className={result.ok ? 'notice' : 'form-alert'}>{result.text}</p> : null}
      </div>
    </section>
  );
}

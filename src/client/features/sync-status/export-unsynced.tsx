import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportUnsynced } from '../../data/use-unsynced-file';
import { downloadTextFile } from '../../ui/download-file';

/**
 * "Descargar cambios sin sincronizar": the last resort. Works offline; the
 * changes stay on the device and still sync on their own later (importing
 * the file as well does no harm).
 */
export function ExportUnsynced({ waiting }: { waiting: number }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const run = async () => {
    setBusy(true);
    setResult(null);
    try {
      const { fileName, json } = await exportUnsynced();
      downloadTextFile(fileName, json);
      setResult({ ok: true, text: t('storage.exported', { fileName }) });
    } catch (error) {
      setResult({ ok: false, text: t('storage.exportFailed', { reason: String(error) }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="card stack">
      <h3>{t('storage.exportTitle')}</h3>
      <p>{t('storage.exportHelp')}</p>
      <div className="actions">
        <button type="button" className="button" disabled={busy || waiting === 0} onClick={() => void run()}>
          {busy ? t('storage.exporting') : t('storage.export')}
        </button>
      </div>
      {waiting === 0 ? <p className="field-hint">{t('storage.nothingToExport')}</p> : null}
      <div role="status">
        {result ? <p className={result.ok ? 'notice' : 'form-alert'}>{result.text}</p> : null}
      </div>
    </div>
  );
}

import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../ui/form-alert';
import { errorReason } from '../../ui/use-entity-form';
import type { Paper } from './pdf-from-page';
import './strings';

const PAPER_KEY = 'tequio.paper';

function savedPaper(): Paper {
  try {
    return localStorage.getItem(PAPER_KEY) === 'a4' ? 'a4' : 'letter';
  } catch {
    return 'letter';
  }
}

/**
 * Paper size, "Imprimir" (the browser's print, from the print CSS) and
 * "Descargar PDF" (made on the device; jsPDF loads only when asked). The
 * chosen size sets the printed page's `@page` size.
 */
export function PrintToolbar({
  documentRef,
  fileName,
}: {
  documentRef: RefObject<HTMLElement | null>;
  fileName: string;
}) {
  const { t } = useTranslation();
  const [paper, setPaper] = useState<Paper>(savedPaper);
  const [pdfState, setPdfState] = useState<'idle' | 'working' | 'ready'>('idle');
  const [error, setError] = useState<string | null>(null);
  const canPrint = typeof window.print === 'function';

  const choose = (next: Paper) => {
    setPaper(next);
    try {
      localStorage.setItem(PAPER_KEY, next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  };

  const downloadPdf = async () => {
    if (!documentRef.current) return;
    setError(null);
    setPdfState('working');
    try {
      const { downloadPdfOf } = await import('./pdf-from-page');
      await downloadPdfOf(documentRef.current, paper, fileName, t('agenda.doc.page'));
      setPdfState('ready');
    } catch (e) {
      setPdfState('idle');
      setError(t('agenda.print.pdfFailed', { reason: errorReason(e) }));
    }
  };

  return (
    <div className="print-toolbar no-print">
      <style>{`@page { size: ${paper === 'a4' ? 'A4' : 'letter'}; }`}</style>
      <div className="field">
        <label htmlFor="print-paper">{t('agenda.print.paper')}</label>
        <select id="print-paper" value={paper} onChange={(e) => choose(e.currentTarget.value as Paper)}>
          <option value="letter">{t('agenda.print.letter')}</option>
          <option value="a4">{t('agenda.print.a4')}</option>
        </select>
      </div>
      <div className="actions">
        {canPrint ? (
          <button type="button" className="button button-primary" onClick={() => window.print()}>
            {t('agenda.print.button')}
          </button>
        ) : (
          <p>{t('agenda.print.noPrint')}</p>
        )}
        <button
          type="button"
          className={canPrint ? 'button' : 'button button-primary'}
          disabled={pdfState === 'working'}
          onClick={() => void downloadPdf()}
        >
          {pdfState === 'working' ? t('agenda.print.pdfWorking') : t('agenda.print.pdf')}
        </button>
      </div>
      <p role="status" className="field-hint">
        {pdfState === 'ready' ? t('agenda.print.pdfReady') : null}
      </p>
      <FormAlert>{error}</FormAlert>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useVisions } from '../../data/use-vision';
import './strings';

/** "Visión" on the process page: how many statements, and the way to the list and the form. */
export function ProcessVisionSummary({ processId }: { processId: string }) {
  const { t } = useTranslation();
  const visions = useVisions(processId);
  if (!visions) return null;
  return (
    <section aria-labelledby="vision-summary-title" className="page-section">
      <h2 id="vision-summary-title">{t('vision.summaryTitle')}</h2>
      <p className={visions.length === 0 ? 'field-hint' : undefined}>
        {visions.length === 0 ? t('vision.summaryEmpty') : t('vision.count', { count: visions.length })}
      </p>
      <div className="actions">
        <Link to={`/processes/${processId}/vision`} className="button">
          {t('vision.viewAll')}
        </Link>
        <Link to={`/processes/${processId}/vision/new`} className="button">
          {t('vision.new')}
        </Link>
      </div>
    </section>
  );
}

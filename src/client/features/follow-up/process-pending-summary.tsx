import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePending } from '../../data/use-follow-up';
import './strings';

/** "Pendientes" on the process page: how many are overdue and due this week, and the way to the list. */
export function ProcessPendingSummary({ processId }: { processId: string }) {
  const { t } = useTranslation();
  const items = usePending(processId);
  if (!items) return null;
  const overdue = items.filter((i) => i.state === 'overdue').length;
  const week = items.filter((i) => i.state === 'due_this_week').length;
  return (
    <section aria-labelledby="pending-summary-title" className="page-section">
      <h2 id="pending-summary-title">{t('followUp.pending.title')}</h2>
      <p>{t('followUp.pending.summary', { overdue, week })}</p>
      <div className="actions">
        <Link to={`/processes/${processId}/pendientes`} className="button">
          {t('followUp.pending.viewAll')}
        </Link>
      </div>
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { useVisions } from '../../data/use-vision';
import { RecordsCount, RecordsSummary } from '../../ui/records-summary';
import './strings';

/** "Visión" on the process page: how many statements, and the way to the list and the form. */
export function ProcessVisionSummary({ processId }: { processId: string }) {
  const { t } = useTranslation();
  const visions = useVisions(processId);
  if (!visions) return null;
  return (
    <RecordsSummary
      id="vision-summary-title"
      title={t('vision.summaryTitle')}
      listTo={`/processes/${processId}/vision`}
      viewAllLabel={t('vision.viewAll')}
      newLabel={t('vision.new')}
    >
      <RecordsCount
        count={visions.length}
        empty={t('vision.summaryEmpty')}
        counted={t('vision.count', { count: visions.length })}
      />
    </RecordsSummary>
  );
}

import { useTranslation } from 'react-i18next';
import { THEMATIC_AREAS } from '../../../domain';
import { useProblems } from '../../data/use-problems';
import { formatNumber } from '../../ui/format';
import { RecordsSummary } from '../../ui/records-summary';
import './problems.css';
import './strings';

/**
 * "Autodiagnóstico" on the process page: how many problems the community
 * has identified (merged ones live on inside another, so they do not
 * count), how many per thematic area, and the way to the list and the form.
 */
export function ProcessProblemsSummary({ processId }: { processId: string }) {
  const { t, i18n } = useTranslation();
  const problems = useProblems(processId);
  if (!problems) return null;
  const active = problems.filter((p) => !p.mergedIntoId);
  const counts = THEMATIC_AREAS.map((area) => ({
    area,
    count: active.filter((p) => p.theme === area).length,
  })).filter((c) => c.count > 0);
  return (
    <RecordsSummary kind="problems" processId={processId}>
      {active.length === 0 ? (
        <p className="field-hint">{t('problems.summaryEmpty')}</p>
      ) : (
        <>
          <p>
            <strong>{t('problems.count', { count: active.length })}</strong>
          </p>
          <ul className="plain-list problem-theme-counts" aria-label={t('problems.byTheme')}>
            {counts.map(({ area, count }) => (
              <li key={area}>
                {t('problems.themeCount', {
                  theme: t(`vocabulary.themes.${area}`),
                  number: formatNumber(count, i18n.language),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </RecordsSummary>
  );
}

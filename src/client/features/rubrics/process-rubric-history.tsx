import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MOMENTS } from '../../../domain';
import { useProcessRubricScores, type ScoredRubric } from '../../data/use-rubrics';
import { useSessions } from '../../data/use-sessions';
import { formatDateTime } from '../../ui/format';
import { SaveConfirmation } from '../../ui/save-notice';
import { Loading } from '../../ui/status-views';
import { formatMean, levelPercent } from './rubric-format';
import './strings';
import './rubrics.css';

/** What a score was given to: a moment, or a session by its title. */
function useTargetLabel() {
  const { t } = useTranslation();
  return (item: ScoredRubric, titles: Map<string, string>) =>
    item.score.target === 'moment' && item.score.moment
      ? t(`rubrics.moments.${item.score.moment}`)
      : (titles.get(item.score.sessionId ?? '') ?? t('rubrics.history.unknownSession'));
}

function ScoreCard({ item, target }: { item: ScoredRubric; target: string }) {
  const { t, i18n } = useTranslation();
  const { score, template } = item;
  const interviews = score.interviews ?? [];
  return (
    <li className="card rubric-score">
      <p className="card-kicker">
        <time dateTime={score.scoredAt}>{formatDateTime(score.scoredAt, i18n.language)}</time>
      </p>
      <h4 className="rubric-card-title">{target}</h4>
      <p>
        {template
          ? t('rubrics.history.templateVersion', { name: template.name, version: score.templateVersion })
          : t('rubrics.history.unknownTemplate', { version: score.templateVersion })}
      </p>
      <p>
        <strong>{t('rubrics.history.mean', { mean: formatMean(item.mean, i18n.language) })}</strong>
      </p>
      <ul className="plain-list rubric-levels">
        {Object.entries(score.levels).map(([criterionId, level]) => (
          <li key={criterionId}>
            {t('rubrics.history.criterionLevel', {
              label: template?.criteria.find((c) => c.id === criterionId)?.label ?? criterionId,
              level,
            })}
          </li>
        ))}
      </ul>
      {score.comment ? <p className="prewrap">{score.comment}</p> : null}
      <p className="small">{t('rubrics.history.interviews', { count: interviews.length })}</p>
    </li>
  );
}

/** Mean levels over time as CSS bars; each bar's value is written out, so nothing depends on seeing it. */
function MeanChart({
  items,
  label,
}: {
  items: { key: string; label: string; mean: number }[];
  label: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <figure className="rubric-chart">
      <figcaption>{label}</figcaption>
      <ol className="plain-list">
        {items.map((item) => (
          <li key={item.key} className="rubric-chart-row">
            <span className="rubric-chart-label">
              {item.label}: {t('rubrics.levelOfFour', { mean: formatMean(item.mean, i18n.language) })}
            </span>
            <span className="rubric-bar" aria-hidden="true">
              <span style={{ width: levelPercent(item.mean) }} />
            </span>
          </li>
        ))}
      </ol>
    </figure>
  );
}

/**
 * The process page's "Rúbricas" section: score one of the three moments, and
 * the scores given so far (corrections applied), oldest first, with a chart
 * of their mean levels.
 */
export function ProcessRubricHistory({ processId }: { processId: string }) {
  const { t, i18n } = useTranslation();
  const scores = useProcessRubricScores(processId);
  const sessions = useSessions(processId);
  const targetLabel = useTargetLabel();
  const titles = new Map((sessions ?? []).map((s) => [s.id, s.title]));
  return (
    <section className="page-section rubric-history" aria-labelledby="rubric-history-title">
      <h2 id="rubric-history-title">{t('rubrics.history.title')}</h2>
      <SaveConfirmation region="rubrics" />
      <h3>{t('rubrics.history.scoreMoment')}</h3>
      <div className="actions">
        {MOMENTS.map((moment) => (
          <Link key={moment} className="button" to={`/processes/${processId}/rubrics/score?moment=${moment}`}>
            {t(`rubrics.moments.${moment}`)}
          </Link>
        ))}
      </div>
      <h3>{t('rubrics.history.overTime')}</h3>
      {scores === undefined ? (
        <Loading />
      ) : scores.length === 0 ? (
        <p className="empty">{t('rubrics.history.empty')}</p>
      ) : (
        <>
          <MeanChart
            label={t('rubrics.history.chart')}
            items={scores.map((item) => ({
              key: item.score.id,
              label: `${formatDateTime(item.score.scoredAt, i18n.language)} · ${targetLabel(item, titles)}`,
              mean: item.mean,
            }))}
          />
          <ol className="plain-list card-grid">
            {scores.map((item) => (
              <ScoreCard key={item.score.id} item={item} target={targetLabel(item, titles)} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

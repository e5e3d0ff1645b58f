import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSessionRubricScores } from '../../data/use-rubrics';
import './strings';
import './rubrics.css';

/** On the session page: how many rubric scores the session has, and one tap to score it. */
export function SessionRubricLink({
  sessionId,
  processId,
}: {
  sessionId: string;
  processId: string;
  sessionType: string;
}) {
  const { t } = useTranslation();
  const scores = useSessionRubricScores(sessionId);
  return (
    <section className="card rubric-session-link" aria-labelledby="session-rubric-title">
      <h2 id="session-rubric-title">{t('rubrics.session.title')}</h2>
      <p>
        {scores === undefined ? t('common.loading') : t('rubrics.session.count', { count: scores.length })}
      </p>
      <Link
        className="button"
        to={`/processes/${processId}/rubrics/score?sessionId=${encodeURIComponent(sessionId)}`}
      >
        {t('rubrics.session.score')}
      </Link>
    </section>
  );
}

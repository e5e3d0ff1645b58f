import { useTranslation } from 'react-i18next';
import { useSessionRubricScores } from '../../data/use-rubrics';
import { SessionFormLink, SessionSection, type SessionSectionProps } from '../../ui/session-section';
import './strings';
import './rubrics.css';

/** On the session page: how many rubric scores the session has, and one tap to score it. */
export function SessionRubricLink({ sessionId, processId }: SessionSectionProps) {
  const { t } = useTranslation();
  const scores = useSessionRubricScores(sessionId);
  return (
    <SessionSection
      id="session-rubric-title"
      title={t('rubrics.session.title')}
      className="rubric-session-link"
    >
      <p>
        {scores === undefined ? t('common.loading') : t('rubrics.session.count', { count: scores.length })}
      </p>
      <SessionFormLink processId={processId} path="rubrics/score" sessionId={sessionId}>
        {t('rubrics.session.score')}
      </SessionFormLink>
    </SessionSection>
  );
}

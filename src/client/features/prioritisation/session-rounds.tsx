import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useBallotProblems, useSessionRounds } from '../../data/use-prioritisation';
import { LoadedList } from '../../ui/loaded-list';
import { SessionSection, type SessionSectionProps } from '../../ui/session-section';
import { NeedProblemsNotice } from './need-problems-notice';
import './strings';
import './prioritisation.css';

/** On the session page: the session's votes (rounds) and a way to open a new one. */
export function SessionRounds({ sessionId, processId }: Omit<SessionSectionProps, 'sessionType'>) {
  const { t } = useTranslation();
  const rounds = useSessionRounds(sessionId);
  const problems = useBallotProblems(processId);
  return (
    <SessionSection
      id="session-rounds-title"
      title={t('prioritisation.session.title')}
      className="prioritisation-session"
    >
      <LoadedList items={rounds} empty={t('prioritisation.session.empty')}>
        {(items) => (
          <ul className="plain-list stack">
            {items.map(({ round, participants }) => (
              <li key={round.id}>
                <Link className="card card-link round-link" to={`/rounds/${round.id}`}>
                  <span className="card-title">{round.title}</span>
                  <span className="round-meta">
                    {t(`prioritisation.methods.${round.method}`)} ·{' '}
                    <span className={`round-status round-status-${round.status}`}>
                      {t(`prioritisation.status.${round.status}`)}
                    </span>{' '}
                    · {t('prioritisation.session.participants', { count: participants })}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </LoadedList>
      {problems === undefined ? null : problems.length < 2 ? (
        <NeedProblemsNotice processId={processId} count={problems.length} />
      ) : (
        <Link className="button button-primary" to={`/sessions/${sessionId}/rounds/new`}>
          {t('prioritisation.session.new')}
        </Link>
      )}
    </SessionSection>
  );
}

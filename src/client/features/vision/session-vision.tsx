import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSessionVisions } from '../../data/use-vision';
import { LoadedList } from '../../ui/loaded-list';
import { SessionFormLink, SessionSection, type SessionSectionProps } from '../../ui/session-section';
import './strings';

/** On the session page: the vision statements built in it, and one tap to add another. */
export function SessionVision({ sessionId, processId }: Omit<SessionSectionProps, 'sessionType'>) {
  const { t } = useTranslation();
  const visions = useSessionVisions(processId, sessionId);
  return (
    <SessionSection id="session-vision-title" title={t('vision.session.title')}>
      <LoadedList items={visions} empty={t('vision.session.empty')} emptyClassName="field-hint">
        {(items) => (
          <ul className="plain-list stack">
            {items.map((v) => (
              <li key={v.id}>
                <Link to={`/vision/${v.id}`} className="link-target">
                  {v.text}
                </Link>{' '}
                · {t(`vocabulary.themes.${v.theme}`)}
              </li>
            ))}
          </ul>
        )}
      </LoadedList>
      <SessionFormLink processId={processId} path="vision/new" sessionId={sessionId}>
        {t('vision.session.add')}
      </SessionFormLink>
    </SessionSection>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSessionVisions } from '../../data/use-vision';
import './strings';

/** On the session page: the vision statements built in it, and one tap to add another. */
export function SessionVision({ sessionId, processId }: { sessionId: string; processId: string }) {
  const { t } = useTranslation();
  const visions = useSessionVisions(processId, sessionId);
  return (
    <section className="card" aria-labelledby="session-vision-title">
      <h2 id="session-vision-title">{t('vision.session.title')}</h2>
      {visions === undefined ? (
        <p>{t('common.loading')}</p>
      ) : visions.length === 0 ? (
        <p className="field-hint">{t('vision.session.empty')}</p>
      ) : (
        <ul className="plain-list stack">
          {visions.map((v) => (
            <li key={v.id}>
              <Link to={`/vision/${v.id}`} className="link-target">
                {v.text}
              </Link>{' '}
              · {t(`vocabulary.themes.${v.theme}`)}
            </li>
          ))}
        </ul>
      )}
      <Link
        className="button"
        to={`/processes/${processId}/vision/new?sessionId=${encodeURIComponent(sessionId)}`}
      >
        {t('vision.session.add')}
      </Link>
    </section>
  );
}

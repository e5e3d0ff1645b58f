import { useTranslation } from 'react-i18next';
import { useOpenAgreements } from '../../data/use-sessions';
import { formatDate } from '../../ui/format';
import './strings';

/**
 * The process's open agreements at a glance, soonest due first, each with
 * the session where it was made (named, not linked: the session cards below
 * are the way in, and one link per session keeps the page simple to scan).
 */
export function OpenAgreements({ processId }: { processId: string }) {
  const { t, i18n } = useTranslation();
  const open = useOpenAgreements(processId);
  if (!open) return null;
  return (
    <section aria-labelledby="open-agreements-title">
      <h2 id="open-agreements-title">{t('processes.openAgreements.title')}</h2>
      {open.length === 0 ? (
        <p className="field-hint">{t('processes.openAgreements.none')}</p>
      ) : (
        <ul className="plain-list">
          {open.map(({ agreement, sessionId, sessionTitle, sessionDate }) => (
            <li key={`${sessionId}:${agreement.id}`}>
              <strong>{agreement.text}</strong> — {agreement.responsible} ·{' '}
              {t(`vocabulary.agreementStatuses.${agreement.status}`)}
              {agreement.dueDate
                ? ` · ${t('processes.openAgreements.due', { date: formatDate(agreement.dueDate, i18n.language) })}`
                : ''}{' '}
              ({sessionTitle}, {formatDate(sessionDate, i18n.language)})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

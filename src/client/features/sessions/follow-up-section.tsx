import { useTranslation } from 'react-i18next';
import { AGREEMENT_STATUSES } from '../../../domain';
import { setAgreementStatus, useOpenAgreements } from '../../data/use-sessions';
import { formatDate } from '../../ui/format';
import './strings';

/**
 * Follow-up at the start of a new session: the open agreements of the
 * process's earlier sessions, each with one-tap status buttons that update
 * the session where it was agreed (a write of its own, saved at once, not
 * with the new session). Nothing shows when there is nothing to follow up.
 */
export function FollowUpSection({ processId }: { processId: string }) {
  const { t, i18n } = useTranslation();
  const open = useOpenAgreements(processId);
  if (!open || open.length === 0) return null;
  return (
    <section className="section open-agreements" aria-labelledby="follow-up-title">
      <h2 id="follow-up-title">{t('followUp.title')}</h2>
      <p className="field-hint">{t('followUp.hint')}</p>
      <ul className="plain-list">
        {open.map(({ agreement, sessionId, sessionTitle, sessionDate }) => (
          <li key={`${sessionId}:${agreement.id}`} className="card">
            <p>
              <strong>{agreement.text}</strong>
            </p>
            <p className="field-hint">
              {t('followUp.detail', {
                responsible: agreement.responsible,
                session: sessionTitle,
                date: formatDate(sessionDate, i18n.language),
              })}
              {agreement.dueDate
                ? ` · ${t('followUp.due', { date: formatDate(agreement.dueDate, i18n.language) })}`
                : ''}
            </p>
            <div
              className="inline-row"
              role="group"
              aria-label={t('followUp.statusFor', { text: agreement.text })}
            >
              {AGREEMENT_STATUSES.map((status) => (
                <button
                  key={status}
                  type="button"
                  className={status === agreement.status ? 'button button-primary' : 'button'}
                  aria-pressed={status === agreement.status}
                  onClick={() => void setAgreementStatus(sessionId, agreement.id, status)}
                >
                  {t(`vocabulary.agreementStatuses.${status}`)}
                </button>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

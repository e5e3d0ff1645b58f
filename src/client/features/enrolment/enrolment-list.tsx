import { useTranslation } from 'react-i18next';
import type { EnrolmentView } from '../../data/use-accounts';
import { formatDateTime, formatRelativeTime } from '../../ui/format';
import { useNow } from '../../ui/use-now';
import './strings';

/** This week's codes with their state; a valid one can be revoked. */
export function EnrolmentList({
  codes,
  onRevoke,
}: {
  codes: EnrolmentView[];
  onRevoke(code: EnrolmentView): void;
}) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  if (codes.length === 0) return <p>{t('enrolment.none')}</p>;
  return (
    <ul className="plain-list stack">
      {codes.map((code) => {
        const when = formatRelativeTime(code.createdAt, now, i18n.language);
        return (
          <li key={code.id} className="card">
            <p>
              <strong>{t('enrolment.for', { name: code.userDisplayName })}</strong> ·{' '}
              {t(`enrolment.states.${code.state}`)}
            </p>
            <p className="small">
              <time dateTime={code.createdAt} title={formatDateTime(code.createdAt, i18n.language)}>
                {t('enrolment.createdAt', { when })}
              </time>
            </p>
            {code.state === 'active' ? (
              <div className="actions">
                <button
                  type="button"
                  className="button button-danger"
                  aria-label={t('enrolment.revokeLabel', { name: code.userDisplayName, when })}
                  onClick={() => onRevoke(code)}
                >
                  {t('enrolment.revoke')}
                </button>
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import './strings';

/** On the session page: the way to its printable minutes. */
export function SessionMinutesLink({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  return (
    <p>
      <Link className="button" to={`/sessions/${sessionId}/minutes`}>
        {t('agenda.minutes.link')}
      </Link>
    </p>
  );
}

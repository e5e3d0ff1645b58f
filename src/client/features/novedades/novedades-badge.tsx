import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUnreadNovedades } from '../../data/use-novedades';
import './strings';
import './novedades.css';

/**
 * In the header, only while there are unread novedades: a bell with their count, linking to
 * them (the user menu always has "Novedades"), so the header stays one row on a phone.
 */
export function NovedadesBadge() {
  const { t } = useTranslation();
  const unread = useUnreadNovedades();
  if (unread === 0) return null;
  return (
    <Link
      to="/novedades"
      className="button button-small novedades-badge"
      aria-label={t('novedades.badgeUnread', { count: unread })}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
        />
      </svg>
      <span className="badge-count" aria-hidden="true">
        {unread}
      </span>
    </Link>
  );
}

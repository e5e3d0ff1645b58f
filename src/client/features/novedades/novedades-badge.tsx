import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUnreadNovedades } from '../../data/use-novedades';
import './strings';
import './novedades.css';

/** The header's way to "Novedades", with the count of unread ones (nothing extra when none). */
export function NovedadesBadge() {
  const { t } = useTranslation();
  const unread = useUnreadNovedades();
  return (
    <Link
      to="/novedades"
      className="button button-small novedades-badge"
      aria-label={unread > 0 ? t('novedades.badgeUnread', { count: unread }) : t('novedades.badge')}
    >
      <span aria-hidden="true">🔔</span>
      {unread > 0 ? (
        <span className="badge-count" aria-hidden="true">
          {unread}
        </span>
      ) : null}
    </Link>
  );
}

import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import './app-nav.css';

/** The app-wide sections under the header, for every signed-in user (part of the first download). */
export function AppNav() {
  const { t } = useTranslation();
  return (
    <nav className="app-nav" aria-label={t('app.nav.label')}>
      <NavLink to="/rubrics" className="app-nav-link">
        {t('app.nav.rubrics')}
      </NavLink>
      <NavLink to="/map-packs" className="app-nav-link">
        {t('app.nav.mapPacks')}
      </NavLink>
    </nav>
  );
}

import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import './nav-strings';
import './rubrics-nav.css';

/** The app-wide link to the rubrics (templates and averages), under the header for every signed-in user. */
export function RubricsNav() {
  const { t } = useTranslation();
  return (
    <nav className="app-nav" aria-label={t('rubrics.nav.label')}>
      <NavLink to="/rubrics" className="app-nav-link">
        {t('rubrics.nav.link')}
      </NavLink>
    </nav>
  );
}

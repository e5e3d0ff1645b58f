import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import './app-nav.css';

/** The app-wide sections, for every signed-in user (part of the first download). */
function SectionLinks({ onFollow }: { onFollow?: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <NavLink to="/rubrics" className="app-nav-link" onClick={onFollow}>
        {t('app.nav.rubrics')}
      </NavLink>
      <NavLink to="/map-packs" className="app-nav-link" onClick={onFollow}>
        {t('app.nav.mapPacks')}
      </NavLink>
    </>
  );
}

/** The sections as a bar under the header (tablets and wider). */
export function AppNav() {
  const { t } = useTranslation();
  return (
    <nav className="app-nav" aria-label={t('app.nav.label')}>
      <SectionLinks />
    </nav>
  );
}

/** The same sections inside the user's menu, where they go on phones and at 200 % zoom. */
export function AppNavInMenu({ onFollow }: { onFollow: () => void }) {
  const { t } = useTranslation();
  return (
    <nav className="app-nav-menu" aria-label={t('app.nav.label')}>
      <SectionLinks onFollow={onFollow} />
    </nav>
  );
}

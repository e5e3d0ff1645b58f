import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { signOut, type Account } from '../../data/use-account';
import { usePendingCount } from '../../data/use-sync-state';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { LanguageSwitch } from '../../ui/language-switch';

/** The menu's links: a path and the key of its words. */
type MenuLink = readonly [to: string, label: string];

/** What every signed-in person follows from the menu. */
const FIELD_LINKS: MenuLink[] = [
  ['/pendientes', 'app.pendingLink'],
  ['/novedades', 'app.novedadesLink'],
];

/** The office's screens, for coordinators and admins. */
const OFFICE_LINKS: MenuLink[] = [
  ['/office', 'office.dashboards'],
  ['/accounts', 'office.accounts'],
  ['/office/review', 'office.review'],
  ['/enrolment', 'office.enrolment'],
  ['/devices', 'app.nav.devices'],
  ['/territory', 'app.nav.territory'],
  ['/government-areas', 'app.governmentAreasLink'],
  ['/project-statuses', 'app.projectStatusesLink'],
];

/** A list of the menu's links; following one closes the menu. */
function MenuLinks({ links, onFollow }: { links: MenuLink[]; onFollow: () => void }) {
  const { t } = useTranslation();
  return (
    <ul className="plain-list user-menu-links">
      {links.map(([to, label]) => (
        <li key={to}>
          <Link to={to} className="link-target" onClick={onFollow}>
            {t(label)}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/**
 * The signed-in user's menu: who is signed in, the language, the
 * coordinators' pages and "Cerrar sesión". On a phone the button shrinks to
 * an icon (the name stays its accessible name), so the header keeps one row.
 * Signing out with changes still waiting asks first: those changes stay on
 * this device and are sent after the next sign-in.
 */
export function UserMenu({
  account,
  children,
}: {
  account: Account;
  /** More entries from the app's frame (its sections), given a way to close the menu. */
  children?: (close: () => void) => ReactNode;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const pending = usePendingCount();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);

  // Close on Escape or a tap outside, like any menu.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    const onPointer = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const doSignOut = () => {
    setConfirming(false);
    setOpen(false);
    void signOut().then(() => navigate('/login', { replace: true }));
  };

  return (
    <div className="user-menu" ref={rootRef}>
      <button
        type="button"
        className="button button-small user-menu-button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((v) => !v)}
      >
        <span className="user-menu-icon" aria-hidden="true">
          ☰
        </span>
        <span className="user-menu-name">{account.user.displayName}</span>
      </button>
      <div id={menuId} className="user-menu-panel" hidden={!open}>
        <p>
          <strong>{account.user.displayName}</strong>
          <br />
          {t('auth.signedInAs', { username: account.user.username })}
          <br />
          {t(`roles.${account.user.role}`)}
        </p>
        <LanguageSwitch />
        {children?.(() => setOpen(false))}
        <MenuLinks links={FIELD_LINKS} onFollow={() => setOpen(false)} />
        {account.user.role === 'admin' || account.user.role === 'coordinator' ? (
          <MenuLinks links={OFFICE_LINKS} onFollow={() => setOpen(false)} />
        ) : null}
        <button
          type="button"
          className="button"
          onClick={() => (pending > 0 ? setConfirming(true) : doSignOut())}
        >
          {t('auth.signOut')}
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('auth.signOutTitle')}
        confirmLabel={t('auth.signOutConfirm')}
        onCancel={() => setConfirming(false)}
        onConfirm={doSignOut}
      >
        <p>{t('auth.signOutPending', { count: pending })}</p>
      </ConfirmDialog>
    </div>
  );
}

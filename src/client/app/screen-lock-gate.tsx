import { lazy, Suspense, useEffect, useRef, type ReactNode } from 'react';
import { useLocation, useNavigate, useNavigationType } from 'react-router';
import { useScreenLock, type ScreenLockState } from '../data/use-screen-lock';
import { Loading } from '../ui/status-views';
import { LOCKED_VIEWS } from './locked-views';
import { startSync } from './use-sync';

const LockedScreen = lazy(async () => ({
  default: (await import('../widgets/screen-lock/locked-screen')).LockedScreen,
}));

/**
 * The app-level screen lock. While the device is locked (the lock is kept in
 * the device database, so a reload or a new tab is locked too) it renders
 * only the locked screen — the lock's view and the unlock button — whatever
 * the address says: no header, menu, navigation or other route exists. The
 * address is held at the lock's `returnTo`, and every Back (a history pop)
 * is answered with a new entry, so the Back button never leaves the screen.
 * Nothing is drawn until the database has said whether a lock is in force.
 */
export function ScreenLockGate({ children }: { children: ReactNode }) {
  const lock = useScreenLock();
  if (lock === undefined) return null;
  if (lock === null) return children;
  return <LockedApp lock={lock} />;
}

function LockedApp({ lock }: { lock: ScreenLockState }) {
  const location = useLocation();
  const navigationType = useNavigationType();
  const navigate = useNavigate();
  const handled = useRef<string | null>(null);

  useEffect(() => {
    if (handled.current === location.key) return;
    handled.current = location.key;
    const elsewhere = location.pathname + location.search !== lock.returnTo;
    // A pop is Back/Forward or the page (re)loading: put a fresh entry on top to land on next time.
    if (elsewhere || navigationType === 'POP') void navigate(lock.returnTo, { state: { screenLock: true } });
  }, [location.key, location.pathname, location.search, navigationType, navigate, lock.returnTo]);

  // Ballots cast while locked still sync in the background (idempotent; the layout is not mounted).
  useEffect(() => startSync(), []);

  const View = LOCKED_VIEWS[lock.reason];
  return (
    <Suspense fallback={<Loading />}>
      <LockedScreen lock={lock}>{View ? <View path={lock.returnTo} /> : null}</LockedScreen>
    </Suspense>
  );
}

/**
 * Service-worker registration and the "Nueva versión disponible" banner.
 * A new version waits until the user accepts it (the worker never skips
 * waiting on its own), and the page never reloads over unsaved input: with a
 * form dirty, the banner asks to save first.
 */
import { useTranslation } from 'react-i18next';
import { Workbox } from 'workbox-window';
import { create } from 'zustand';
import { hasUnsavedChanges, useHasUnsavedChanges } from './unsaved-store';

interface PwaUpdateState {
  /** A new worker is installed and waiting for the user's go-ahead. */
  waiting: boolean;
  /** A new worker took over from another tab; this page still runs the old code. */
  stale: boolean;
  dismissed: boolean;
}

export const usePwaUpdateStore = create<PwaUpdateState>()(() => ({
  waiting: false,
  stale: false,
  dismissed: false,
}));

let workbox: Workbox | null = null;
let reloadRequested = false;

const UPDATE_CHECK_MS = 60 * 60 * 1000;

/** Registers /sw.js (production builds only: the dev server has no service worker). */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const wb = new Workbox('/sw.js', { scope: '/' });
  workbox = wb;
  wb.addEventListener('waiting', () => usePwaUpdateStore.setState({ waiting: true, dismissed: false }));
  wb.addEventListener('controlling', (event) => {
    if (reloadRequested) {
      window.location.reload();
    } else if (event.isUpdate) {
      // Another tab accepted the update. Reload now if nothing would be lost, else say so and wait.
      if (hasUnsavedChanges()) usePwaUpdateStore.setState({ stale: true, waiting: false, dismissed: false });
      else window.location.reload();
    }
  });
  void wb.register();
  setInterval(() => void wb.update(), UPDATE_CHECK_MS);
}

/**
 * A newer version of the app upgraded the device database from another tab, and this tab's
 * connection has closed itself (data/db.ts). Its old code cannot go on: reload into the new
 * version, or, with a form dirty, say so and let the user copy what they typed first.
 */
export function reloadOnDatabaseUpgrade(db: { onVersionChange(listener: () => void): () => void }): void {
  db.onVersionChange(() => {
    if (hasUnsavedChanges()) usePwaUpdateStore.setState({ stale: true, waiting: false, dismissed: false });
    else window.location.reload();
  });
}

/** Activates the waiting worker and reloads once it controls the page; refused while a form holds unsaved input. */
export function applyUpdate(): boolean {
  if (hasUnsavedChanges()) return false;
  const state = usePwaUpdateStore.getState();
  if (state.stale) {
    window.location.reload();
    return true;
  }
  if (!workbox || !state.waiting) return false;
  reloadRequested = true;
  workbox.messageSkipWaiting();
  return true;
}

export function PwaUpdateBanner() {
  const { t } = useTranslation();
  const { waiting, stale, dismissed } = usePwaUpdateStore();
  const unsaved = useHasUnsavedChanges();
  const visible = (waiting || stale) && !dismissed;
  return (
    <div className="update-banner-region" role="status" aria-live="polite">
      {visible ? (
        <div className="update-banner">
          <p>
            <strong>{t('update.available')}</strong>{' '}
            {unsaved ? t('update.saveFirst') : t(stale ? 'update.reloadHelp' : 'update.help')}
          </p>
          <div className="actions">
            {!unsaved ? (
              <button type="button" className="button button-primary" onClick={() => applyUpdate()}>
                {t(stale ? 'update.reload' : 'update.apply')}
              </button>
            ) : null}
            <button
              type="button"
              className="button"
              onClick={() => usePwaUpdateStore.setState({ dismissed: true })}
            >
              {t('update.later')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

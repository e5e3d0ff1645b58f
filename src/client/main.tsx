/** Entry point: language first (so the first paint is in the remembered language), then the app, then the service worker. */
import './zod-jitless';
import { i18nReady } from './i18n';
import './ui/styles.css';
import { createRoot } from 'react-dom/client';
import { App, preloadFirstScreen } from './app/app';
import { registerServiceWorker, reloadOnDatabaseUpgrade } from './app/pwa-update';
import { getDb } from './data/current-db';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
const rootElement = root;
// The sign-in screens' code loads in parallel with the language and the device database.
preloadFirstScreen(window.location.pathname);
// Spanish is ready at once; English (its own precached chunk) is awaited so the first paint is not mixed.
void i18nReady.then(() => createRoot(rootElement).render(<App />));
registerServiceWorker();
reloadOnDatabaseUpgrade(getDb());

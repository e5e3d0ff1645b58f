/** Entry point: language first (so the first paint is in the remembered language), then the app, then the service worker. */
import './i18n';
import './ui/styles.css';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { registerServiceWorker, reloadOnDatabaseUpgrade } from './app/pwa-update';
import { getDb } from './data';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(<App />);
registerServiceWorker();
reloadOnDatabaseUpgrade(getDb());

/**
 * The client's layers, held by `npm run lint` (docs/ARCHITECTURE.md, "Layers"):
 *
 *   domain ← net ← data ← sync, tracking  plain TypeScript, no React (not even through another file);
 *                                       data/ and tracking/ hold the hooks screens use in use-*.ts
 *   ui                                  presentational components: no data, no network
 *   widgets                             shared components that read data (maps, photos)
 *   features/<name>                     one area of the app; never imports another feature or app/
 *   app                                 the frame, routes and the screens that compose several features
 *
 * `import-x/no-restricted-paths` checks each import; `tequio/no-reachable-packages` follows relative
 * imports through any number of files; `import-x/no-cycle` refuses import cycles.
 */
import { readdirSync } from 'node:fs';
import importX from 'eslint-plugin-import-x';
import { noReachablePackages } from './no-reachable-packages.js';

const client = './src/client';
const features = readdirSync(new URL('../src/client/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const REACT = [
  'react',
  'react-dom',
  'react-dom/client',
  'dexie-react-hooks',
  'zustand/react',
  'react-router',
];

/** `from` may not be imported by files under `target`. */
const zone = (target, from, message, except) => ({
  target: `${client}/${target}`,
  from: `${client}/${from}`,
  message,
  ...(except ? { except } : {}),
});

const zones = [
  ...features.map((name) =>
    zone(
      `features/${name}`,
      'features',
      'a feature never imports another feature: move what both need to ui/ or widgets/, or compose them in app/',
      [`./${name}`],
    ),
  ),
  zone('features', 'app', 'features sit below app/: app composes features, never the other way'),
  ...['data', 'net', 'sync', 'widgets', 'features', 'app', 'tracking'].map((layer) =>
    zone('ui', layer, `ui/ is presentational: it takes data as props and never imports ${layer}/`),
  ),
  ...['features', 'app'].map((layer) => zone('widgets', layer, `widgets/ sit below ${layer}/`)),
  ...['ui', 'widgets', 'features', 'app', 'sync', 'tracking'].map((layer) =>
    zone('data', layer, `data/ sits below ${layer}/: repositories and hooks never import it`),
  ),
  ...['data', 'sync', 'ui', 'widgets', 'features', 'app', 'tracking'].map((layer) =>
    zone('net', layer, `net/ only speaks HTTP: it never imports ${layer}/`),
  ),
  ...['ui', 'widgets', 'features', 'app', 'tracking'].map((layer) =>
    zone('sync', layer, `the sync engine is plain TypeScript below ${layer}/`),
  ),
  ...['ui', 'widgets', 'features', 'app'].map((layer) =>
    zone('tracking', layer, `tracking/ is plain TypeScript below ${layer}/`),
  ),
];

export const clientLayers = [
  {
    files: ['src/**/*.{ts,tsx}', 'tests/unit/lint/fixtures/**/*.ts'],
    plugins: { 'import-x': importX, tequio: { rules: { 'no-reachable-packages': noReachablePackages } } },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: [
      'src/client/sync/**/*.ts',
      'src/client/net/**/*.ts',
      'src/client/tracking/**/*.ts',
      'src/client/data/**/*.repository.ts',
      'src/domain/**/*.ts',
    ],
    // The recorder's hooks for screens (the data pattern's use-*.ts) are the one React file in tracking/.
    ignores: ['src/client/tracking/use-*.ts'],
    rules: {
      'tequio/no-reachable-packages': [
        'error',
        { packages: REACT, message: 'is plain TypeScript, but reaches React through' },
      ],
    },
  },
];

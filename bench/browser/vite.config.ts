/** Builds the benchmark page (bench/browser) to bench/results/web, apart from the app's own build. */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  logLevel: 'warn',
  publicDir: false,
  // PouchDB needs an EventEmitter in the browser: the `events` package (the bench's own), not Node's.
  resolve: {
    alias: { events: fileURLToPath(new URL('../node_modules/events/events.js', import.meta.url)) },
  },
  build: {
    outDir: fileURLToPath(new URL('../results/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
  },
});

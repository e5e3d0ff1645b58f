/**
 * The service worker: the whole app shell is precached, so the PWA opens
 * and reloads with no network at all. Navigations fall back to the cached
 * index.html (the router takes it from there), except the server-rendered
 * public pages (`/publico/…`, `/p/…`); API calls are never served from the cache. A
 * new version waits until the page asks it to take over
 * (`{type: 'SKIP_WAITING'}`), so an update never interrupts a form.
 */
/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
  type PrecacheEntry,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] };

cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), {
    denylist: [/^\/api\//, /^\/publico\//, /^\/p\//],
  }),
);

// The first install controls the open page at once, so it works offline without a reload.
// Later versions still wait for SKIP_WAITING: claiming only matters for pages no worker controls yet.
clientsClaim();

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const data: unknown = event.data;
  if (data && typeof data === 'object' && (data as { type?: unknown }).type === 'SKIP_WAITING') {
    void self.skipWaiting();
  }
});

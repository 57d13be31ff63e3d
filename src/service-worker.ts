/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
// Caches the whole app at install so Chorus opens and works offline after the first visit, from
// any sub-path: $service-worker entries are already prefixed with the runtime base.
import { base, build, files, prerendered, version } from '$service-worker';

const self = globalThis.self as unknown as ServiceWorkerGlobalScope;
const CACHE = `chorus-${version}`;
const ASSETS = [...build, ...files, ...prerendered];
const ASSET_SET = new Set(ASSETS);

/** The static routing API (Chromium 123 on); other browsers have no `addRoutes` and use the fetch handler. */
interface RoutingInstallEvent extends ExtendableEvent {
	addRoutes?(rules: { condition: { urlPattern: string }; source: { cacheName: string } }[]): Promise<void>;
}

self.addEventListener('install', (event: RoutingInstallEvent) => {
	// The app's own scripts and styles (content-hashed, so a name never changes its bytes) come
	// straight from this version's cache, without a fetch event: on an open the browser asked the
	// worker for 25 modules at once, and its thread (started for the navigation, one Cache Storage
	// lookup per request) answered them 200–450 ms later. A miss goes to the network.
	event.addRoutes?.([{ condition: { urlPattern: `${self.location.origin}${base}/_app/immutable/*` }, source: { cacheName: CACHE } }])?.catch(() => {});
	// No skipWaiting here: a new version waits until the user agrees to reload (never mid-import).
	event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)));
});

// No clients.claim() either: the worker answers a page from its next navigation on, as in
// SvelteKit's own service-worker recipe. Claiming switches the controller of a page mid-load; an e2e
// test that navigates quickly on a busy machine once saw a route module fail to load ("Failed to
// fetch dynamically imported module") at about that moment. The first visit runs from the network.
self.addEventListener('activate', (event) => {
	event.waitUntil(
		caches.keys().then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
	);
});

self.addEventListener('message', (event) => {
	if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== self.location.origin) return;

	event.respondWith(
		(async () => {
			const cache = await caches.open(CACHE);
			// directory URLs (…/board/) are stored as prerendered paths with a trailing slash
			if (ASSET_SET.has(url.pathname)) {
				const hit = await cache.match(url.pathname);
				if (hit) return hit;
			}
			try {
				return await fetch(request);
			} catch (error) {
				const hit = (await cache.match(request, { ignoreSearch: true })) ?? (await cache.match(url.pathname));
				if (hit) return hit;
				throw error;
			}
		})()
	);
});

import { resolve } from '$app/paths';

/**
 * Registers the service worker and tracks whether a new version is waiting. The new version is
 * applied only when the user asks (then the page reloads), so nothing is interrupted.
 */
class AppUpdate {
	available = $state(false);
	#registration: ServiceWorkerRegistration | null = null;
	#reloading = false;

	async register() {
		if (!('serviceWorker' in navigator)) return;
		// the app's root as an absolute URL, wherever the build is hosted (relative paths)
		const appRoot = new URL(resolve('/'), location.href);
		try {
			const registration = await navigator.serviceWorker.register(new URL('service-worker.js', appRoot), {
				scope: appRoot.pathname
			});
			this.#registration = registration;
			if (registration.waiting && navigator.serviceWorker.controller) this.available = true;
			registration.addEventListener('updatefound', () => {
				const installing = registration.installing;
				installing?.addEventListener('statechange', () => {
					// a worker that installs while another controls the page is an update, not the first visit
					if (installing.state === 'installed' && navigator.serviceWorker.controller) this.available = true;
				});
			});
			navigator.serviceWorker.addEventListener('controllerchange', () => {
				if (!this.#reloading) return;
				location.reload();
			});
		} catch {
			// offline use is an enhancement: the app works without it
		}
	}

	/** Browsers look for a new worker only on full navigations; ask on client-side ones too. */
	check() {
		this.#registration?.update().catch(() => {});
	}

	apply() {
		const waiting = this.#registration?.waiting;
		if (!waiting) {
			location.reload();
			return;
		}
		this.#reloading = true;
		waiting.postMessage('skip-waiting');
	}
}

export const appUpdate = new AppUpdate();

/**
 * Long-running work that must not be interrupted (an import being committed, a snapshot being
 * loaded). The update notice waits while anything is busy.
 */
import { t } from '$lib/i18n/i18n.svelte';

class Activity {
	#busy = $state<Record<string, string>>({});

	get busy(): boolean {
		return Object.keys(this.#busy).length > 0;
	}

	/** What is going on, in the active language. */
	get reasons(): string[] {
		return Object.values(this.#busy).map((reason) => t(reason));
	}

	/** reason: a message key (common:activity.…), translated when shown. */
	start(key: string, reason: string) {
		this.#busy[key] = reason;
	}

	end(key: string) {
		delete this.#busy[key];
	}
}

export const activity = new Activity();

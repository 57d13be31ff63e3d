import { liveQuery } from 'dexie';
import { createSubscriber } from 'svelte/reactivity';

/**
 * A Dexie liveQuery exposed as a rune-friendly `.current`. It subscribes only while something
 * reads `.current` inside an effect or template, and unsubscribes when the last reader goes away,
 * so nothing touches IndexedDB during prerendering. Writes in this tab or another tab re-run it.
 *
 * ## Usage
 * ```svelte
 * const accounts = new Live(() => listAccounts(db()));
 * {#each accounts.current ?? [] as account (account.id)} … {/each}
 * ```
 */
export class Live<T> {
	#value = $state.raw<T | undefined>();
	#error = $state.raw<unknown>();
	#loaded = $state(false);
	#subscribe: () => void;

	constructor(querier: () => T | Promise<T>) {
		this.#subscribe = createSubscriber(() => {
			const subscription = liveQuery(querier).subscribe({
				next: (value) => {
					this.#value = value;
					this.#error = undefined;
					this.#loaded = true;
				},
				error: (error) => {
					this.#error = error;
					this.#loaded = true;
				}
			});
			return () => subscription.unsubscribe();
		});
	}

	get current(): T | undefined {
		this.#subscribe();
		return this.#value;
	}

	get error(): unknown {
		this.#subscribe();
		return this.#error;
	}

	/** False until the first result (or error) arrived: lets views tell "loading" from "empty". */
	get loaded(): boolean {
		this.#subscribe();
		return this.#loaded;
	}
}

/**
 * Long-running work that must not be interrupted (an import being committed, a snapshot being
 * loaded). The update notice waits while anything is busy.
 */
class Activity {
	#busy = $state<Record<string, string>>({});

	get busy(): boolean {
		return Object.keys(this.#busy).length > 0;
	}

	get reasons(): string[] {
		return Object.values(this.#busy);
	}

	start(key: string, reason: string) {
		this.#busy[key] = reason;
	}

	end(key: string) {
		delete this.#busy[key];
	}
}

export const activity = new Activity();

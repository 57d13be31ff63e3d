/** How much the browser lets Chorus keep, and whether it promised not to evict it. */
class StorageStatus {
	usage = $state<number | null>(null);
	quota = $state<number | null>(null);
	persisted = $state<boolean | null>(null);

	async refresh() {
		if (!navigator.storage) return;
		const [estimate, persisted] = await Promise.all([
			navigator.storage.estimate?.().catch(() => null),
			navigator.storage.persisted?.().catch(() => null)
		]);
		this.usage = estimate?.usage ?? null;
		this.quota = estimate?.quota ?? null;
		this.persisted = persisted ?? null;
	}

	/** Asks the browser to keep Chorus's data even when disk space runs low. */
	async requestPersistence(): Promise<boolean> {
		const granted = (await navigator.storage?.persist?.().catch(() => false)) ?? false;
		await this.refresh();
		return granted;
	}
}

export const storageStatus = new StorageStatus();

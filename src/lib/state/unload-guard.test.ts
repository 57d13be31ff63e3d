import { describe, expect, it } from 'vitest';
import { whileStoring } from './unload-guard';

/** Whether leaving now would ask: a cancelable `beforeunload` whose default a listener prevented. */
function leavingAsks(target: EventTarget): boolean {
	const event = new Event('beforeunload', { cancelable: true });
	target.dispatchEvent(event);
	return event.defaultPrevented;
}

function deferred() {
	let resolve!: () => void;
	let reject!: (error: Error) => void;
	const promise = new Promise<void>((yes, no) => {
		resolve = yes;
		reject = no;
	});
	return { promise, resolve, reject };
}

describe('whileStoring', () => {
	it('asks before leaving while a write is pending, and no longer once it is stored', async () => {
		const page = new EventTarget();
		const write = deferred();
		expect(leavingAsks(page)).toBe(false);
		const stored = whileStoring(write.promise, page);
		expect(leavingAsks(page)).toBe(true);
		write.resolve();
		await stored;
		expect(leavingAsks(page)).toBe(false);
	});

	it('keeps asking until the last of several writes is done, and stops after a failed one', async () => {
		const page = new EventTarget();
		const first = deferred();
		const second = deferred();
		const a = whileStoring(first.promise, page);
		const b = whileStoring(second.promise, page);
		first.resolve();
		await a;
		expect(leavingAsks(page)).toBe(true);
		second.reject(new Error('QuotaExceededError'));
		await expect(b).rejects.toThrow('QuotaExceededError');
		expect(leavingAsks(page)).toBe(false);
	});

	it('hands back the write’s own result', async () => {
		expect(await whileStoring(Promise.resolve({ position: 2, of: 3 }), new EventTarget())).toEqual({ position: 2, of: 3 });
	});
});

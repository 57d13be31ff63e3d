import { afterEach, describe, expect, it, vi } from 'vitest';
import { inIdleSteps } from './idle';

describe('inIdleSteps', () => {
	afterEach(() => {
		vi.unstubAllGlobals();
		vi.useRealTimers();
	});

	it('runs the steps in order in idle periods, as many in one as start with enough of it left', () => {
		const callbacks: IdleRequestCallback[] = [];
		vi.stubGlobal('requestIdleCallback', (callback: IdleRequestCallback) => callbacks.push(callback));
		vi.stubGlobal('cancelIdleCallback', () => {});
		const done: number[] = [];
		let left = 30;
		const steps = [0, 1, 2, 3].map((index) => () => {
			done.push(index);
			left -= 15;
		});
		inIdleSteps(steps, { minRemainingMs: 10 });
		expect(done).toEqual([]);
		// 30 ms left: the first step, then 15 left, the second; then 0 left: the rest waits for the next period
		callbacks.shift()!({ didTimeout: false, timeRemaining: () => left });
		expect(done).toEqual([0, 1]);
		left = 5;
		// a short period still runs one step, so a busy page makes progress
		callbacks.shift()!({ didTimeout: false, timeRemaining: () => left });
		expect(done).toEqual([0, 1, 2]);
		left = 50;
		callbacks.shift()!({ didTimeout: false, timeRemaining: () => left });
		expect(done).toEqual([0, 1, 2, 3]);
		expect(callbacks).toHaveLength(0);
	});

	it('stops when cancelled, and a failing step does not stop the ones after it', () => {
		vi.useFakeTimers();
		const done: string[] = [];
		const cancel = inIdleSteps([
			() => done.push('a'),
			() => {
				throw new Error('no data');
			},
			() => done.push('c'),
			() => done.push('d')
		]);
		// without idle callbacks (Node here): one step per timeout
		vi.advanceTimersByTime(16 * 3);
		expect(done).toEqual(['a', 'c']);
		cancel();
		vi.advanceTimersByTime(1000);
		expect(done).toEqual(['a', 'c']);
	});
});

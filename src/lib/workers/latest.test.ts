import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { latestEvery } from './latest';

describe('latestEvery', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('passes the first value at once and then only the newest once per interval', () => {
		const seen: number[] = [];
		const stream = latestEvery<number>(250, (value) => seen.push(value));
		stream.push(1);
		expect(seen).toEqual([1]);
		stream.push(2);
		stream.push(3);
		expect(seen).toEqual([1]);
		vi.advanceTimersByTime(249);
		expect(seen).toEqual([1]);
		vi.advanceTimersByTime(1);
		expect(seen).toEqual([1, 3]);
		// nothing new: the next interval passes nothing, and the one after that starts afresh
		vi.advanceTimersByTime(250);
		expect(seen).toEqual([1, 3]);
		vi.advanceTimersByTime(1000);
		stream.push(4);
		expect(seen).toEqual([1, 3, 4]);
	});

	it('drops a waiting value when cancelled, and passes nothing later', () => {
		const seen: number[] = [];
		const stream = latestEvery<number>(100, (value) => seen.push(value));
		stream.push(1);
		stream.push(2);
		stream.cancel();
		vi.advanceTimersByTime(1000);
		expect(seen).toEqual([1]);
		expect(vi.getTimerCount()).toBe(0);
	});
});

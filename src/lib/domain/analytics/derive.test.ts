import { describe, expect, it } from 'vitest';
import type { MetricKey } from '../metrics';
import { deriveLevelFromFlow, followersFromAvailable, netFollowerFlow } from './derive';
import { DAY_DERIVED, type DailyValues } from './types';

const N = Number.NaN;
const series = (metric: MetricKey, startDay: number, values: number[]): DailyValues => ({
	accountId: 'linkedin:acme',
	metric,
	startDay,
	values: Float64Array.from(values)
});
const derivedMarks = (flags: Uint8Array) => [...flags].map((bits) => (bits & DAY_DERIVED) !== 0);

describe('deriveLevelFromFlow', () => {
	it('chains backward from a total known on the last day (YouTube net subscribers)', () => {
		const level = deriveLevelFromFlow(series('followers_net', 10, [2, -1, 3]), { day: 12, value: 50 });
		// L11 = 50 − 3 = 47, L10 = 47 − (−1) = 48
		expect([...level.values]).toEqual([48, 47, 50]);
		expect(level.startDay).toBe(10);
		expect(derivedMarks(level.flags)).toEqual([true, true, false]);
		expect(level.derived).toBe(true);
		expect(level.metric).toBe('followers');
	});

	it('goes both ways from a middle anchor and leaves days without a change blank', () => {
		// flows on days 3..7; anchor 100 at the end of day 5
		const level = deriveLevelFromFlow(series('followers_gained', 3, [1, N, 3, N, 5]), { day: 5, value: 100 });
		// L4 = 100 − f5 = 97; L3 unknown (f4 missing); L6 unknown (f6 missing), chain goes on: L7 = 100 + 5
		expect([...level.values]).toEqual([N, 97, 100, N, 105]);
		expect(level.assumedNoChangeDays).toBe(2);
		expect(level.derivedDays).toBe(2);
		expect(level.explanation).toContain('2 days without a change value were counted as no change');
		expect(level.explanation).toContain('anchored on 100 on');
	});

	it('reaches an anchor that lies outside the flow’s days', () => {
		const level = deriveLevelFromFlow(series('followers_net', 10, [1, 2]), { day: 8, value: 10 });
		expect(level.startDay).toBe(8);
		expect([...level.values]).toEqual([10, N, 11, 13]);
		expect(level.assumedNoChangeDays).toBe(1);
	});
});

describe('netFollowerFlow', () => {
	it('prefers the reported net change', () => {
		const flow = netFollowerFlow({ followers_net: series('followers_net', 0, [1]), followers_gained: series('followers_gained', 0, [9]) })!;
		expect(flow.series.values[0]).toBe(1);
		expect(flow.caveat).toBeUndefined();
	});

	it('subtracts unfollows from new followers, leaving a day with one side missing unknown', () => {
		const flow = netFollowerFlow({
			followers_gained: series('followers_gained', 0, [5, 5, 5]),
			followers_lost: series('followers_lost', 1, [1, 2, 3])
		})!;
		expect(flow.series.startDay).toBe(1);
		expect([...flow.series.values]).toEqual([4, 3]);
		expect(flow.label).toBe('new followers minus unfollows');
	});

	it('falls back to new followers alone with a caveat', () => {
		const flow = netFollowerFlow({ followers_gained: series('followers_gained', 0, [5]) })!;
		expect(flow.caveat).toMatch(/overstate growth/);
	});

	it('gives nothing without gains', () => {
		expect(netFollowerFlow({ followers_lost: series('followers_lost', 0, [5]) })).toBeNull();
	});
});

describe('followersFromAvailable', () => {
	it('uses reported totals as they are when there is nothing to fill', () => {
		const reported = series('followers', 0, [10, 11]);
		const result = followersFromAvailable({ followers: reported });
		expect(result).toMatchObject({ method: 'reported', derived: false });
		expect(result.series).toBe(reported);
	});

	it('cannot rebuild totals from changes alone and says what to import', () => {
		const result = followersFromAvailable({ followers_net: series('followers_net', 0, [1, 2]) });
		expect(result.series).toBeNull();
		expect(result.explanation).toMatch(/Import any file that gives the follower total/);
	});

	it('fills days around and between reported totals from the net change', () => {
		const result = followersFromAvailable({
			followers: series('followers', 0, [N, N, 100, N, N, 120, N]),
			followers_net: series('followers_net', 0, [1, 2, 3, 4, 5, 6, 7])
		});
		// forward: 100 + 4 = 104, + 5 = 109, reported 120, + 7 = 127; backward: 100 − 3 = 97, − 2 = 95
		expect([...result.series!.values]).toEqual([95, 97, 100, 104, 109, 120, 127]);
		expect(derivedMarks(result.series!.flags!)).toEqual([true, true, false, true, true, false, true]);
		expect(result).toMatchObject({ method: 'reported and derived', derived: true });
		expect(result.explanation).toContain('the other 5 days rebuilt from the daily net follower change');
	});

	it('anchors LinkedIn-style new followers on one known total and states the caveat', () => {
		const result = followersFromAvailable({
			followers: series('followers', 2, [50]),
			followers_gained: series('followers_gained', 0, [5, 5, 5])
		});
		expect([...result.series!.values]).toEqual([40, 45, 50]);
		expect(result.explanation).toMatch(/overstate growth/);
	});

	it('says when there is nothing at all', () => {
		expect(followersFromAvailable({})).toMatchObject({ series: null, method: 'none' });
	});
});

import { describe, expect, it } from 'vitest';
import type { MetricKey } from '../metrics';
import { evaluateNorthStar, type NorthStarTarget } from './northstar';
import type { DailyValues } from './types';

const series = (metric: MetricKey, length: number, valueOf: (day: number) => number): DailyValues => ({
	accountId: 'portfolio',
	metric,
	startDay: 0,
	values: Float64Array.from({ length }, (_, day) => valueOf(day))
});

// baseline 1,000 on day 0, target 2,000 on day 200: 5 a day needed
const goal: NorthStarTarget = { metric: 'followers', accountId: null, baselineDay: 0, baselineValue: 1000, target: 2000, targetDay: 200 };

describe('evaluateNorthStar', () => {
	it('finds a series growing exactly at the required pace on track', () => {
		const result = evaluateNorthStar(goal, series('followers', 101, (d) => 1000 + 5 * d));
		expect(result.current).toEqual({ day: 100, value: 1500 });
		expect(result.progress).toBe(0.5);
		expect(result.requiredPacePerDay).toBe(5);
		expect(result.remainingPacePerDay).toBe(5);
		expect(result.actualPacePerDay).toBeCloseTo(5, 9);
		// the 28-day trailing average lags 13.5 days; centring it removes the lag, so the projection is exact
		expect(result.projection!.value).toBeCloseTo(2000, 6);
		expect(result.trend!.fromDay).toBe(11);
		expect(result.verdict).toBe('on track');
		expect(result.sentence).toBe(
			'Followers: 1,500 now (50% of the way from 1,000), target 2,000 by Jul 20, 1970. At the recent pace (+5 a day) the trend reaches 2,000 by then — on track.'
		);
	});

	it('is behind at 2 a day and says what pace is needed from now', () => {
		const result = evaluateNorthStar(goal, series('followers', 101, (d) => 1000 + 2 * d));
		expect(result.progress).toBe(0.2);
		expect(result.projection!.value).toBeCloseTo(1400, 6);
		expect(result.remainingPacePerDay).toBe(8);
		expect(result.verdict).toBe('behind');
		expect(result.sentence).toMatch(/— behind: \+8 a day is needed from now\.$/);
	});

	it('is ahead at 8 a day', () => {
		const result = evaluateNorthStar(goal, series('followers', 101, (d) => 1000 + 8 * d));
		expect(result.projection!.value).toBeCloseTo(2600, 6);
		expect(result.verdict).toBe('ahead');
	});

	it('reports a reached target and a missed one', () => {
		expect(evaluateNorthStar(goal, series('followers', 101, (d) => 1000 + 10 * d)).verdict).toBe('achieved');
		const late = evaluateNorthStar(goal, series('followers', 251, (d) => 1000 + 2 * d));
		expect(late.verdict).toBe('missed');
		expect(late.sentence).toMatch(/has passed at 1,500, short of 2,000/);
	});

	it('needs 14 smoothed days for a trend', () => {
		const result = evaluateNorthStar(goal, series('followers', 20, (d) => 1000 + d));
		// the 28-day average needs 14 values: days 13..19 give only 7 points
		expect(result.trend).toBeNull();
		expect(result.verdict).toBe('not enough data');
		expect(result.sentence).toMatch(/Not enough recent data for a trend/);
	});

	it('stops at an injected today', () => {
		const result = evaluateNorthStar(goal, series('followers', 201, (d) => 1000 + 5 * d), { today: 60 });
		expect(result.current).toEqual({ day: 60, value: 1300 });
	});

	it('tracks a flow as its trailing 30-day total', () => {
		const flowGoal: NorthStarTarget = { metric: 'impressions', baselineDay: 0, baselineValue: 3000, target: 4000, targetDay: 200 };
		const result = evaluateNorthStar(flowGoal, series('impressions', 101, () => 100));
		expect(result.measure).toBe('Impressions per 30 days');
		expect(result).toMatchObject({ metric: 'impressions', flowWindowDays: 30, smoothingDays: null, fitDays: 90, minFitPoints: 14 });
		expect(result.current).toEqual({ day: 100, value: 3000 });
		expect(result.progress).toBe(0);
		expect(result.actualPacePerDay).toBeCloseTo(0, 9);
		expect(result.verdict).toBe('behind');
	});

	it('fits the trend only after the accounts in a total last changed, so a step is not read as pace', () => {
		// 5 a day, but on day 60 an account with 400 followers leaves the total: without the change
		// the fit over days 11–100 would see the drop as a slower pace (and call the goal behind)
		const stepped = series('followers', 101, (d) => 1000 + 5 * d + (d < 60 ? 400 : 0));
		const membership = [{ day: 60, accountId: 'x:gone', kind: 'leaves' as const, valueDay: 28 }];
		const blind = evaluateNorthStar(goal, stepped);
		expect(blind.verdict).toBe('behind');
		const result = evaluateNorthStar(goal, stepped, { membership });
		// the 28-day average on day 87 is the first made only of days from 60 on
		expect(result.trend!.fromDay).toBe(87);
		expect(result.actualPacePerDay).toBeCloseTo(5, 9);
		expect(result.trendAfterChange).toBe(60);
		expect(result.changedSinceBaseline).toEqual({ joined: 0, left: 1 });
		expect(result.verdict).toBe('on track');
		expect(result.sentence).toMatch(/— on track\. The trend starts on Mar 29, 1970, after the accounts in the total last changed \(Mar 2, 1970\)\. Since the baseline the accounts in the total have changed \(0 joined, 1 left\), so progress is partly a change of accounts\.$/);
	});

	it('has no trend until enough days follow a change, and ignores changes before the fit or after now', () => {
		const steady = series('followers', 101, (d) => 1000 + 5 * d);
		const recent = evaluateNorthStar(goal, steady, { membership: [{ day: 80, accountId: 'x:new', kind: 'joins', valueDay: 80 }] });
		expect(recent.trend).toBeNull();
		expect(recent.verdict).toBe('not enough data');
		expect(recent.sentence).toMatch(/Not enough data for a trend since the accounts in the total last changed on Mar 22, 1970\. Since the baseline/);
		// fitted over the last 30 days (71–100): a join on day 20 has long settled; one on day 150 is after now
		const old = evaluateNorthStar(goal, steady, {
			fitDays: 30,
			membership: [
				{ day: 20, accountId: 'x:old', kind: 'joins', valueDay: 20 },
				{ day: 150, accountId: 'x:later', kind: 'joins', valueDay: 150 }
			]
		});
		expect(old.trend!.fromDay).toBe(71);
		expect(old.trendAfterChange).toBeNull();
		expect(old.changedSinceBaseline).toEqual({ joined: 1, left: 0 });
		expect(old.sentence).not.toMatch(/The trend starts/);
		expect(old.sentence).toMatch(/\(1 joined, 0 left\)/);
	});

	it('handles a target below the baseline', () => {
		const down: NorthStarTarget = { metric: 'followers', baselineDay: 0, baselineValue: 1000, target: 500, targetDay: 100 };
		const result = evaluateNorthStar(down, series('followers', 51, (d) => 1000 - 5 * d));
		expect(result.progress).toBe(0.5);
		expect(result.verdict).toBe('on track');
	});
});

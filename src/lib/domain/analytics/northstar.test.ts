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

	it('handles a target below the baseline', () => {
		const down: NorthStarTarget = { metric: 'followers', baselineDay: 0, baselineValue: 1000, target: 500, targetDay: 100 };
		const result = evaluateNorthStar(down, series('followers', 51, (d) => 1000 - 5 * d));
		expect(result.progress).toBe(0.5);
		expect(result.verdict).toBe('on track');
	});
});

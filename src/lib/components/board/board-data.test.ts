import { describe, expect, it } from 'vitest';
import { analyzePortfolio } from '$lib/domain/board';
import { day, makePortfolio, makeSeries } from '$lib/domain/board/test-fixtures';
import { METRIC_KEYS } from '$lib/domain/metrics';
import { BOARD_METRICS, groupBy, indexBy } from './board-data';

describe('BOARD_METRICS', () => {
	it('holds every metric the facts read: leaving the others out changes no fact', () => {
		const today = day('2026-11-26');
		const full = makePortfolio(12, today).map((input, index) => {
			// every catalogued metric, with values that would show if a fact read them
			const extra = METRIC_KEYS.filter((metric) => !input.series.some((series) => series.metric === metric)).map((metric, offset) =>
				makeSeries(metric, today - 200, Array.from({ length: 200 }, (_, slot) => 1 + ((slot * 7 + index * 13 + offset) % 97)))
			);
			return { ...input, series: [...input.series, ...extra] };
		});
		const kept = new Set(BOARD_METRICS);
		const filtered = full.map((input) => ({ ...input, series: input.series.filter((series) => kept.has(series.metric)) }));
		expect(filtered.every((input, index) => input.series.length < full[index].series.length)).toBe(true);
		expect(analyzePortfolio(filtered, today).facts).toEqual(analyzePortfolio(full, today).facts);
	});

	it('fails that check when a metric the facts read is left out', () => {
		const today = day('2026-11-26');
		const full = makePortfolio(6, today);
		const withoutFollowers = full.map((input) => ({ ...input, series: input.series.filter((series) => series.metric !== 'followers') }));
		expect(analyzePortfolio(withoutFollowers, today).facts).not.toEqual(analyzePortfolio(full, today).facts);
	});
});

describe('groupBy and indexBy', () => {
	it('group in order and index with the last item winning', () => {
		const items = [
			{ key: 'a', value: 1 },
			{ key: 'b', value: 2 },
			{ key: 'a', value: 3 }
		];
		expect([...groupBy(items, (item) => item.key, (item) => item.value)]).toEqual([
			['a', [1, 3]],
			['b', [2]]
		]);
		expect(indexBy(items, (item) => item.key).get('a')).toEqual({ key: 'a', value: 3 });
	});
});

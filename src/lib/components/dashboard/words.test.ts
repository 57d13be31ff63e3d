import { afterEach, describe, expect, it } from 'vitest';
import { COMBINATION_NOTES } from '$lib/domain/analytics/aggregate';
import { followersFromAvailable } from '$lib/domain/analytics/derive';
import { GRAINS } from '$lib/domain/analytics/grain';
import type { DailyValues } from '$lib/domain/analytics/types';
import type { MetricKey, MetricSemantics } from '$lib/domain/metrics';
import { i18n } from '$lib/i18n/i18n.svelte';
import { CHART_LAYOUTS } from './view-query';
import { computeKpis, KPI_IDS } from '$lib/domain/analytics/kpi';
import { combinationNote, followersText, kpiFormula, kpiLabel, kpiNote, kpiReason, layoutLabel, rollingTooShort, seriesWords } from './words';
import { ENGLISH_SERIES_WORDS } from './series';

const N = Number.NaN;
const series = (metric: MetricKey, startDay: number, values: number[]): DailyValues => ({
	accountId: 'a',
	metric,
	startDay,
	values: Float64Array.from(values)
});

afterEach(() => i18n.set('en'));

describe('dashboard words', () => {
	it('word follower totals as the core explains them, in English', () => {
		const results = [
			followersFromAvailable({}),
			followersFromAvailable({ followers: series('followers', 0, [10, 11]) }),
			followersFromAvailable({ followers_net: series('followers_net', 0, [1, 2]) }),
			followersFromAvailable({ followers_gained: series('followers_gained', 0, [1, 2]) }),
			followersFromAvailable({ followers: series('followers', 0, [N, N, 100, N, N, 120, N]), followers_net: series('followers_net', 0, [1, 2, 3, 4, 5, 6, 7]) }),
			followersFromAvailable({ followers: series('followers', 2, [50]), followers_gained: series('followers_gained', 0, [5, 5, 5]) }),
			followersFromAvailable({ followers: series('followers', 0, [50, N, N, N]), followers_net: series('followers_net', 0, [1, N, 2, N]) })
		];
		i18n.set('en');
		for (const result of results) expect(followersText(result)).toBe(result.explanation);
		i18n.set('zh-CN');
		expect(followersText(results[4])).toBe('有报告值的日子使用报告的总数；其余 5 天根据每日粉丝净变化推算，以最近的报告总数为基准。');
	});

	it('word how accounts are added up, and the small words, as the English defaults do', () => {
		i18n.set('en');
		for (const semantics of ['flow', 'level', 'unique', 'ratio'] as MetricSemantics[]) {
			expect(combinationNote(semantics, 31)).toBe(COMBINATION_NOTES[semantics](31));
		}
		const words = seriesWords();
		expect(words.list(['a', 'b'], 3)).toBe(ENGLISH_SERIES_WORDS.list(['a', 'b'], 3));
		expect(words.list(['a', 'b'], 0)).toBe(ENGLISH_SERIES_WORDS.list(['a', 'b'], 0));
		expect(words.undoneImport(7)).toBe(ENGLISH_SERIES_WORDS.undoneImport(7));
		expect(words.noteOfMany('n', 'a, b')).toBe(ENGLISH_SERIES_WORDS.noteOfMany('n', 'a, b'));
		expect(words.engagementsFromParts).toBe(ENGLISH_SERIES_WORDS.engagementsFromParts);
		expect(words.total).toBe(ENGLISH_SERIES_WORDS.total);
	});

	it('word the KPI cards as the core does in English', () => {
		i18n.set('en');
		const account = (id: string, platform: 'x' | 'youtube', seriesByMetric: Partial<Record<MetricKey, DailyValues>>) => ({
			accountId: id,
			platform,
			label: id,
			series: seriesByMetric
		});
		const flat = (metric: MetricKey, value: number) => series(metric, 0, Array.from({ length: 400 }, () => value));
		const sets = [
			computeKpis([], { range: { from: 300, to: 389 } }),
			computeKpis(
				[
					account('A', 'x', { impressions: flat('impressions', 10), engagements: flat('engagements', 1), followers: flat('followers', 5) }),
					account('B', 'youtube', { views: flat('views', 10), likes: flat('likes', 1), followers_net: flat('followers_net', 1) })
				],
				{ range: { from: 300, to: 389 } }
			)
		];
		for (const set of sets) {
			for (const id of KPI_IDS) {
				const card = set.cards[id];
				expect(kpiLabel(card)).toBe(card.label);
				expect(kpiFormula(card)).toBe(card.formula);
				expect(card.noteItems.map(kpiNote)).toEqual(card.notes);
				expect(kpiReason(card.vsPrevious)).toBe(card.vsPrevious.reason);
				expect(kpiReason(card.vsLastYear)).toBe(card.vsLastYear.reason);
			}
		}
	});

	it('has every layout and grain phrase in Chinese', () => {
		i18n.set('zh-CN');
		for (const layout of CHART_LAYOUTS) expect(layoutLabel(layout)).not.toMatch(/dashboard:|[A-Za-z]{3}/);
		for (const grain of GRAINS) expect(rollingTooShort(7, grain)).not.toMatch(/dashboard:|[A-Za-z]{3}/);
		expect(seriesWords().list(['甲', '乙'], 3)).toBe('甲、乙 等另外 3 个');
	});
});

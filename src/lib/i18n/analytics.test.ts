import { afterEach, describe, expect, it } from 'vitest';
import { dayFromISO } from '$lib/domain/days';
import { describeGrowth } from '$lib/domain/analytics/growth';
import { GRAINS } from '$lib/domain/analytics/grain';
import { PERIOD_PRESETS } from '$lib/domain/analytics/periods';
import { axisTitle, englishChartWords, ENGLISH_CHART_TEXT, type ChartTextKey } from '$lib/charts/build-shared';
import { evaluateNorthStar } from '$lib/domain/analytics/northstar';
import { hasMessage, i18n } from './i18n.svelte';
import { bucketText, chartWords, northStarMeasure, northStarSentence, verdictLabel, growthChange, growthReason, growthText, grainLabel, grainPhrase, presetLabel, presetPhrase, rangeText } from './analytics';

const day = (iso: string) => dayFromISO(iso)!;
const growth = (fromDay: string, from: number | null, toDay: string, to: number | null, style?: 'percent') =>
	describeGrowth({ day: day(fromDay), value: from }, { day: day(toDay), value: to }, { style });

afterEach(() => i18n.set('en'));

describe('analytics phrasing', () => {
	it('words growth in English exactly as the core does', () => {
		const cases = [
			growth('2023-01-01', 100, '2024-01-01', 1020),
			growth('2023-01-01', 100, '2024-04-01', 800, 'percent'),
			growth('2023-01-01', 1000, '2024-04-01', 13_500, 'percent'),
			growth('2024-01-01', 100, '2024-04-01', 88),
			growth('2024-01-01', 100, '2024-01-02', 103.4),
			growth('2024-01-01', 100_000, '2024-01-31', 100_001),
			growth('2024-01-01', 40, '2024-01-31', 40),
			growth('2024-01-01', 0, '2024-06-01', 50),
			growth('2024-01-01', -5, '2024-06-01', 10),
			growth('2020-01-01', 10, '2022-04-01', 100),
			growth('2021-01-01', 10, '2023-02-01', 100)
		];
		i18n.set('en');
		for (const item of cases) {
			expect(growthText(item)).toBe(item.text);
			expect(growthChange(item)).toBe(item.change);
			expect(growthReason(item)).toBe(item.reason);
		}
	});

	it('words growth, ranges and buckets in Chinese', () => {
		i18n.set('zh-CN');
		expect(growthText(growth('2023-01-01', 100, '2024-01-01', 1020))).toBe('12 个月内 10.2 倍');
		expect(growthText(growth('2024-01-01', 100, '2024-04-01', 88))).toBe('3 个月内 −12%');
		expect(growthText(growth('2024-01-01', 40, '2024-01-31', 40))).toBe('30 天内无变化');
		expect(growthText(growth('2024-01-01', 0, '2024-06-01', 50))).toBe('自 2024年1月1日 起新增');
		expect(growthReason(growth('2024-01-01', null, '2024-06-01', 50))).toBe('期初没有数值。');
		expect(rangeText({ from: day('2024-03-18'), to: day('2024-06-15') })).toBe('2024年3月18日 – 2024年6月15日');
		expect(bucketText(day('2024-05-20'), 'quarter')).toBe('2024 年第 2 季度');
		expect(bucketText(day('2024-05-20'), 'month')).toBe('2024年5月');
	});

	it('labels buckets, presets and grains in every language', () => {
		i18n.set('en');
		expect(bucketText(day('2024-03-20'), 'week')).toBe('Week of Mar 18, 2024');
		expect(bucketText(day('2024-03-20'), 'month')).toBe('March 2024');
		expect(bucketText(day('2024-03-20'), 'quarter')).toBe('Q1 2024');
		expect(bucketText(day('2024-03-20'), 'year')).toBe('2024');
		expect(presetLabel('last-90-days')).toBe('Last 90 days');
		expect(grainPhrase('week')).toBe('weekly');
		for (const locale of ['en', 'zh-CN'] as const) {
			i18n.set(locale);
			for (const preset of PERIOD_PRESETS) {
				expect(presetLabel(preset)).not.toMatch(/^analytics:/);
				expect(presetPhrase(preset)).not.toMatch(/^analytics:/);
			}
			for (const grain of GRAINS) {
				expect(grainLabel(grain)).not.toMatch(/^analytics:/);
				expect(grainPhrase(grain)).not.toMatch(/^analytics:/);
			}
		}
	});
});

describe('chart and north-star words', () => {
	const series = (length: number, valueOf: (day: number) => number) => ({
		accountId: 'portfolio',
		metric: 'followers' as const,
		startDay: 0,
		values: Float64Array.from({ length }, (_, d) => valueOf(d))
	});
	const goal = { metric: 'followers' as const, accountId: null, baselineDay: 0, baselineValue: 1000, target: 2000, targetDay: 200 };

	it('has every chart phrase in every language, the English one as the builders speak it', () => {
		for (const locale of ['en', 'zh-CN'] as const) {
			i18n.set(locale);
			const words = chartWords();
			for (const key of Object.keys(ENGLISH_CHART_TEXT) as ChartTextKey[]) {
				expect(hasMessage(`analytics:chart.${key}`), `${locale} analytics:chart.${key}`).toBe(true);
				const values = Object.fromEntries([...ENGLISH_CHART_TEXT[key].matchAll(/\{\{(\w+)\}\}/g)].map((match) => [match[1], `<${match[1]}>`]));
				if (locale === 'en') expect(words.text(key, values)).toBe(englishChartWords().text(key, values));
			}
		}
		i18n.set('zh-CN');
		expect(chartWords().dateLocale).toBeDefined();
		expect(axisTitle('impressions', 'week', { words: chartWords() })).toBe('每周展示次数（合计）'.replace('展示次数', chartWords().metric('impressions')));
	});

	it('words the north-star verdict as the core does in English, and in Chinese', () => {
		const cases = [
			evaluateNorthStar(goal, series(101, (d) => 1000 + 5 * d)),
			evaluateNorthStar(goal, series(101, (d) => 1000 + 2 * d)),
			evaluateNorthStar(goal, series(101, (d) => 1000 + 8 * d)),
			evaluateNorthStar(goal, series(101, (d) => 1000 + 10 * d)),
			evaluateNorthStar(goal, series(251, (d) => 1000 + 2 * d)),
			// accounts joining and leaving a portfolio total: the trend after the last change, progress flagged
			evaluateNorthStar(goal, series(101, (d) => 1000 + 5 * d + (d < 60 ? 400 : 0)), {
				membership: [{ day: 60, accountId: 'x:gone', kind: 'leaves', valueDay: 28 }]
			}),
			evaluateNorthStar(goal, series(101, (d) => 1000 + 5 * d), { membership: [{ day: 80, accountId: 'x:new', kind: 'joins', valueDay: 80 }] }),
			evaluateNorthStar(goal, series(101, (d) => 1000 + 10 * d), { membership: [{ day: 30, accountId: 'x:new', kind: 'joins', valueDay: 30 }] }),
			evaluateNorthStar(goal, series(20, (d) => 1000 + d))
		];
		i18n.set('en');
		for (const result of cases) {
			expect(northStarSentence(goal, result)).toBe(result.sentence);
			expect(northStarMeasure(result)).toBe(result.measure);
			expect(verdictLabel(result.verdict).toLowerCase()).toBe(result.verdict);
		}
		i18n.set('zh-CN');
		expect(northStarSentence(goal, cases[1])).toMatch(/^粉丝数：当前 1,200（从 1,000 起已完成 20%），目标是在 1970年7月20日前达到 2,000。/);
		expect(verdictLabel('behind')).toBe('落后');
	});
});

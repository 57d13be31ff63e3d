import { describe, expect, it } from 'vitest';
import { postsPerWeek } from '../../domain/analytics/cadence';
import { topicStats } from '../../domain/analytics/topics';
import { dayFromISO } from '../../domain/days';
import { breakdownCategories, groupBreakdowns, monthlyTopicSeries, sentenceParts, weeklyPostsSeries, type BreakdownSnapshot } from './account-data';

const day = (iso: string) => dayFromISO(iso)!;

describe('weeklyPostsSeries', () => {
	it('turns posts per week into a complete flow series, unknown weeks as gaps', () => {
		const perWeek = postsPerWeek(
			[{ day: day('2024-01-01'), publishedAt: null }, { day: day('2024-01-03'), publishedAt: null }, { day: day('2024-01-17'), publishedAt: null }],
			{ range: { from: day('2024-01-01'), to: day('2024-01-28') }, covered: { from: day('2024-01-01'), to: day('2024-01-21') } }
		)!;
		const series = weeklyPostsSeries(perWeek, 'x:acme');
		expect(Array.from(series.values)).toEqual([2, 0, 1, Number.NaN]);
		expect(Array.from(series.covered)).toEqual([7, 7, 7, 0]);
		expect(series.semantics).toBe('flow');
	});
});

describe('monthlyTopicSeries', () => {
	it('lines up the chosen topics’ posts per month on one frame', () => {
		const posts = [
			{ postId: '1', accountId: 'a', publishedAt: null, day: day('2024-01-10'), text: '#ai', metrics: {} },
			{ postId: '2', accountId: 'a', publishedAt: null, day: day('2024-03-02'), text: '#ai #cloud', metrics: {} }
		];
		const stats = topicStats(posts, (post) => (post.text.includes('#cloud') ? ['ai', 'cloud'] : ['ai']));
		const result = monthlyTopicSeries(stats, ['cloud', 'ai', 'missing'])!;
		expect(result.frame.count).toBe(3);
		expect(result.lines.map((line) => [line.topic, Array.from(line.series.values)])).toEqual([
			['cloud', [0, 0, 1]],
			['ai', [1, 0, 1]]
		]);
		expect(monthlyTopicSeries({ metric: 'engagements', months: [], monthStarts: [], topics: [] }, ['ai'])).toBeNull();
	});
});

describe('breakdowns', () => {
	const snapshot = (dimension: BreakdownSnapshot['dimension'], asOf: string, entries: [string, number][]): BreakdownSnapshot => ({
		importId: 1,
		dimension,
		asOf: day(asOf),
		unit: 'share',
		measure: 'followers',
		entries: entries.map(([key, value]) => ({ key, value }))
	});

	it('groups snapshots by dimension in catalogue order, oldest first', () => {
		const groups = groupBreakdowns([
			snapshot('seniority', '2024-02-01', [['Senior', 1]]),
			snapshot('country', '2024-03-01', [['DE', 1]]),
			snapshot('country', '2024-01-01', [['FR', 1]])
		]);
		expect(groups.map((group) => [group.dimension, group.snapshots.map((s) => s.entries[0].key)])).toEqual([
			['country', ['FR', 'DE']],
			['seniority', ['Senior']]
		]);
	});

	it('keeps the largest entries and folds the rest into one bar so shares still add up', () => {
		const categories = breakdownCategories(
			snapshot('country', '2024-01-01', [
				['FR', 0.1],
				['DE', 0.5],
				['US', 0.3],
				['JP', 0.06],
				['BR', 0.04]
			]),
			(more) => `Other (${more} more)`,
			2
		);
		expect(categories.map((c) => [c.label, c.value])).toEqual([
			['DE', 0.5],
			['US', 0.3],
			['Other (3 more)', expect.closeTo(0.2, 10)]
		]);
	});
});

describe('sentenceParts', () => {
	it('splits a message into text and numbered links, wherever the language puts them', () => {
		expect(sentenceParts('Pick one from the <0>dashboard</0> or the <1>board</1>.')).toEqual([
			{ text: 'Pick one from the ', link: null },
			{ text: 'dashboard', link: 0 },
			{ text: ' or the ', link: null },
			{ text: 'board', link: 1 },
			{ text: '.', link: null }
		]);
		expect(sentenceParts('请从<1>整合看板</1>或<0>仪表板</0>中选择')).toEqual([
			{ text: '请从', link: null },
			{ text: '整合看板', link: 1 },
			{ text: '或', link: null },
			{ text: '仪表板', link: 0 },
			{ text: '中选择', link: null }
		]);
		expect(sentenceParts('No links, <b>no</b> tags')).toEqual([{ text: 'No links, <b>no</b> tags', link: null }]);
	});
});

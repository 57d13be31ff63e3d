import { describe, expect, it } from 'vitest';
import { dayFromISO } from '../days';
import type { MetricKey } from '../metrics';
import { computeKpis, defaultSparklineGrain, type KpiAccount } from './kpi';
import type { DailyValues } from './types';

const day = (iso: string) => dayFromISO(iso)!;

/** A series with `value` on every day from `from` to `to`, minus the `missing` days. */
function constant(metric: MetricKey, from: string, to: string, value: number, missing: string[] = []): DailyValues {
	const start = day(from);
	const values = new Float64Array(day(to) - start + 1).fill(value);
	for (const iso of missing) values[day(iso) - start] = Number.NaN;
	return { accountId: 'test', metric, startDay: start, values };
}

function points(metric: MetricKey, entries: Record<string, number>): DailyValues {
	const days = Object.keys(entries).map(day);
	const start = Math.min(...days);
	const values = new Float64Array(Math.max(...days) - start + 1).fill(Number.NaN);
	for (const [iso, value] of Object.entries(entries)) values[day(iso) - start] = value;
	return { accountId: 'test', metric, startDay: start, values };
}

// this period: 2024-03-01 … 03-10 (10 days); previous: 02-20 … 02-29; a year earlier: 2023-03-01 … 03-10
const range = { from: day('2024-03-01'), to: day('2024-03-10') };

const accountA: KpiAccount = {
	accountId: 'x:a',
	platform: 'x',
	label: 'A',
	series: {
		impressions: constant('impressions', '2023-01-01', '2024-03-10', 100, ['2024-03-05']),
		engagements: constant('engagements', '2023-01-01', '2024-03-10', 5, ['2024-03-05']),
		followers: points('followers', { '2023-03-10': 500, '2024-02-29': 900, '2024-03-10': 1000 }),
		posts_published: constant('posts_published', '2024-02-20', '2024-03-10', 1)
	}
};

const accountB: KpiAccount = {
	accountId: 'youtube:b',
	platform: 'youtube',
	label: 'B',
	series: {
		views: constant('views', '2024-02-20', '2024-03-10', 50),
		likes: constant('likes', '2024-02-20', '2024-03-10', 2),
		comments: constant('comments', '2024-02-20', '2024-03-10', 1),
		followers: points('followers', { '2024-03-10': 200 }),
		followers_net: constant('followers_net', '2024-02-20', '2024-03-10', 1)
	},
	posts: [{ day: day('2024-02-25') }, { day: day('2024-03-02') }, { day: day('2024-03-03') }, { day: day('2024-03-09') }, { day: null }]
};

describe('computeKpis', () => {
	const { cards, previous, lastYear } = computeKpis([accountA, accountB], { range });

	it('compares with the 10 days before and the same dates a year earlier', () => {
		expect(previous).toEqual({ from: day('2024-02-20'), to: day('2024-02-29') });
		expect(lastYear).toEqual({ from: day('2023-03-01'), to: day('2023-03-10') });
	});

	it('sums impressions, using views where an account has no impressions, and says so', () => {
		const card = cards.impressions;
		// A: 9 days × 100 (03-05 missing); B: 10 days × 50 views
		expect(card.value).toBe(1400);
		expect(card.coverage).toBe(19 / 20);
		expect(card.label).toBe('Impressions / views');
		expect(card.notes).toEqual(['Views used for B (no impressions in their exports).']);
		expect(card).toMatchObject({ usesViews: true, noteItems: [{ code: 'views-used', accounts: ['B'] }] });
		expect(card.vsPrevious.value).toBe(1500);
		expect(card.vsPrevious.absoluteChange).toBe(-100);
		expect(card.vsPrevious.relativeChange).toBeCloseTo(1400 / 1500 - 1, 12);
		// a year earlier only A has data: half the account-days, so no comparison
		expect(card.vsLastYear.value).toBe(1000);
		expect(card.vsLastYear.relativeChange).toBeNull();
		expect(card.vsLastYear.reason).toBe('Data covers only 50% of the compared period’s account-days.');
		expect(card.vsLastYear).toMatchObject({ reasonCode: 'low-coverage-reference', reasonShare: 0.5 });
		expect(card.byPlatform).toEqual([
			{ platform: 'x', label: 'X / Twitter', value: 900, accounts: 1 },
			{ platform: 'youtube', label: 'YouTube', value: 500, accounts: 1 }
		]);
	});

	it('draws the sparkline by week: Fri 1 – Sun 3 March, then 4 – 10 March', () => {
		expect(cards.impressions.sparkline.grain).toBe('week');
		expect([...cards.impressions.sparkline.values]).toEqual([3 * 100 + 3 * 50, 6 * 100 + 7 * 50]);
	});

	it('sums likes + comments + shares where an account has no engagements, and says so', () => {
		expect(cards.engagements.value).toBe(9 * 5 + 10 * 3);
		expect(cards.engagements.notes[0]).toMatch(/^Engagements for B are likes \+ comments \+ shares/);
	});

	it('computes the engagement rate from sums, not from daily rates, and states the formula', () => {
		expect(cards.engagement_rate.value).toBeCloseTo(75 / 1400, 12);
		expect(cards.engagement_rate.formula).toMatch(/engagements ÷ impressions.*not an average of daily rates/);
		expect(cards.engagement_rate.byPlatform.map((p) => p.value)).toEqual([45 / 900, 30 / 500]);
		// previous: A 50 / 1000, B 30 / 500
		expect(cards.engagement_rate.vsPrevious.value).toBeCloseTo(80 / 1500, 12);
		expect(cards.engagement_rate.sparkline.values[0]).toBeCloseTo((15 + 9) / 450, 12);
	});

	it('adds up followers at the period’s end, rebuilt where only changes are known', () => {
		const card = cards.audience;
		expect(card.value).toBe(1200);
		expect(card.derived).toBe(true);
		expect(card.notes).toContain('Totals rebuilt from daily follower changes for B.');
		// B on 02-29: 200 − 10 days of +1
		expect(card.vsPrevious.value).toBe(900 + 190);
		expect(card.vsPrevious.absoluteChange).toBe(110);
		expect(card.vsLastYear.relativeChange).toBeNull();
		// named as the cards name accounts, not by their ids
		expect(card.vsLastYear.reason).toBe('Not the same accounts have a follower count at both dates (B).');
		expect(card.vsLastYear.reasonCode).toBe('accounts-differ');
		expect(card.vsLastYear.reasonAccounts).toEqual(['B']);
		expect(card.byPlatform.map((p) => p.value)).toEqual([1000, 200]);
	});

	it('counts posts from the post list where there is no posts_published series', () => {
		const card = cards.posts_published;
		// A: 10 from its series; B: 3 posts (posts known from 02-25 to 03-09, so 9 of 10 days covered)
		expect(card.value).toBe(13);
		expect(card.coverage).toBe(19 / 20);
		expect(card.notes).toEqual(['Counted from the imported posts for B.']);
		expect(card.noteItems).toEqual([{ code: 'posts-counted', accounts: ['B'] }]);
		// previous: B's posts only cover 02-25 … 02-29
		expect(card.vsPrevious.value).toBe(11);
		expect(card.vsPrevious.relativeChange).toBeNull();
	});

	it('counts zero posts as a real 0 over the days the post list is known to cover', () => {
		const quiet: KpiAccount = { accountId: 'blog:q', platform: 'blog', series: {}, posts: [], postsCoverage: { from: day('2024-02-01'), to: day('2024-03-31') } };
		const card = computeKpis([quiet], { range }).cards.posts_published;
		expect(card.value).toBe(0);
		expect(card.coverage).toBe(1);
		expect(card.vsPrevious.absoluteChange).toBe(0);
		expect(card.vsPrevious.reason).toMatch(/value is 0/);
	});

	it('gives empty cards without accounts', () => {
		const empty = computeKpis([], { range });
		expect(empty.cards.audience.value).toBeNull();
		expect(empty.cards.impressions.vsPrevious.reason).toBe('No data in this period.');
		expect(empty.cards.impressions.vsPrevious.reasonCode).toBe('no-current');
		expect([...empty.cards.engagements.sparkline.values]).toEqual([Number.NaN, Number.NaN]);
	});

	it('picks a coarser sparkline grain for longer periods', () => {
		expect(defaultSparklineGrain({ from: 0, to: 119 })).toBe('week');
		expect(defaultSparklineGrain({ from: 0, to: 364 })).toBe('month');
		expect(defaultSparklineGrain({ from: 0, to: 3649 })).toBe('quarter');
	});
});

describe('computeKpis: accounts starting or stopping to count, on the sparklines', () => {
	// January – June 2024: monthly sparkline buckets Jan (0) … Jun (5)
	const half = { from: day('2024-01-01'), to: day('2024-06-30') };
	const steady: KpiAccount = {
		accountId: 'x:p',
		platform: 'x',
		label: 'P',
		series: { followers: constant('followers', '2023-01-01', '2024-06-30', 1000), impressions: constant('impressions', '2023-01-01', '2024-06-30', 10) }
	};
	// exports begin on 10 April: its 500 followers and its impressions are new to the totals, not growth
	const late: KpiAccount = {
		accountId: 'x:q',
		platform: 'x',
		label: 'Q',
		series: { followers: constant('followers', '2024-04-10', '2024-06-30', 500), impressions: constant('impressions', '2024-04-10', '2024-06-30', 5) }
	};
	// the last follower count is from 15 February; carried 31 days, it stops counting from 18 March
	const retired: KpiAccount = {
		accountId: 'linkedin:r',
		platform: 'linkedin',
		label: 'R',
		series: { followers: constant('followers', '2023-01-01', '2024-02-15', 300) }
	};
	const { cards } = computeKpis([steady, late, retired], { range: half });

	it('marks the month an account joins and the month one leaves the audience total', () => {
		const spark = cards.audience.sparkline;
		expect(spark.grain).toBe('month');
		expect([...spark.joined]).toEqual([0, 0, 0, 1, 0, 0]);
		expect([...spark.left]).toEqual([0, 0, 1, 0, 0, 0]);
	});

	it('marks flows where an account’s data begins inside the period', () => {
		expect([...cards.impressions.sparkline.joined]).toEqual([0, 0, 0, 1, 0, 0]);
		expect([...cards.impressions.sparkline.left]).toEqual([0, 0, 0, 0, 0, 0]);
	});

	it('marks no leaving where every account’s data ends before the period does: the line ends, it does not fall', () => {
		// both accounts' impressions end on 20 June, ten days before the period's end
		const ended = (account: KpiAccount, value: number): KpiAccount => ({
			...account,
			series: { impressions: constant('impressions', account === late ? '2024-04-10' : '2023-01-01', '2024-06-20', value) }
		});
		const { impressions } = computeKpis([ended(steady, 10), ended(late, 5)], { range: half }).cards;
		expect([...impressions.sparkline.left]).toEqual([0, 0, 0, 0, 0, 0]);
		expect([...impressions.sparkline.joined]).toEqual([0, 0, 0, 1, 0, 0]);
		// one stopping on 20 June while the other goes on: the total dips there, and that is marked
		const { impressions: dipping } = computeKpis([ended(steady, 10), late], { range: half }).cards;
		expect([...dipping.sparkline.left]).toEqual([0, 0, 0, 0, 0, 1]);
	});

	it('marks nothing where the same accounts count throughout', () => {
		const alone = computeKpis([steady], { range: half }).cards;
		expect([...alone.audience.sparkline.joined, ...alone.audience.sparkline.left].every((n) => n === 0)).toBe(true);
		expect(alone.audience.sparkline.joined).toHaveLength(6);
	});
});

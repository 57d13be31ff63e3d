import { describe, expect, it } from 'vitest';
import { bucketFrame } from '../../domain/analytics/grain';
import { DAY_DERIVED } from '../../domain/analytics/types';
import { dayFromISO } from '../../domain/days';
import type { MetricKey } from '../../domain/metrics';
import {
	accountDailies,
	accountSummaries,
	accountsNeedingPostCounts,
	aggregateGroups,
	audienceGrowth,
	autoGrain,
	bucketSources,
	chartSeriesSteps,
	chartableMetrics,
	combineGroups,
	comparableEnds,
	defaultMetric,
	describeSources,
	groupNotes,
	kpiAccounts,
	rollingWindowInBuckets,
	rollingWindowsFor,
	sameStoredSeries,
	selectAccounts,
	trackedValueOn,
	uniqueLabels,
	viewRange,
	type AccountInfo,
	type StoredSeries
} from './series';

const N = Number.NaN;
const day = (iso: string) => dayFromISO(iso)!;
const monday = day('2024-01-01');

function stored(accountId: string, metric: MetricKey, startDay: number, values: number[], source = 1): StoredSeries {
	return {
		accountId,
		metric,
		startDay,
		values: Float64Array.from(values),
		sources: Uint32Array.from(values, (value) => (Number.isNaN(value) ? 0 : source))
	};
}

const accounts: AccountInfo[] = [
	{ id: 'x:a', platform: 'x', displayName: 'A on X' },
	{ id: 'x:b', platform: 'x', displayName: 'B on X' },
	{ id: 'linkedin:c', platform: 'linkedin', displayName: 'C on LinkedIn' },
	{ id: 'youtube:d', platform: 'youtube', displayName: 'D on YouTube' }
];

describe('metric choice', () => {
	it('offers engagements when only their parts are stored, in catalogue order; follower totals only with a reported total', () => {
		expect(chartableMetrics(['likes', 'followers_gained', 'impressions'])).toEqual([
			'followers_gained',
			'impressions',
			'engagements',
			'likes'
		]);
		expect(chartableMetrics(['followers', 'followers_net'])).toEqual(['followers', 'followers_net']);
		expect(defaultMetric(['views', 'likes'])).toBe('views');
		expect(defaultMetric(['likes'])).toBe('likes');
		expect(defaultMetric([])).toBeNull();
	});
});

describe('accountDailies', () => {
	it('rebuilds follower totals from daily changes and says so; an account with changes only is unusable, with the reason', () => {
		const { byAccount, unusable } = accountDailies(
			[
				stored('x:a', 'followers', monday + 2, [100]),
				stored('x:a', 'followers_net', monday, [5, 5, 5, 5], 2),
				stored('linkedin:c', 'followers_gained', monday, [3, 4])
			],
			'followers'
		);
		const a = byAccount.get('x:a')!;
		// 100 at the end of day 2; day 1 = 100 − 5, day 0 = 95 − 5, day 3 = 100 + 5
		expect(Array.from(a.series.values)).toEqual([90, 95, 100, 105]);
		expect(a.series.flags?.[0]).toBe(DAY_DERIVED);
		expect(a.note).toMatch(/rebuilt from the daily net follower change/);
		expect(a.inputs).toHaveLength(2);
		expect(unusable.get('linkedin:c')).toMatch(/Import any file that gives the follower total/);
	});

	it('sums likes, comments and shares where an export has no engagements, and keeps reported engagements as they are', () => {
		const { byAccount } = accountDailies(
			[
				stored('x:a', 'engagements', monday, [10, 20]),
				stored('x:a', 'likes', monday, [1, 1]),
				stored('x:b', 'likes', monday, [1, 2]),
				stored('x:b', 'shares', monday, [N, 3])
			],
			'engagements'
		);
		expect(Array.from(byAccount.get('x:a')!.series.values)).toEqual([10, 20]);
		expect(byAccount.get('x:a')!.note).toBeUndefined();
		expect(Array.from(byAccount.get('x:b')!.series.values)).toEqual([1, 5]);
		expect(byAccount.get('x:b')!.note).toMatch(/likes \+ comments \+ shares/);
	});
});

describe('derived series, remembered by what they are made from', () => {
	const read = () => [
		stored('x:a', 'followers', monday + 2, [100]),
		stored('x:a', 'followers_net', monday, [5, 5, 5, 5], 2),
		stored('x:a', 'likes', monday, [1, 2, 3]),
		stored('x:a', 'shares', monday, [N, 1, 1]),
		stored('x:b', 'likes', monday, [4, 4, 4]),
		stored('x:b', 'impressions', monday, [10, 20, 30])
	];
	const only = (list: StoredSeries[], metric: MetricKey) =>
		list.filter((series) => (metric === 'engagements' ? ['engagements', 'likes', 'comments', 'shares', 'clicks'] : metric === 'followers' ? ['followers', 'followers_net', 'followers_gained', 'followers_lost'] : [metric]).includes(series.metric));

	it('sums engagements and rebuilds follower totals once for the same stored series, again for a new read', () => {
		const first = read();
		const engagements = accountDailies(only(first, 'engagements'), 'engagements').byAccount.get('x:a')!.series;
		const followers = accountDailies(only(first, 'followers'), 'followers').byAccount.get('x:a')!.series;
		// the same objects in a new list (the page filters the KPI read anew on each change of metric)
		expect(accountDailies(only(first, 'engagements'), 'engagements').byAccount.get('x:a')!.series).toBe(engagements);
		expect(accountDailies(only(first, 'followers'), 'followers').byAccount.get('x:a')!.series).toBe(followers);
		// a new read of the same records: computed from it, with the same values
		const second = read();
		const again = accountDailies(only(second, 'engagements'), 'engagements').byAccount.get('x:a')!.series;
		expect(again).not.toBe(engagements);
		expect(Array.from(again.values)).toEqual([1, 3, 4]);
		expect(Array.from(accountDailies(only(second, 'followers'), 'followers').byAccount.get('x:a')!.series.values)).toEqual([90, 95, 100, 105]);
	});

	it('combines the same accounts’ series once per layout group; other series or another group are combined anew', () => {
		const list = read();
		const { byAccount } = accountDailies(only(list, 'engagements'), 'engagements');
		const total = combineGroups(byAccount, accounts, 'engagements', 'total').groups[0];
		expect(combineGroups(byAccount, accounts, 'engagements', 'total').groups[0].series).toBe(total.series);
		expect(Array.from(total.series.values)).toEqual([5, 7, 8]);
		const other = accountDailies(only(read(), 'engagements'), 'engagements').byAccount;
		expect(combineGroups(other, accounts, 'engagements', 'total').groups[0].series).not.toBe(total.series);
		expect(combineGroups(byAccount, accounts, 'engagements', 'platforms').groups[0].series).not.toBe(total.series);
	});

	it('derives ahead of time, an account per step and then the total, what a change of metric then charts', () => {
		const list = read();
		const metrics = ['engagements', 'followers'] as const;
		const steps = chartSeriesSteps(list, metrics, accounts, 'total');
		// per metric: the four accounts, then their total
		expect(steps).toHaveLength(2 * (accounts.length + 1));
		const ahead = steps.map((step) => step());
		for (const [index, metric] of metrics.entries()) {
			const { byAccount } = accountDailies(only(list, metric), metric);
			const charted = combineGroups(byAccount, accounts, metric, 'total');
			const total = ahead[(index + 1) * (accounts.length + 1) - 1] as ReturnType<typeof combineGroups>;
			expect(charted.groups).toHaveLength(total.groups.length);
			charted.groups.forEach((group, at) => expect(group.series).toBe(total.groups[at].series));
		}
		// an account's step made the series its chart uses
		const engagementsOfA = (ahead[0] as ReturnType<typeof accountDailies>).byAccount.get('x:a')!.series;
		expect(accountDailies(only(list, 'engagements'), 'engagements').byAccount.get('x:a')!.series).toBe(engagementsOfA);
	});

});

describe('selecting and combining accounts', () => {
	const { byAccount } = accountDailies(
		[
			stored('x:a', 'impressions', monday, [1, 2, 3]),
			stored('x:b', 'impressions', monday + 1, [10, 10]),
			stored('linkedin:c', 'impressions', monday, [100, N, 100])
		],
		'impressions'
	);

	it('chosen accounts win over platforms; no choice is every account', () => {
		expect(selectAccounts(accounts, { accounts: ['linkedin:c', 'nope'], platforms: ['x'] }).map((a) => a.id)).toEqual(['linkedin:c']);
		expect(selectAccounts(accounts, { accounts: [], platforms: ['x'] }).map((a) => a.id)).toEqual(['x:a', 'x:b']);
		expect(selectAccounts(accounts, { accounts: [], platforms: [] })).toHaveLength(4);
	});

	it('adds flows up day by day for the total and lists the accounts without data', () => {
		const { groups, withoutData } = combineGroups(byAccount, accounts, 'impressions', 'total');
		expect(withoutData).toEqual(['youtube:d']);
		expect(groups).toHaveLength(1);
		expect(groups[0].label).toBe('All accounts');
		expect(Array.from(groups[0].series.values)).toEqual([101, 12, 113]);
		expect(groups[0].note).toBe('Sum across accounts, day by day.');
	});

	it('a total of one account is that account, by name', () => {
		const { groups } = combineGroups(byAccount, [accounts[2]], 'impressions', 'total');
		expect(groups[0]).toMatchObject({ label: 'C on LinkedIn', accountIds: ['linkedin:c'] });
		expect(groups[0].note).toBeUndefined();
	});

	it('groups by platform in catalogue order for lines per platform and for stacking', () => {
		const { groups } = combineGroups(byAccount, accounts, 'impressions', 'stacked');
		expect(groups.map((group) => [group.id, group.label, group.accountIds])).toEqual([
			['x', 'X / Twitter', ['x:a', 'x:b']],
			['linkedin', 'LinkedIn', ['linkedin:c']]
		]);
		expect(Array.from(groups[0].series.values)).toEqual([1, 12, 13]);
	});

	it('the "all time" range runs from the first to the last day with data', () => {
		expect(viewRange({ preset: 'all-time', custom: null }, [...byAccount.values()].map((d) => d.series), monday + 400)).toEqual({
			from: monday,
			to: monday + 2
		});
		expect(viewRange({ preset: 'last-90-days', custom: null }, [], monday + 400)).toEqual({ from: monday + 311, to: monday + 400 });
		expect(viewRange({ preset: 'all-time', custom: null }, [], monday)).toBeNull();
	});
});

describe('aggregateGroups', () => {
	it('buckets every line on one frame and lines last year up with this year', () => {
		// two years of daily impressions: 1 a day in 2023, 2 a day in 2024
		const lastYear = day('2023-01-01');
		const values = Array.from({ length: day('2024-12-31') - lastYear + 1 }, (_, i) => (lastYear + i < day('2024-01-01') ? 1 : 2));
		const series = stored('x:a', 'impressions', lastYear, values);
		const { frame, lines } = aggregateGroups(
			[{ id: 'x:a', label: 'A', accountIds: ['x:a'], series }],
			{ from: day('2024-01-01'), to: day('2024-03-31') },
			'month',
			true
		);
		expect(frame.count).toBe(3);
		expect(Array.from(lines[0].series.values)).toEqual([62, 58, 62]);
		// January, February, March 2023
		expect(Array.from(lines[0].yearAgo!)).toEqual([31, 28, 31]);
	});
});

describe('accounts joining and leaving a total', () => {
	// a's exports stop after day 9; b's begin on day 20 (followers: levels, carried 31 days)
	const { byAccount } = accountDailies(
		[stored('x:a', 'followers', monday, Array(10).fill(100)), stored('x:b', 'followers', monday + 20, Array(60).fill(5))],
		'followers'
	);

	it('the total says which account leaves it and when, so a fall is not read as a loss of followers', () => {
		const { groups } = combineGroups(byAccount, accounts, 'followers', 'total');
		expect(groups[0].changes).toEqual([
			{ day: monday + 20, accountId: 'x:b', kind: 'joins', valueDay: monday + 20 },
			{ day: monday + 41, accountId: 'x:a', kind: 'leaves', valueDay: monday + 9 }
		]);
	});

	it('a chart line carries only the changes inside its range and after its first bucket, where a step shows', () => {
		const { groups } = combineGroups(byAccount, accounts, 'followers', 'total');
		// weeks from monday + 14: b joins on the first week's Sunday, inside the line's first point
		const inRange = aggregateGroups(groups, { from: monday + 14, to: monday + 60 }, 'week', false);
		expect(inRange.lines[0].changes).toEqual([{ day: monday + 41, accountId: 'x:a', kind: 'leaves', valueDay: monday + 9 }]);
		const byDay = aggregateGroups(groups, { from: monday + 14, to: monday + 30 }, 'day', false);
		expect(byDay.lines[0].changes).toEqual([{ day: monday + 20, accountId: 'x:b', kind: 'joins', valueDay: monday + 20 }]);
		const before = aggregateGroups(groups, { from: monday, to: monday + 19 }, 'week', false);
		expect(before.lines[0].changes).toBeUndefined();
	});

	it('a total’s year-ago line carries last year’s changes, lined up where the overlay draws them', () => {
		const { groups } = combineGroups(byAccount, accounts, 'followers', 'total');
		const range = { from: day('2025-01-01'), to: day('2025-03-31') };
		const { lines } = aggregateGroups(groups, range, 'month', true);
		// a year back: b joined in January 2024 (the overlay's first point: no step shown), a left on 11 February
		expect(Array.from(lines[0].yearAgoChanges!.joined)).toEqual([0, 0, 0]);
		expect(Array.from(lines[0].yearAgoChanges!.left)).toEqual([0, 1, 0]);
		expect(Array.from(lines[0].yearAgoChanges!.firstDay, (d) => (Number.isNaN(d) ? null : d))).toEqual([null, day('2025-02-11'), null]);
		expect(aggregateGroups(groups, range, 'month', false).lines[0].yearAgoChanges).toBeUndefined();
		// nothing changed a year before the data began
		expect(aggregateGroups(groups, { from: monday, to: monday + 60 }, 'week', true).lines[0].yearAgoChanges).toBeUndefined();
	});

	it('lines per account have no changes to mark', () => {
		const { groups } = combineGroups(byAccount, accounts, 'followers', 'accounts');
		expect(groups.every((group) => group.changes === undefined)).toBe(true);
	});
});

describe('autoGrain', () => {
	it.each([
		[1, 'day'],
		[92, 'day'],
		[93, 'week'],
		[1100, 'week'],
		[1101, 'month'],
		[3650, 'month']
	] as const)('%i days read best by %s', (days, grain) => {
		expect(autoGrain({ from: monday, to: monday + days - 1 })).toBe(grain);
	});
});

describe('rolling windows', () => {
	it.each([
		[7, 'day', 7],
		[28, 'week', 4],
		[90, 'week', 13],
		[90, 'month', 3],
		[7, 'week', null],
		[28, 'month', null],
		[90, 'quarter', null]
	] as const)('%i days at grain %s = %s buckets', (days, grain, expected) => {
		expect(rollingWindowInBuckets(days, grain)).toBe(expected);
	});

	it('drops windows shorter than two buckets and uses the grain’s default when none are chosen', () => {
		expect(rollingWindowsFor([7, 28, 90], 'week')).toEqual([4, 13]);
		expect(rollingWindowsFor(null, 'day')).toEqual([7, 28]);
		expect(rollingWindowsFor(null, 'month')).toEqual([3]);
		expect(rollingWindowsFor([], 'day')).toEqual([]);
	});
});

describe('provenance', () => {
	it('collects the imports behind each bucket, inside the range only', () => {
		const a = { startDay: monday, sources: Uint32Array.from([1, 1, 0, 2, 2, 2, 2, 3, 3]) };
		const b = { startDay: monday + 7, sources: Uint32Array.from([4]) };
		const frame = bucketFrame({ from: monday + 1, to: monday + 8 }, 'week');
		expect(bucketSources([a, b], frame).map((set) => [...set].sort())).toEqual([
			[1, 2],
			[3, 4]
		]);
	});
});

describe('KPI inputs', () => {
	it('hands each chosen account its series by metric, and names those whose posts must be counted', () => {
		const series = [stored('x:a', 'impressions', monday, [1]), stored('x:a', 'posts_published', monday, [2]), stored('x:b', 'likes', monday, [3])];
		const kpi = kpiAccounts(series, accounts.slice(0, 2), new Map([['x:b', [{ day: monday }]]]));
		expect(Object.keys(kpi[0].series)).toEqual(['impressions', 'posts_published']);
		expect(kpi[1]).toMatchObject({ accountId: 'x:b', platform: 'x', label: 'B on X', posts: [{ day: monday }] });
		expect(accountsNeedingPostCounts(series, accounts.slice(0, 3))).toEqual(['x:b', 'linkedin:c']);
	});

	it('names accounts that share a display name with their platform, so a card’s reason tells them apart', () => {
		const same: AccountInfo[] = [
			{ id: 'tiktok:contoso', platform: 'tiktok', displayName: 'Contoso' },
			{ id: 'facebook:contoso', platform: 'facebook', displayName: 'Contoso' }
		];
		expect(kpiAccounts([], same).map((account) => account.label)).toEqual(['Contoso (TikTok)', 'Contoso (Facebook)']);
	});

	it('compares full buckets for flows and any buckets for levels', () => {
		const range = { from: monday + 3, to: monday + 24 };
		const sparkline = { grain: 'week' as const, starts: [monday, monday + 7, monday + 14, monday + 21], values: [5, 10, 30, 2] };
		expect(comparableEnds(sparkline, range, false)).toEqual({ from: { day: monday + 13, value: 10 }, to: { day: monday + 20, value: 30 } });
		expect(comparableEnds(sparkline, range, true)).toEqual({ from: { day: monday + 6, value: 5 }, to: { day: monday + 24, value: 2 } });
		expect(comparableEnds({ ...sparkline, values: [N, 10, N, N] }, range, true)).toBeNull();
		// a week missing days is not compared either
		const covered = [7, 7, 5, 7];
		expect(comparableEnds({ ...sparkline, values: [5, 10, 30, 2], covered }, { from: monday, to: monday + 27 }, false)).toEqual({
			from: { day: monday + 6, value: 5 },
			to: { day: monday + 27, value: 2 }
		});
		expect(comparableEnds({ ...sparkline, covered: [7, 7, 5, 7] }, range, false)).toBeNull();
	});
});

describe('trackedValueOn', () => {
	it('reads a level on the day or the latest before it, and a flow as its trailing 30-day total', () => {
		const followers = stored('x:a', 'followers', monday, [100, N, N, 130]);
		expect(trackedValueOn(followers, 'followers', monday + 2)).toBe(100);
		expect(trackedValueOn(followers, 'followers', monday + 3)).toBe(130);
		expect(trackedValueOn(followers, 'followers', monday - 1)).toBeNull();
		// 20 days of 10 impressions: the mean of the days with data (10) × 30
		const impressions = stored('x:a', 'impressions', monday, Array(20).fill(10));
		expect(trackedValueOn(impressions, 'impressions', monday + 19)).toBe(300);
		// only 10 of the 30 days have data: under half the window, so no total yet
		expect(trackedValueOn(impressions, 'impressions', monday + 9)).toBeNull();
	});
});

describe('accountSummaries and sources', () => {
	it('gives each account its period value by the metric’s rule, with coverage; accounts without data stay blank', () => {
		const range = { from: monday, to: monday + 13 };
		const { byAccount } = accountDailies(
			[stored('x:a', 'impressions', monday, [...Array(7).fill(1), ...Array(7).fill(3)]), stored('x:b', 'impressions', monday + 7, [5, N, 5])],
			'impressions'
		);
		const rows = accountSummaries(byAccount, accounts.slice(0, 3), 'impressions', range, 'week');
		expect(rows.map((row) => [row.account.id, row.value, row.daysWithData])).toEqual([
			['x:a', 28, 14],
			['x:b', 10, 2],
			['linkedin:c', null, 0]
		]);
		expect(rows[0].ends).toEqual({ from: { day: monday + 6, value: 7 }, to: { day: monday + 13, value: 21 } });
		// x:b has 2 of the second week's 7 days: nothing whole to compare
		expect(rows[1].ends).toBeNull();
		expect(rows[1].extent).toEqual({ from: monday + 7, to: monday + 9 });

		const followers = accountDailies([stored('x:a', 'followers', monday, [10, N, 12, N])], 'followers').byAccount;
		expect(accountSummaries(followers, accounts.slice(0, 1), 'followers', range, 'week')[0].value).toBe(12);
	});

	it('names the files behind a set of imports, undone ones included', () => {
		const names = new Map([
			[1, 'a.csv'],
			[2, 'b.csv'],
			[3, 'c.csv'],
			[4, 'd.csv']
		]);
		expect(describeSources(new Set([2, 1]), names)).toBe('a.csv, b.csv');
		expect(describeSources(new Set([4, 3, 2, 1]), names)).toBe('a.csv, b.csv, c.csv and 1 more');
		expect(describeSources(new Set([9]), names)).toBe('import #9 (since undone)');
		expect(describeSources(new Set(), names)).toBe('–');
	});
});

describe('groupNotes', () => {
	it('says each note once with the accounts it applies to', () => {
		const notes = groupNotes(
			[
				{ name: 'A', note: 'Only new followers are known.' },
				{ name: 'B', note: 'Rebuilt from daily changes.' },
				...['C', 'D', 'E', 'F', 'G'].map((name) => ({ name, note: 'Only new followers are known.' }))
			],
			4
		);
		expect(notes).toEqual(['Only new followers are known. (A, C, D, E and 2 more)', 'B: Rebuilt from daily changes.']);
	});
});

describe('uniqueLabels', () => {
	it('adds the platform only where two accounts share a name', () => {
		const labels = uniqueLabels([
			{ id: 'x:contoso', platform: 'x', displayName: 'Contoso' },
			{ id: 'linkedin:contoso', platform: 'linkedin', displayName: 'Contoso' },
			{ id: 'x:contoso crm', platform: 'x', displayName: 'Contoso CRM' }
		]);
		expect([...labels.values()]).toEqual(['Contoso (X / Twitter)', 'Contoso (LinkedIn)', 'Contoso CRM']);
	});
});

describe('audienceGrowth', () => {
	it('compares only accounts with a follower count at both ends of the period', () => {
		const range = { from: monday + 40, to: monday + 100 };
		const growth = audienceGrowth(
			[
				// counted at both ends: 100 (carried from day 20, within 31 days) → 300
				stored('x:a', 'followers', monday + 20, [100, ...Array(79).fill(N), 300]),
				// begins inside the period: left out instead of reading as growth
				stored('x:b', 'followers', monday + 60, [5000, ...Array(39).fill(N), 6000]),
				stored('linkedin:c', 'impressions', monday, [1])
			],
			accounts,
			range
		);
		expect(growth).toEqual({ from: { day: monday + 40, value: 100 }, to: { day: monday + 100, value: 300 }, compared: 1, withFollowers: 2 });
		expect(audienceGrowth([], accounts, range)).toBeNull();
	});
});

describe('sameStoredSeries', () => {
	const list = () => [stored('x:a', 'impressions', 100, [1, N, 3]), { ...stored('x:b', 'impressions', 90, [0, 2]), flags: Uint8Array.from([0, 1]) }];

	it('holds for copies of the same data, NaN gaps included', () => {
		expect(sameStoredSeries(list(), list())).toBe(true);
		expect(sameStoredSeries([], [])).toBe(true);
	});

	it('fails on any difference a chart or a card could show', () => {
		const changes: ((series: StoredSeries[]) => void)[] = [
			(series) => (series[0].values[1] = 0),
			(series) => (series[0].values[2] = 4),
			(series) => (series[1].sources![0] = 7),
			(series) => (series[1].flags![1] = 0),
			(series) => delete series[1].flags,
			(series) => (series[0].startDay = 101),
			(series) => (series[0].metric = 'views'),
			(series) => (series[0].accountId = 'x:c'),
			(series) => (series[0].derived = true),
			(series) => (series[0].note = 'rebuilt'),
			(series) => series.pop(),
			(series) => series.reverse()
		];
		for (const change of changes) {
			const other = list();
			change(other);
			expect(sameStoredSeries(list(), other)).toBe(false);
		}
	});
});

import type { ScriptableLineSegmentContext, TooltipItem } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { aggregateSeries } from '../domain/analytics/aggregate';
import { bucketFrame } from '../domain/analytics/grain';
import { rollingBuckets } from '../domain/analytics/rolling';
import { DAY_DERIVED, type DailyValues } from '../domain/analytics/types';
import { dayFromISO } from '../domain/days';
import type { MetricKey } from '../domain/metrics';
import type { ChartPoint } from './build-shared';
import { UNDRAWN_RADIUS } from './point-dots';
import { buildTimeseriesChart, derivedSegmentDash, rollingLabel, type TimeseriesChart, type TimeseriesLine } from './build-timeseries';

const N = Number.NaN;
const monday = dayFromISO('2024-01-01')!;
const range = { from: monday, to: monday + 27 }; // four ISO weeks
const frame = bucketFrame(range, 'week');

function line(id: string, metric: MetricKey, values: number[], extra: Partial<TimeseriesLine> = {}, flags?: number[]): TimeseriesLine {
	const daily: DailyValues = { accountId: id, metric, startDay: monday, values: Float64Array.from(values) };
	if (flags) daily.flags = Uint8Array.from(flags);
	return { id, label: id.toUpperCase(), series: aggregateSeries(daily, { grain: 'week', range, frame }), ...extra };
}

// week 1 misses a day (6 of 7), week 3 is a gap
const aDays = [1, 1, 1, 1, 1, 1, N, ...Array(7).fill(2), ...Array(7).fill(N), ...Array(7).fill(3)];
const bDays = Array(28).fill(10);

describe('buildTimeseriesChart, a line per account', () => {
	const chart = buildTimeseriesChart({
		metric: 'impressions',
		theme: 'light',
		lines: [line('a', 'impressions', aDays, { yearAgo: Float64Array.from([5, N, 7, 8]) }), line('b', 'impressions', bDays)],
		annotations: [{ startDay: monday + 9, endDay: null, label: 'Launch' }]
	});
	const { config } = chart;
	const datasets = config.data.datasets;

	it('draws raw weeks faded under a 4-week average, and last year dashed', () => {
		expect(datasets.map((d) => d.label)).toEqual([
			'A (weekly values)',
			`A · ${rollingLabel(4, 'week')}`,
			'A · a year earlier',
			'B (weekly values)',
			'B · 4-week average'
		]);
		expect(datasets[0].borderColor).toBe('rgba(0, 114, 178, 0.35)');
		expect(datasets[1].borderColor).toBe('#0072B2');
		expect(datasets[2].borderDash).toEqual([6, 4]);
		expect(datasets[3].borderColor).toBe('rgba(213, 94, 0, 0.35)');
	});

	it('plots {x: epoch ms, y} points with gaps as null and partial weeks marked', () => {
		const raw = datasets[0].data;
		expect(raw.map((p) => p.x)).toEqual([0, 7, 14, 21].map((offset) => (monday + offset) * 86_400_000));
		expect(raw.map((p) => p.y)).toEqual([6, 14, null, 21]);
		expect(raw[0]).toMatchObject({ partial: true, covered: 6, span: 7 });
		expect(datasets.every((d) => d.spanGaps === false)).toBe(true);
		// the 4-week average needs 2 complete weeks: the partial first week and the gap do not count,
		// so only the fourth week has two (14 and 21)
		expect(datasets[1].data.map((p) => p.y)).toEqual([null, null, null, 17.5]);
		expect(datasets[4].data.map((p) => p.y)).toEqual([null, 70, 70, 70]);
		expect(datasets[2].data.map((p) => p.y)).toEqual([5, null, 7, 8]);
	});

	it('uses a time axis, no parsing, no decimation plugin (the builder thins long lines), and titles the axis with the aggregation', () => {
		const options = config.options!;
		expect(options.parsing).toBe(false);
		expect(options.scales!.x!.type).toBe('time');
		expect(options.scales!.y!.title).toMatchObject({ display: true, text: 'Impressions per week (sum)' });
		expect(options.plugins!.decimation).toEqual({ enabled: false });
		expect(options.plugins!.chorusAnnotations!.items).toEqual([{ startDay: monday + 9, endDay: null, label: 'Launch' }]);
		expect(config.plugins![0].id).toBe('chorusAnnotations');
	});

	it('titles tooltips with the bucket and marks partial values', () => {
		const callbacks = config.options!.plugins!.tooltip!.callbacks!;
		const raw = datasets[0].data[0];
		const item = { parsed: { x: raw.x, y: raw.y }, raw, dataset: datasets[0] } as unknown as TooltipItem<'line'>;
		expect((callbacks.title as (items: TooltipItem<'line'>[]) => string)([item])).toBe('Week of Jan 1, 2024');
		expect((callbacks.label as (item: TooltipItem<'line'>) => string)(item)).toBe('A (weekly values): 6 (6 of 7 days)');
	});

	it('shows a dot on partial and derived buckets only, with a plain radius Chart.js resolves once', () => {
		// a scriptable pointRadius had Chart.js resolve every point's options on every update; a
		// plain one, under 0.1 px (not drawn) as the first point is dotted, so the plot is padded as before
		expect(datasets[0].pointRadius).toBe(UNDRAWN_RADIUS);
		expect(datasets[0].pointDots).toEqual([{ index: 0, radius: 2.5 }]);
		expect(datasets.every((dataset) => typeof dataset.pointRadius !== 'function')).toBe(true);
		expect(config.plugins!.map((plugin) => plugin.id)).toContain('chorusPointDots');
	});

	it('dots the derived buckets that are drawn, by their position among the drawn points', () => {
		const flags = Array(28).fill(0);
		for (let day = 14; day < 21; day++) flags[day] = DAY_DERIVED;
		const derived = buildTimeseriesChart({ metric: 'followers', theme: 'light', lines: [line('b', 'followers', bDays, {}, flags)], rollingWindows: [] });
		const [dataset] = derived.config.data.datasets;
		expect(dataset.pointRadius).toBe(0);
		expect(dataset.pointDots).toEqual([{ index: 2, radius: 2.5 }]);
		expect(dataset.data[2].derived).toBe(true);
	});

	it('gives a line without partial or derived buckets plain point options, resolved once by Chart.js', () => {
		const plain = buildTimeseriesChart({ metric: 'impressions', theme: 'light', lines: [line('b', 'impressions', bDays)], rollingWindows: [] });
		const [dataset] = plain.config.data.datasets;
		expect(dataset.pointRadius).toBe(0);
		expect(dataset.pointDots).toBeUndefined();
		expect(dataset.segment).toBeUndefined();
	});

	it('returns the numbers as a table, gaps as – and partial weeks marked', () => {
		expect(chart.table.columns).toEqual(['Period', 'A', 'A · a year earlier', 'B']);
		expect(chart.table.rows).toHaveLength(4);
		expect(chart.table.rows[0]).toEqual({ key: '2024-W01', label: 'Week of Jan 1, 2024', values: [6, 5, 70], text: ['6 (6 of 7 days)', '5', '70'] });
		expect(chart.table.rows[2].text).toEqual(['–', '7', '70']);
		expect(chart.table.caption).toBe('Impressions per week (sum)');
	});

	it('makes the table’s rows only when they are read, once', () => {
		const { table } = buildTimeseriesChart({ metric: 'impressions', theme: 'light', lines: [line('a', 'impressions', aDays)] });
		expect(typeof Object.getOwnPropertyDescriptor(table, 'rows')?.get).toBe('function');
		expect(table.rows).toBe(table.rows);
		expect(table.rows).toHaveLength(4);
	});
});

describe('buildTimeseriesChart, a total whose accounts change', () => {
	const marksOf = (built: TimeseriesChart) => built.config.options?.plugins?.chorusAnnotations?.items ?? [];
	const changes = [
		{ day: monday + 9, accountId: 'x:late', kind: 'joins' as const, valueDay: monday + 9 },
		{ day: monday + 10, accountId: 'x:gone', kind: 'leaves' as const, valueDay: monday - 22 },
		{ day: monday + 11, accountId: 'x:other', kind: 'leaves' as const, valueDay: monday - 21 },
		{ day: monday + 40, accountId: 'x:later', kind: 'joins' as const, valueDay: monday + 40 }
	];
	const chart = buildTimeseriesChart({
		metric: 'impressions',
		theme: 'light',
		lines: [line('total', 'impressions', bDays, { changes })],
		rollingWindows: [],
		annotations: [{ startDay: monday + 3, label: 'Launch' }]
	});
	const [dataset] = chart.config.data.datasets;

	it('marks on the chart the week where the total gains one account and loses two, next to the person’s annotations', () => {
		expect(marksOf(chart)).toEqual([
			{ startDay: monday + 3, endDay: null, label: 'Launch' },
			{ startDay: monday + 9, endDay: null, label: 'accounts +1 \u22122', kind: 'membership' }
		]);
	});

	it('says it in the week’s tooltip, its table cell and a footnote; a change outside the range is left out', () => {
		expect(dataset.data[1]).toMatchObject({ joined: 1, left: 2 });
		expect(dataset.data.filter((point) => point.joined || point.left)).toHaveLength(1);
		expect(chart.table.rows[1].text).toEqual(['70 (accounts joining the total: 1; accounts leaving the total: 2)']);
		expect(chart.table.footnotes.some((note) => note.startsWith('“accounts +n” / “accounts −n” on the chart'))).toBe(true);
	});

	it('names the line when several totals share the chart, and adds nothing where no account changes', () => {
		const two = buildTimeseriesChart({
			metric: 'impressions',
			theme: 'light',
			lines: [line('x', 'impressions', bDays, { label: 'X / Twitter', changes: changes.slice(0, 1) }), line('b', 'impressions', bDays)]
		});
		expect(marksOf(two).map((item) => item.label)).toEqual(['X / Twitter: accounts +1']);
		const plain = buildTimeseriesChart({ metric: 'impressions', theme: 'light', lines: [line('b', 'impressions', bDays)] });
		expect(marksOf(plain)).toEqual([]);
		expect(plain.table.footnotes.some((note) => note.includes('on the chart: accounts that begin'))).toBe(false);
	});
});

describe('buildTimeseriesChart, last year’s total whose accounts changed', () => {
	const marksOf = (built: TimeseriesChart) => built.config.options?.plugins?.chorusAnnotations?.items ?? [];
	// a year earlier, week 3 gained two accounts (first on its Wednesday) and week 4 lost one
	const yearAgoChanges = {
		joined: Uint16Array.from([0, 0, 2, 0]),
		left: Uint16Array.from([0, 0, 0, 1]),
		firstDay: Float64Array.from([N, N, monday + 16, monday + 21])
	};
	const yearAgo = Float64Array.from([40, 40, 60, 50]);

	it('marks the year-ago line where last year’s total gained or lost accounts: on the chart, its tooltip and its table column', () => {
		const chart = buildTimeseriesChart({
			metric: 'impressions',
			theme: 'light',
			rollingWindows: [],
			lines: [line('total', 'impressions', bDays, { yearAgo, yearAgoChanges })]
		});
		const overlay = chart.config.data.datasets.find((dataset) => dataset.label === 'TOTAL · a year earlier')!;
		expect(overlay.data.map((point) => [point.joined ?? 0, point.left ?? 0])).toEqual([
			[0, 0],
			[0, 0],
			[2, 0],
			[0, 1]
		]);
		expect(marksOf(chart)).toEqual([
			{ startDay: monday + 16, endDay: null, label: 'A year earlier: accounts +2', kind: 'membership' },
			{ startDay: monday + 21, endDay: null, label: 'A year earlier: accounts \u22121', kind: 'membership' }
		]);
		expect(chart.table.columns).toEqual(['Period', 'TOTAL', 'TOTAL · a year earlier']);
		expect(chart.table.rows[2].text).toEqual(['70', '60 (accounts joining the total: 2)']);
		expect(chart.table.footnotes.some((note) => note.startsWith('“accounts +n” / “accounts −n” on the chart'))).toBe(true);
	});

	it('names the year-ago line when several share the chart, and adds up the stacked parts’ changes for last year’s total', () => {
		const two = buildTimeseriesChart({
			metric: 'impressions',
			theme: 'light',
			rollingWindows: [],
			lines: [line('x', 'impressions', bDays, { label: 'X / Twitter', yearAgo, yearAgoChanges }), line('b', 'impressions', bDays, { yearAgo })]
		});
		expect(marksOf(two).map((item) => item.label)).toEqual(['X / Twitter · a year earlier: accounts +2', 'X / Twitter · a year earlier: accounts \u22121']);
		const stacked = buildTimeseriesChart({
			metric: 'impressions',
			theme: 'light',
			layout: 'stacked',
			lines: [
				line('x', 'impressions', bDays, { platform: 'x', yearAgo, yearAgoChanges }),
				line('youtube', 'impressions', bDays, {
					platform: 'youtube',
					yearAgo,
					yearAgoChanges: { joined: Uint16Array.from([0, 1, 1, 0]), left: new Uint16Array(4), firstDay: Float64Array.from([N, monday + 8, monday + 15, N]) }
				})
			]
		});
		const total = stacked.config.data.datasets.find((dataset) => dataset.label === 'Total a year earlier')!;
		expect(total.data.map((point) => [point.joined ?? 0, point.left ?? 0])).toEqual([
			[0, 0],
			[1, 0],
			[3, 0],
			[0, 1]
		]);
		expect(marksOf(stacked).map((item) => [(item.startDay ?? Number.NaN) - monday, item.label])).toEqual([
			[8, 'Total a year earlier: accounts +1'],
			[15, 'Total a year earlier: accounts +3'],
			[21, 'Total a year earlier: accounts \u22121']
		]);
	});
});

describe('buildTimeseriesChart, stacked and special cases', () => {
	it('stacks areas by platform without decimation, with last year’s total on its own stack', () => {
		const chart = buildTimeseriesChart({
			metric: 'impressions',
			theme: 'dark',
			layout: 'stacked',
			lines: [
				line('x', 'impressions', bDays, { platform: 'x', yearAgo: Float64Array.from([1, 1, 1, 1]) }),
				line('youtube', 'impressions', bDays, { platform: 'youtube', yearAgo: Float64Array.from([2, 2, N, 2]) })
			]
		});
		const [first, second, total] = chart.config.data.datasets;
		expect(first).toMatchObject({ fill: 'origin', stack: 'accounts', borderColor: '#EEEEEE' });
		expect(second).toMatchObject({ fill: '-1', stack: 'accounts', borderColor: '#EE8866' });
		expect(total).toMatchObject({ label: 'Total a year earlier', stack: 'year-ago' });
		expect(total.data.map((p: ChartPoint) => p.y)).toEqual([3, 3, null, 3]);
		expect(chart.config.options!.scales!.y!.stacked).toBe(true);
		expect(chart.config.options!.plugins!.decimation!.enabled).toBe(false);
	});

	it('refuses to stack a rate and says why', () => {
		const chart = buildTimeseriesChart({ metric: 'engagement_rate', theme: 'light', layout: 'stacked', lines: [line('a', 'engagement_rate', bDays)] });
		expect(chart.notes[0]).toMatch(/rates cannot be stacked/);
		expect(chart.config.data.datasets[0].stack).toBeUndefined();
		expect(chart.axisTitle).toBe('Engagement rate (reported; average of daily values)');
	});

	it('titles a derived level and dashes the segments leading to derived points', () => {
		const flags = Array(28).fill(0);
		for (let i = 7; i < 14; i++) flags[i] = DAY_DERIVED;
		const chart = buildTimeseriesChart({
			metric: 'followers',
			theme: 'light',
			rollingWindows: [],
			lines: [line('a', 'followers', Array.from({ length: 28 }, (_, i) => 100 + i), {}, flags)]
		});
		expect(chart.axisTitle).toBe('Followers (end of week, derived where marked)');
		const dataset = chart.config.data.datasets[0];
		expect(dataset.data.map((p) => p.derived ?? false)).toEqual([false, true, false, false]);
		const chartData = { data: { datasets: [{ data: dataset.data }] } };
		const context = (p1DataIndex: number) => ({ chart: chartData, datasetIndex: 0, p1DataIndex }) as unknown as ScriptableLineSegmentContext;
		expect(derivedSegmentDash(context(1))).toEqual([4, 3]);
		expect(derivedSegmentDash(context(2))).toBeUndefined();
		expect(chart.table.rows[1].text[0]).toBe('113 (derived)');
	});

	it('copes with no lines', () => {
		const chart = buildTimeseriesChart({ metric: 'impressions', theme: 'light', lines: [] });
		expect(chart.config.data.datasets).toEqual([]);
		expect(chart.table.rows).toEqual([]);
	});
});

describe('buildTimeseriesChart, a decade of days', () => {
	const days = 3653;
	const start = dayFromISO('2016-11-27')!;
	const decade = { from: start, to: start + days - 1 };
	const dayFrame = bucketFrame(decade, 'day');
	const values = new Float64Array(days);
	const flags = new Uint8Array(days);
	const yearAgo = new Float64Array(days);
	for (let i = 0; i < days; i++) {
		// a total with no gap, a record day and derived days at the end; last year's values begin a
		// year later and miss 40 days
		values[i] = 500 + Math.sin(i / 25) * 200 + ((i * 7919) % 97) + (i === 2500 ? 9000 : 0);
		if (i > 3500) flags[i] = DAY_DERIVED;
		yearAgo[i] = i < 365 || (i >= 1200 && i < 1240) ? N : 400 + Math.cos(i / 30) * 100 + ((i * 7919) % 89);
	}
	const series = aggregateSeries({ accountId: 'all', metric: 'followers', startDay: start, values, flags }, { grain: 'day', range: decade, frame: dayFrame });
	const chart = buildTimeseriesChart({ metric: 'followers', theme: 'light', lines: [{ id: 'all', label: 'All', series, yearAgo }] });
	const datasets = chart.config.data.datasets;
	const indexOf = (point: ChartPoint) => Math.round(point.x / 86_400_000) - start;
	/** Days with no value a line between two consecutive drawn values would cross. */
	const bridged = (data: ChartPoint[], source: Float64Array) => {
		const crossed: number[] = [];
		for (let k = 1; k < data.length; k++) {
			if (data[k - 1].y === null || data[k].y === null) continue;
			for (let i = indexOf(data[k - 1]) + 1; i < indexOf(data[k]); i++) if (Number.isNaN(source[i])) crossed.push(i);
		}
		return crossed;
	};

	it('gives Chart.js at most 600 points per line, made from the day values themselves', () => {
		expect(datasets.map((dataset) => dataset.label)).toEqual(['All (daily values)', 'All · 7-day average', 'All · 28-day average', 'All · a year earlier']);
		const sources = [values, rollingBuckets(series, 7), rollingBuckets(series, 28), yearAgo];
		datasets.forEach((dataset, index) => {
			expect(dataset.data.length).toBeLessThanOrEqual(600);
			expect(dataset.data.length).toBeGreaterThan(500);
			// true values, never an average of several days, and a gap is null, not 0
			const wrong = dataset.data.filter((point) => {
				const value = sources[index][indexOf(point)];
				return Number.isNaN(value) ? point.y !== null : point.y !== value;
			});
			expect(wrong).toEqual([]);
			expect(bridged(dataset.data, sources[index])).toEqual([]);
		});
		expect(chart.config.options!.plugins!.decimation).toEqual({ enabled: false });
	});

	it('keeps the first and last day, the record day, and the edges of a gap as a gap', () => {
		const drawn = new Set(datasets[0].data.map(indexOf));
		for (const day of [0, 2500, days - 1]) expect(drawn.has(day)).toBe(true);
		const lastYear = datasets[3].data;
		expect(lastYear[0]).toMatchObject({ x: start * 86_400_000, y: null });
		expect(lastYear.slice(1, 2).map(indexOf)).toEqual([365]);
		const gap = lastYear.findIndex((point) => indexOf(point) === 1200);
		expect(lastYear[gap].y).toBeNull();
		expect([indexOf(lastYear[gap - 1]), indexOf(lastYear[gap + 1])]).toEqual([1199, 1240]);
	});

	it('dashes derived stretches and marks derived days in tooltips from the drawn points', () => {
		const raw = datasets[0];
		expect(raw.segment).toBeDefined();
		const derived = raw.data.findIndex((point) => point.derived);
		expect(indexOf(raw.data[derived])).toBeGreaterThan(3500);
		const callbacks = chart.config.options!.plugins!.tooltip!.callbacks!;
		const point = raw.data[derived];
		const item = { parsed: { x: point.x, y: point.y }, raw: point, dataset: raw } as unknown as TooltipItem<'line'>;
		expect((callbacks.label as (item: TooltipItem<'line'>) => string)(item)).toMatch(/^All \(daily values\): [\d,.]+ \(derived\)$/);
	});

	it('shows every day in the data table, with its true value and marks', () => {
		const rows = chart.table.rows;
		expect(rows).toHaveLength(days);
		expect(chart.table.columns).toEqual(['Period', 'All', 'All · a year earlier']);
		const wrong = rows.filter((row, i) => (Number.isNaN(values[i]) ? row.values[0] !== null : row.values[0] !== values[i]));
		expect(wrong).toEqual([]);
		expect(rows[1200].text[1]).toBe('–');
		expect(rows[3600].text[0]).toMatch(/\(derived\)$/);
		expect(rows[2500].values[0]).toBe(values[2500]);
		expect(rows[400].values[1]).toBe(yearAgo[400]);
	});

	it('draws short lines whole', () => {
		const weeks = buildTimeseriesChart({
			metric: 'followers',
			theme: 'light',
			rollingWindows: [],
			lines: [{ id: 'all', label: 'All', series: aggregateSeries({ accountId: 'all', metric: 'followers', startDay: start, values }, { grain: 'week', range: decade }) }]
		});
		expect(weeks.config.data.datasets[0].data).toHaveLength(523);
	});
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeKpis } from '../../domain/analytics/kpi';
import type { DayRange } from '../../domain/analytics/types';
import { PLATFORMS } from '../../domain/model';
import type { MetricKey } from '../../domain/metrics';
import {
	KpiClient,
	KpiState,
	SeriesAssembly,
	computeDashboardKpis,
	packSeries,
	seriesParts,
	unpackSeries,
	unpackPostDays,
	type KpiReply,
	type KpiRequest,
	type KpiWorkerLike,
	type PostDayLists
} from './kpi-work';
import { KPI_SOURCE_METRICS, kpiAccounts, type AccountInfo, type StoredSeries } from './series';

const START = 19_000;
const SPAN = 900;

/** A stored series: whole numbers (as exports give) with gaps, anywhere in SPAN days. */
const seriesArb = (accountId: string, metric: MetricKey) =>
	fc
		.record({
			start: fc.integer({ min: 0, max: SPAN - 1 }),
			values: fc.array(fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 5000 }) }, { weight: 1, arbitrary: fc.constant(Number.NaN) }), {
				minLength: 1,
				maxLength: 400
			})
		})
		.map(({ start, values }): StoredSeries => ({
			accountId,
			metric,
			startDay: START + start,
			values: Float64Array.from(values),
			sources: new Uint32Array(values.length)
		}));

const workspaceArb = fc.integer({ min: 1, max: 5 }).chain((count) => {
	const accounts: AccountInfo[] = Array.from({ length: count }, (_, i) => ({ id: `a${i}`, platform: PLATFORMS[i % 3], displayName: `A${i}` }));
	const perAccount = accounts.map((account) =>
		fc.subarray([...KPI_SOURCE_METRICS]).chain((metrics) => fc.tuple(...metrics.map((metric) => seriesArb(account.id, metric))))
	);
	const posts = fc.array(
		fc.tuple(
			fc.constantFrom(...accounts.map((account) => account.id)),
			fc.array(fc.option(fc.integer({ min: START, max: START + SPAN }), { nil: null }), { maxLength: 60 })
		),
		{ maxLength: count }
	);
	return fc.record({ accounts: fc.constant(accounts), series: fc.tuple(...perAccount).map((lists) => lists.flat()), posts });
});

const rangeArb = fc
	.tuple(fc.integer({ min: 0, max: SPAN }), fc.integer({ min: 0, max: 500 }))
	.map(([from, length]): DayRange => ({ from: START + from, to: START + from + length }));

const postsOf = (entries: [string, (number | null)[]][]): PostDayLists =>
	new Map(entries.map(([id, days]) => [id, Float64Array.from(days, (day) => day ?? Number.NaN)]));

describe('KpiState', () => {
	it('gives what the page computed on its own, view after view', () => {
		fc.assert(
			fc.property(workspaceArb, fc.array(fc.tuple(rangeArb, fc.nat()), { minLength: 1, maxLength: 4 }), ({ accounts, series, posts }, views) => {
				const postLists = postsOf(posts);
				const state = new KpiState();
				state.setSeries(series);
				state.setPosts(postLists);
				for (const [range, pick] of views) {
					// a selection: all accounts, or a non-empty part of them
					const chosen = pick % 2 === 0 ? accounts : accounts.filter((_, i) => (pick >> i) & 1 || i === 0);
					expect(state.compute(chosen, range)).toEqual(computeDashboardKpis({ series, accounts: chosen, posts: postLists, range }));
				}
			}),
			{ numRuns: 60 }
		);
	});

	it('follows new series and posts', () => {
		fc.assert(
			fc.property(workspaceArb, workspaceArb, rangeArb, (first, second, range) => {
				const state = new KpiState();
				state.setSeries(first.series);
				state.setPosts(postsOf(first.posts));
				state.compute(first.accounts, range);
				state.setSeries(second.series);
				state.setPosts(postsOf(second.posts));
				expect(state.compute(second.accounts, range)).toEqual(
					computeDashboardKpis({ series: second.series, accounts: second.accounts, posts: postsOf(second.posts), range })
				);
			}),
			{ numRuns: 30 }
		);
	});
});

describe('computeKpis with inputs seen before', () => {
	it('gives the same cards as on fresh copies of the inputs', () => {
		fc.assert(
			fc.property(workspaceArb, rangeArb, rangeArb, ({ accounts, series, posts }, before, range) => {
				const inputs = kpiAccounts(series, accounts, unpackPostDays(postsOf(posts)));
				computeKpis(inputs, { range: before });
				const again = computeKpis(inputs, { range });
				const fresh = computeKpis(kpiAccounts(series.map((s) => ({ ...s, values: s.values.slice() })), accounts, unpackPostDays(postsOf(posts))), { range });
				expect(again).toEqual(fresh);
			}),
			{ numRuns: 60 }
		);
	});
});

describe('series between threads', () => {
	it('give the same KPIs after packing', () => {
		fc.assert(
			fc.property(workspaceArb, rangeArb, ({ accounts, series, posts }, range) => {
				const state = new KpiState();
				state.setSeries(unpackSeries(structuredClone(packSeries(series))));
				state.setPosts(postsOf(posts));
				expect(state.compute(accounts, range)).toEqual(computeDashboardKpis({ series, accounts, posts: postsOf(posts), range }));
			}),
			{ numRuns: 40 }
		);
	});
});

describe('series in parts', () => {
	it('are the list in order, each part within the limit unless one series is longer', () => {
		fc.assert(
			fc.property(workspaceArb, fc.integer({ min: 1, max: 1000 }), ({ series }, maxValues) => {
				const parts = seriesParts(series, maxValues);
				expect(parts.flat()).toEqual(series);
				for (const part of parts) {
					const size = part.reduce((sum, entry) => sum + entry.values.length, 0);
					expect(part.length === 1 || size <= maxValues).toBe(true);
					expect(part.length > 0 || parts.length === 1).toBe(true);
				}
			}),
			{ numRuns: 60 }
		);
		expect(seriesParts([])).toEqual([[]]);
	});

	it('give the same KPIs once assembled, a new first part replacing an unfinished set', () => {
		fc.assert(
			fc.property(workspaceArb, workspaceArb, fc.integer({ min: 1, max: 800 }), rangeArb, (old, { accounts, series, posts }, maxValues, range) => {
				const assembly = new SeriesAssembly();
				const send = (list: StoredSeries[], count: number) =>
					seriesParts(list, maxValues)
						.slice(0, count)
						.map((part, index, all) => assembly.add({ type: 'series', series: structuredClone(packSeries(part)), first: index === 0, last: index === all.length - 1 && count === Infinity }));
				// an unfinished set of old series, then the new ones in full
				expect(send(old.series, 1).at(-1)).toBeNull();
				const assembled = send(series, Infinity).at(-1);
				expect(assembled).not.toBeNull();
				const state = new KpiState();
				state.setSeries(assembled!);
				state.setPosts(postsOf(posts));
				expect(state.compute(accounts, range)).toEqual(computeDashboardKpis({ series, accounts, posts: postsOf(posts), range }));
			}),
			{ numRuns: 40 }
		);
	});
});

describe('post days', () => {
	it('become the posts the KPI code counts, a NaN day a post without a date', () => {
		const posts = postsOf([
			['a', [19_000, null, 19_002]],
			['b', []]
		]);
		expect(unpackPostDays(posts)).toEqual(
			new Map([
				['a', [{ day: 19_000 }, { day: null }, { day: 19_002 }]],
				['b', []]
			])
		);
	});
});

/** A worker stand-in that runs the real worker's logic in this thread, answering when told. */
class FakeWorker implements KpiWorkerLike {
	state = new KpiState();
	incoming = new SeriesAssembly();
	received: KpiRequest[] = [];
	#listeners: ((event: MessageEvent<KpiReply>) => void)[] = [];
	#failures: (() => void)[] = [];
	postMessage(message: KpiRequest) {
		this.received.push(structuredClone(message));
	}
	addEventListener(type: 'message' | 'error', listener: never) {
		if (type === 'message') this.#listeners.push(listener);
		else this.#failures.push(listener);
	}
	terminate() {}
	/** Handles what arrived, computing only the last compute request, as kpi.worker.ts does. */
	flush() {
		let latest: Extract<KpiRequest, { type: 'compute' }> | null = null;
		for (const message of this.received) {
			if (message.type === 'series') {
				const series = this.incoming.add(message);
				if (series) this.state.setSeries(series);
			}
			else if (message.type === 'posts') this.state.setPosts(message.posts);
			else latest = message;
		}
		this.received = [];
		if (!latest) return;
		const data: KpiReply = { id: latest.id, ok: true, result: this.state.compute(latest.accounts, latest.range) };
		for (const listener of this.#listeners) listener({ data } as MessageEvent<KpiReply>);
	}
	fail() {
		for (const listener of this.#failures) listener();
	}
}

describe('KpiClient', () => {
	const accounts: AccountInfo[] = [{ id: 'a', platform: 'x', displayName: 'A' }];
	const series: StoredSeries[] = [
		{ accountId: 'a', metric: 'impressions', startDay: 100, values: Float64Array.from([1, 2, 3, 4]), sources: new Uint32Array(4) },
		{ accountId: 'a', metric: 'engagements', startDay: 100, values: Float64Array.from([1, 0, 1, 0]), sources: new Uint32Array(4) }
	];

	/** Tasks the client schedules, run when the test says. */
	const manual = () => {
		const tasks: (() => void)[] = [];
		return {
			schedule: (task: () => void) => tasks.push(task),
			runOne() {
				tasks.shift()!();
			},
			runAll() {
				while (tasks.length > 0) tasks.shift()!();
			}
		};
	};

	it('answers the latest request only; an earlier one resolves to null', async () => {
		const worker = new FakeWorker();
		const tasks = manual();
		const client = new KpiClient(() => worker, tasks.schedule);
		const first = client.compute({ series, accounts, range: { from: 100, to: 101 } });
		tasks.runAll();
		const second = client.compute({ series, accounts, range: { from: 100, to: 103 } });
		// the data went once, then one request per view
		expect(worker.received.map((message) => message.type)).toEqual(['posts', 'series', 'compute', 'compute']);
		worker.flush();
		expect(await first).toBeNull();
		expect(await second).toEqual(computeDashboardKpis({ series, accounts, range: { from: 100, to: 103 } }));
	});

	it('sends new series in parts, one task each, and only the latest compute after the last part', async () => {
		const many: StoredSeries[] = Array.from({ length: 5 }, (_, i) => ({
			accountId: 'a',
			metric: KPI_SOURCE_METRICS[i],
			startDay: 100,
			values: Float64Array.from({ length: 100_000 }, (_, day) => (day * (i + 1)) % 97),
			sources: new Uint32Array(100_000)
		}));
		const worker = new FakeWorker();
		const tasks = manual();
		const client = new KpiClient(() => worker, tasks.schedule);
		const first = client.compute({ series, accounts, range: { from: 100, to: 101 } });
		// new data before the first set was sent: the old parts are dropped
		const second = client.compute({ series: many, accounts, range: { from: 100, to: 2000 } });
		const third = client.compute({ series: many, accounts, range: { from: 100, to: 3000 } });
		expect(worker.received.map((message) => message.type)).toEqual(['posts']);
		// 100,000 values each: one series per part, one part per task, the compute after the last
		for (let part = 1; part <= 5; part++) {
			tasks.runOne();
			expect(worker.received.map((message) => message.type)).toEqual(['posts', ...Array(part).fill('series'), ...(part === 5 ? ['compute'] : [])]);
		}
		worker.flush();
		expect(await first).toBeNull();
		expect(await second).toBeNull();
		expect(await third).toEqual(computeDashboardKpis({ series: many, accounts, range: { from: 100, to: 3000 } }));
	});

	it('computes on this thread without a worker, or once the worker fails', async () => {
		const local = new KpiClient(null);
		const input = { series, accounts, range: { from: 100, to: 103 } };
		expect(await local.compute(input)).toEqual(computeDashboardKpis(input));

		const worker = new FakeWorker();
		const tasks = manual();
		const client = new KpiClient(() => worker, tasks.schedule);
		const waiting = client.compute(input);
		// failing halfway through sending the series
		worker.fail();
		tasks.runAll();
		expect(await waiting).toEqual(computeDashboardKpis(input));
		expect(await client.compute({ ...input, range: { from: 102, to: 103 } })).toEqual(computeDashboardKpis({ ...input, range: { from: 102, to: 103 } }));
	});
});

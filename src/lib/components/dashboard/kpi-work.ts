/**
 * The dashboard's KPI cards and audience growth, computed off the page's thread (kpi.worker.ts).
 *
 * Why: on a large workspace (40 accounts, ten years of days) one computation took 0.2–0.45 s of the
 * main thread, and it ran after every change of range or selection, so the next click met it. In the
 * worker it takes nothing from the page, and `KpiState` keeps what does not depend on the period
 * (the series, the post lists, each account's KPI input, the followers' daily values) between
 * computations, so only the period's arithmetic is done again.
 *
 * The numbers are the ones the page computed itself (`computeDashboardKpis`): the same functions,
 * on the same values (the worker gets copies of the stored series and the post days).
 */
import { computeKpis, type KpiAccount, type KpiSet } from '../../domain/analytics/kpi';
import type { AnalyticsPost, DayRange } from '../../domain/analytics/types';
import type { MetricKey, MetricSemantics } from '../../domain/metrics';
import { unlessInputPending } from '../../state/background';
import {
	accountDailies,
	audienceGrowth,
	kpiAccounts,
	type AccountDailies,
	type AccountInfo,
	type AudienceGrowth,
	type StoredSeries
} from './series';

/**
 * Per account, its posts' publishing days (NaN: a post without a date), as the post-reads worker
 * reads them: arrays of numbers, so the page never turns them into objects and the KPI worker gets
 * them as they are. KpiState makes the post objects the KPI code counts.
 */
export type PostDayLists = ReadonlyMap<string, Float64Array>;

export interface KpiInput {
	series: readonly StoredSeries[];
	accounts: readonly AccountInfo[];
	/** Post days of the accounts with no daily post count (loadPostDays). */
	posts?: PostDayLists;
	range: DayRange;
}

export interface KpiResult {
	set: KpiSet;
	audience: AudienceGrowth | null;
}

/** The computation as the page made it on its own thread: the reference for KpiState. */
export function computeDashboardKpis(input: KpiInput): KpiResult {
	return {
		set: computeKpis(kpiAccounts(input.series, input.accounts, unpackPostDays(input.posts ?? EMPTY_POSTS)), { range: input.range }),
		audience: audienceGrowth(input.series, input.accounts, input.range)
	};
}

/** The posts the KPI code counts, from their days (NaN: a post without a date). */
export function unpackPostDays(posts: Iterable<readonly [string, ArrayLike<number>]>): Map<string, Pick<AnalyticsPost, 'day'>[]> {
	return new Map(Array.from(posts, ([accountId, days]) => [accountId, Array.from(days, (day) => ({ day: Number.isNaN(day) ? null : day }))]));
}

/**
 * The inputs that do not change with the view, and what is derived from them once: a new period
 * or a new selection of accounts computes only what depends on it. Equal to computeDashboardKpis
 * (kpi-work.test.ts checks it on random workspaces and views).
 */
export class KpiState {
	#series: readonly StoredSeries[] = [];
	#posts: ReadonlyMap<string, readonly Pick<AnalyticsPost, 'day'>[]> = new Map();
	#followers: AccountDailies | null = null;
	/** By id, platform and name: the same object every time, so computeKpis' per-input memos hold. */
	#accounts = new Map<string, KpiAccount>();

	setSeries(series: readonly StoredSeries[]) {
		this.#series = series;
		this.#followers = null;
		this.#accounts.clear();
	}

	setPosts(posts: PostDayLists) {
		this.#posts = unpackPostDays(posts);
		this.#accounts.clear();
	}

	compute(accounts: readonly AccountInfo[], range: DayRange): KpiResult {
		const keyOf = (account: AccountInfo) => `${account.id}\u0000${account.platform}\u0000${account.displayName}`;
		const missing = accounts.filter((account) => !this.#accounts.has(keyOf(account)));
		if (missing.length > 0) {
			kpiAccounts(this.#series, missing, this.#posts).forEach((input, index) => this.#accounts.set(keyOf(missing[index]), input));
		}
		this.#followers ??= accountDailies(this.#series, 'followers');
		return {
			set: computeKpis(
				accounts.map((account) => this.#accounts.get(keyOf(account))!),
				{ range }
			),
			audience: audienceGrowth(this.#series, accounts, range, this.#followers)
		};
	}
}

/**
 * Page → worker. Series and posts are sent when they change; each compute names its view. The
 * series go in parts (see KpiClient): `first` starts a new set, `last` completes it.
 */
export type KpiRequest =
	| { type: 'series'; series: PackedSeries; first: boolean; last: boolean }
	| { type: 'posts'; posts: PostDayLists }
	| { type: 'compute'; id: number; accounts: AccountInfo[]; range: DayRange };

/** Worker → page: the answer to the latest compute (earlier ones still waiting are skipped). */
export type KpiReply = { id: number; ok: true; result: KpiResult } | { id: number; ok: false; message: string };

/** Stored series packed for the worker: the day values and flags of all of them in two buffers. */
export interface PackedSeries {
	series: { accountId: string; metric: MetricKey; startDay: number; offset: number; length: number; flags: boolean; semantics?: MetricSemantics; derived?: boolean; note?: string }[];
	values: Float64Array;
	flags: Uint8Array;
}

/**
 * The fields of the stored series the KPI code reads, in two buffers that are handed over to the
 * worker rather than copied: structured-cloning ten years of 40 accounts' series (about 15 MB) took
 * 0.2 s of the page's thread, one memory copy into the buffers takes a few ms. The days' sources
 * (for provenance) stay behind: no KPI reads them.
 */
export function packSeries(list: readonly StoredSeries[]): PackedSeries {
	let total = 0;
	for (const series of list) total += series.values.length;
	const values = new Float64Array(total);
	const flags = new Uint8Array(total);
	let offset = 0;
	const series = list.map((entry) => {
		const { accountId, metric, startDay, semantics, derived, note } = entry;
		const length = entry.values.length;
		values.set(entry.values, offset);
		if (entry.flags) flags.set(entry.flags.subarray(0, length), offset);
		const packed: PackedSeries['series'][number] = { accountId, metric, startDay, offset, length, flags: entry.flags !== undefined };
		if (semantics !== undefined) packed.semantics = semantics;
		if (derived !== undefined) packed.derived = derived;
		if (note !== undefined) packed.note = note;
		offset += length;
		return packed;
	});
	return { series, values, flags };
}

/**
 * The stored series in parts of at most `maxValues` day values (a series is never split), in order.
 * Why: packing all of a large workspace's KPI series (about 1.75 million values) was one task of
 * 120–250 ms on the page's thread, right after the first chart, when the person's first click
 * comes; in parts of about 1 MB each task is a few ms, and a click is handled between two of them.
 */
export function seriesParts(list: readonly StoredSeries[], maxValues = PART_VALUES): StoredSeries[][] {
	const parts: StoredSeries[][] = [[]];
	let size = 0;
	for (const series of list) {
		const current = parts[parts.length - 1];
		if (current.length > 0 && size + series.values.length > maxValues) {
			parts.push([series]);
			size = series.values.length;
		} else {
			current.push(series);
			size += series.values.length;
		}
	}
	return parts;
}

/** 1 MB of day values per part. */
const PART_VALUES = 131_072;

/** The series sent in parts, received in order: what the worker has when the last part comes. */
export class SeriesAssembly {
	#parts: StoredSeries[] = [];

	/** The complete list once `last` has come, else null. */
	add(request: Extract<KpiRequest, { type: 'series' }>): StoredSeries[] | null {
		if (request.first) this.#parts = [];
		this.#parts.push(...unpackSeries(request.series));
		if (!request.last) return null;
		const complete = this.#parts;
		this.#parts = [];
		return complete;
	}
}

const NO_SOURCES = new Uint32Array(0);

export function unpackSeries(packed: PackedSeries): StoredSeries[] {
	return packed.series.map(({ offset, length, flags, ...rest }) => {
		const series: StoredSeries = { ...rest, values: packed.values.subarray(offset, offset + length), sources: NO_SOURCES };
		if (flags) series.flags = packed.flags.subarray(offset, offset + length);
		return series;
	});
}

/** The part of `Worker` the client uses. */
export interface KpiWorkerLike {
	postMessage(message: KpiRequest, transfer?: Transferable[]): void;
	addEventListener(type: 'message', listener: (event: MessageEvent<KpiReply>) => void): void;
	addEventListener(type: 'error', listener: (event: Event) => void): void;
	terminate(): void;
}

/**
 * Runs a task later, in a task of its own: by default a timeout whose task waits for a pending input's
 * frame (state/background.ts), so packing the series for the worker (a few tasks of 5–40 ms right
 * after an open) never sits between a click and its frame, yet goes on at once otherwise (as
 * background pieces, after everything else, the worker's computation overlapped the first clicks
 * more); the tests run them by hand.
 */
export type Schedule = (task: () => void) => void;

/**
 * Computes KPI results in a worker, the latest view first: a new request supersedes the one before
 * (its promise resolves to null, its answer is never waited for). Without a worker (none in this
 * environment, or it failed to start) the same computation runs here, on a KpiState of its own.
 *
 * New series go to the worker in parts, one task each (`seriesParts`); a compute asked for meanwhile
 * is sent after the last part (the latest one only).
 */
export class KpiClient {
	#worker: KpiWorkerLike | null;
	#local: KpiState | null = null;
	#sentSeries: readonly StoredSeries[] | null = null;
	#sentPosts: PostDayLists | null = null;
	#nextId = 1;
	#waiting: { id: number; input: KpiInput; resolve: (result: KpiResult | null) => void; reject: (error: Error) => void } | null = null;
	/** Series parts still to send, and the compute that waits for them. */
	#outbox: { parts: StoredSeries[][]; next: number; compute: Extract<KpiRequest, { type: 'compute' }> | null } | null = null;
	#schedule: Schedule;

	constructor(createWorker: (() => KpiWorkerLike | null) | null = defaultWorker, schedule: Schedule = (task) => setTimeout(() => unlessInputPending(task))) {
		this.#schedule = schedule;
		this.#worker = null;
		if (!createWorker) return;
		try {
			const worker = createWorker();
			if (!worker) return;
			worker.addEventListener('message', ({ data }) => this.#answer(data));
			worker.addEventListener('error', () => this.#fallBack());
			this.#worker = worker;
		} catch {
			this.#worker = null;
		}
	}

	compute(input: KpiInput): Promise<KpiResult | null> {
		this.#waiting?.resolve(null);
		return new Promise((resolve, reject) => {
			const id = this.#nextId++;
			this.#waiting = { id, input, resolve, reject };
			if (this.#worker) this.#send(this.#worker, id, input);
			else this.#computeHere();
		});
	}

	/** Ends the worker (the page is left); later requests are computed here. */
	close() {
		this.#worker?.terminate();
		this.#worker = null;
		this.#sentSeries = null;
		this.#sentPosts = null;
		this.#outbox = null;
		this.#waiting?.resolve(null);
		this.#waiting = null;
	}

	#send(worker: KpiWorkerLike, id: number, input: KpiInput) {
		if (input.series !== this.#sentSeries) {
			// a transfer under way is dropped: its parts are of the old series (the next `first` part resets the worker's)
			const sending = this.#outbox !== null;
			this.#outbox = { parts: seriesParts(input.series), next: 0, compute: null };
			this.#sentSeries = input.series;
			if (!sending) this.#schedule(() => this.#sendPart());
		}
		const posts = input.posts ?? EMPTY_POSTS;
		if (posts !== this.#sentPosts) {
			// copied, not handed over: the page keeps its arrays (a few MB at most)
			worker.postMessage({ type: 'posts', posts });
			this.#sentPosts = posts;
		}
		const accounts = input.accounts.map(({ id, platform, displayName }) => ({ id, platform, displayName }));
		const compute: KpiRequest = { type: 'compute', id, accounts, range: { from: input.range.from, to: input.range.to } };
		if (this.#outbox) this.#outbox.compute = compute;
		else worker.postMessage(compute);
	}

	/** One part of the series (handed over, not copied), then the next in a task of its own. */
	#sendPart() {
		const outbox = this.#outbox;
		const worker = this.#worker;
		if (!outbox || !worker) return;
		const index = outbox.next++;
		const packed = packSeries(outbox.parts[index]);
		const last = index === outbox.parts.length - 1;
		worker.postMessage({ type: 'series', series: packed, first: index === 0, last }, [packed.values.buffer, packed.flags.buffer]);
		if (!last) {
			this.#schedule(() => this.#sendPart());
			return;
		}
		this.#outbox = null;
		if (outbox.compute) worker.postMessage(outbox.compute);
	}

	#answer(reply: KpiReply) {
		const waiting = this.#waiting;
		if (!waiting || waiting.id !== reply.id) return;
		this.#waiting = null;
		if (reply.ok) waiting.resolve(reply.result);
		else waiting.reject(new Error(reply.message));
	}

	#fallBack() {
		// a worker that cannot start or crashed: the waiting request (and every later one) is computed here
		this.#worker?.terminate();
		this.#worker = null;
		// what was sent went to the worker: the local state starts empty
		this.#sentSeries = null;
		this.#sentPosts = null;
		this.#outbox = null;
		if (this.#waiting) this.#computeHere();
	}

	#computeHere() {
		const waiting = this.#waiting;
		if (!waiting) return;
		this.#waiting = null;
		const local = (this.#local ??= new KpiState());
		try {
			if (waiting.input.series !== this.#sentSeries) {
				local.setSeries(waiting.input.series);
				this.#sentSeries = waiting.input.series;
			}
			const posts = waiting.input.posts ?? EMPTY_POSTS;
			if (posts !== this.#sentPosts) {
				local.setPosts(posts);
				this.#sentPosts = posts;
			}
			waiting.resolve(local.compute(waiting.input.accounts, waiting.input.range));
		} catch (error) {
			waiting.reject(error instanceof Error ? error : new Error(String(error)));
		}
	}
}

const EMPTY_POSTS: PostDayLists = new Map();

/** The worker, where there are workers (browsers; not Node, where the tests run). */
function defaultWorker(): KpiWorkerLike | null {
	if (typeof Worker === 'undefined') return null;
	return new Worker(new URL('./kpi.worker.ts', import.meta.url), { type: 'module' }) as KpiWorkerLike;
}

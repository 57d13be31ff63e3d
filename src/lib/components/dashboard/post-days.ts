/**
 * The publishing days of accounts' stored posts, read in a worker (post-days.worker.ts) where the
 * browser has workers, for the "posts published" card of accounts with no daily post count.
 */
import { StoredDataError } from '$lib/db/errors';

export interface PostDaysRequest {
	requestId: number;
	databaseName: string;
	accountIds: string[];
}

/** Per account, its posts' days in stored order; NaN = a post without a date. */
export interface AccountPostDays {
	accountId: string;
	days: Float64Array;
}

export type PostDaysReply =
	| { requestId: number; ok: true; days: AccountPostDays[] }
	/** `stored`: a record not in the expected shape (its key and what is wrong), else a failure to read. */
	| { requestId: number; ok: false; message: string; stored?: { key: string; problem: string } };

// i18n-exempt: a StoredDataError's detail and a developer's diagnostic, worded like db/queries' shape checks; the page puts them after its own translated sentence
const PROBLEMS = {
	notArray: 'posts: expected an array',
	badDay: '.day: expected a day or null',
	workerFailed: 'The post-days worker failed.'
} as const;

/** Thrown by postDaysOf for a record a view would trip over; the page turns it into a StoredDataError. */
export class PostsShapeError extends Error {
	constructor(
		readonly key: string,
		readonly problem: string
	) {
		super(problem);
		this.name = 'PostsShapeError';
	}
}

/**
 * An account's post days from its stored posts record (undefined: no posts), with the same shape
 * check as the page's own reads (db/queries).
 */
export function postDaysOf(accountId: string, record: unknown): AccountPostDays {
	if (record === undefined) return { accountId, days: new Float64Array(0) };
	const posts = record !== null && typeof record === 'object' ? (record as { posts?: unknown }).posts : undefined;
	if (!Array.isArray(posts)) throw new PostsShapeError(accountId, PROBLEMS.notArray);
	const days = new Float64Array(posts.length);
	for (let i = 0; i < posts.length; i++) {
		const day = (posts[i] as { day?: unknown } | null)?.day;
		if (day !== null && !Number.isInteger(day)) throw new PostsShapeError(accountId, `posts.${i}${PROBLEMS.badDay}`);
		days[i] = day === null ? Number.NaN : (day as number);
	}
	return { accountId, days };
}

/** The part of `Worker` the client uses. */
interface PostDaysWorker {
	postMessage(message: PostDaysRequest): void;
	addEventListener(type: 'message', listener: (event: MessageEvent<PostDaysReply>) => void): void;
	addEventListener(type: 'error', listener: (event: Event) => void): void;
}

let worker: PostDaysWorker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (days: AccountPostDays[]) => void; reject: (error: Error) => void }>();

function theWorker(): PostDaysWorker {
	if (worker) return worker;
	const created = new Worker(new URL('./post-days.worker.ts', import.meta.url), { type: 'module' }) as PostDaysWorker;
	created.addEventListener('message', ({ data }) => {
		const waiting = pending.get(data.requestId);
		if (!waiting) return;
		pending.delete(data.requestId);
		if (data.ok) waiting.resolve(data.days);
		else waiting.reject(data.stored ? new StoredDataError('posts', data.stored.key, data.stored.problem) : new Error(data.message));
	});
	created.addEventListener('error', () => {
		// a worker that cannot start (or crashed): every waiting read falls back to the page
		for (const waiting of pending.values()) waiting.reject(new Error(PROBLEMS.workerFailed));
		pending.clear();
		worker = null;
	});
	return (worker = created);
}

/** Whether reads can go to a worker here (browsers; not Node, where the tests run). */
export function canReadInWorker(): boolean {
	return typeof Worker !== 'undefined' && typeof indexedDB !== 'undefined';
}

/** Reads the post days of `accountIds` from database `databaseName` in the worker. */
export function readPostDaysInWorker(databaseName: string, accountIds: readonly string[]): Promise<AccountPostDays[]> {
	return new Promise((resolve, reject) => {
		const requestId = nextId++;
		pending.set(requestId, { resolve, reject });
		theWorker().postMessage({ requestId, databaseName, accountIds: [...accountIds] });
	});
}

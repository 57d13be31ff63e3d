/**
 * Reads of the stored posts that need every post of an account, done in a worker
 * (post-reads.worker.ts) where the browser has workers. Posts are stored one record per account
 * (every post with its text and metrics), so knowing their days or their number means
 * deserialising all of them: for the large workspace (300,000 posts) seconds of work and garbage
 * collection on the page's thread. The worker sends back only the answer.
 *
 * - the publishing days, for the dashboard's "posts published" card of accounts with no daily post
 *   count (components/dashboard/load.ts);
 * - the number of stored posts, for the Workspace page (state/workspace.svelte.ts).
 */
import { StoredDataError } from './errors';
import { isPostsReference, referencedPosts } from './merged-posts';

export type PostReadRequest =
	| { requestId: number; databaseName: string; kind: 'days'; accountIds: string[] }
	| { requestId: number; databaseName: string; kind: 'count' };

/** Per account, its posts' days in the merged posts' order (sortPosts); NaN = a post without a date. */
export interface AccountPostDays {
	accountId: string;
	days: Float64Array;
}

export type PostReadReply =
	| { requestId: number; ok: true; days: AccountPostDays[] }
	| { requestId: number; ok: true; count: number }
	/** `stored`: a record not in the expected shape (its key and what is wrong), else a failure to read. */
	| { requestId: number; ok: false; message: string; stored?: { key: string; problem: string } };

// i18n-exempt: a StoredDataError's detail and a developer's diagnostic, worded like db/queries' shape checks; the page puts them after its own translated sentence
const PROBLEMS = {
	notArray: 'posts: expected an array',
	badDay: '.day: expected a day or null',
	workerFailed: 'The post-reads worker failed.'
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
 * check as the page's own reads (db/queries). A row that names its post layers (merged-posts.ts) is
 * read from those layers (`layerOf`: a stored layer by id, undefined when not stored).
 */
export function postDaysOf(accountId: string, record: unknown, layerOf: (layerId: string) => unknown = () => undefined): AccountPostDays {
	if (record === undefined) return { accountId, days: new Float64Array(0) };
	if (isPostsReference(record)) {
		const posts = referencedPosts(record, layerOf);
		if (typeof posts === 'string') throw new PostsShapeError(accountId, posts);
		// In the order a full copy holds them: sortPosts orders by day first, undated posts last, and
		// so does sorting the days themselves (NaN last), without sorting the posts.
		return { accountId, days: daysOfPosts(accountId, posts).sort() };
	}
	const posts = record !== null && typeof record === 'object' ? (record as { posts?: unknown }).posts : undefined;
	if (!Array.isArray(posts)) throw new PostsShapeError(accountId, PROBLEMS.notArray);
	return { accountId, days: daysOfPosts(accountId, posts) };
}

function daysOfPosts(accountId: string, posts: readonly unknown[]): Float64Array {
	const days = new Float64Array(posts.length);
	for (let i = 0; i < posts.length; i++) {
		const day = (posts[i] as { day?: unknown } | null)?.day;
		if (day !== null && !Number.isInteger(day)) throw new PostsShapeError(accountId, `posts.${i}${PROBLEMS.badDay}`);
		days[i] = day === null ? Number.NaN : (day as number);
	}
	return days;
}

/**
 * The number of posts in one stored posts record, on the page (countStoredPosts) and in the worker:
 * the length of its list, or the `count` of a row that names its layers (they are not read). A
 * record without either counts as none: the Workspace page shows a number, and the views that use
 * the posts report a malformed record themselves.
 */
export function postCountOf(record: unknown): number {
	if (isPostsReference(record)) {
		const { count } = record as { count: unknown };
		return typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : 0;
	}
	const posts = record !== null && typeof record === 'object' ? (record as { posts?: unknown }).posts : undefined;
	return Array.isArray(posts) ? posts.length : 0;
}

/** The part of `Worker` the client uses. */
interface PostReadsWorker {
	postMessage(message: PostReadRequest): void;
	addEventListener(type: 'message', listener: (event: MessageEvent<PostReadReply>) => void): void;
	addEventListener(type: 'error', listener: (event: Event) => void): void;
}

let worker: PostReadsWorker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (reply: PostReadReply & { ok: true }) => void; reject: (error: Error) => void }>();

function theWorker(): PostReadsWorker {
	if (worker) return worker;
	const created = new Worker(new URL('./post-reads.worker.ts', import.meta.url), { type: 'module' }) as PostReadsWorker;
	created.addEventListener('message', ({ data }) => {
		const waiting = pending.get(data.requestId);
		if (!waiting) return;
		pending.delete(data.requestId);
		if (data.ok) waiting.resolve(data);
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

type Ask = { kind: 'days'; accountIds: string[] } | { kind: 'count' };

function ask(databaseName: string, question: Ask): Promise<PostReadReply & { ok: true }> {
	return new Promise((resolve, reject) => {
		const requestId = nextId++;
		pending.set(requestId, { resolve, reject });
		theWorker().postMessage({ requestId, databaseName, ...question });
	});
}

/** Reads the post days of `accountIds` from database `databaseName` in the worker. */
export async function readPostDaysInWorker(databaseName: string, accountIds: readonly string[]): Promise<AccountPostDays[]> {
	const reply = await ask(databaseName, { kind: 'days', accountIds: [...accountIds] });
	return 'days' in reply ? reply.days : [];
}

/** Counts the stored posts of every account in database `databaseName` in the worker. */
export async function countPostsInWorker(databaseName: string): Promise<number> {
	const reply = await ask(databaseName, { kind: 'count' });
	return 'count' in reply ? reply.count : 0;
}

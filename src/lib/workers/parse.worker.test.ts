import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ParseRequest, ParseResponse } from './parse-client';

// The worker imports the real registry; these tests give it a one-importer registry instead.
vi.mock('../importers/index', () => ({
	importers: [
		{
			id: 'test-daily',
			label: 'Test daily views',
			platform: 'other',
			detect: (sample: { normalizedHeaders: string[] }) => (sample.normalizedHeaders.join('|') === 'date|views' ? 1 : 0),
			parse: () => ({ account: null, series: [], posts: [], breakdowns: [], rowCount: 1, issues: [], coversUntil: null })
		}
	]
}));

const posted: ParseResponse[] = [];
const scope: { onmessage: ((event: { data: ParseRequest }) => void) | null; postMessage: (message: ParseResponse) => void } = {
	onmessage: null,
	postMessage: (message) => posted.push(message)
};

beforeAll(() => {
	vi.stubGlobal('self', scope);
});
afterAll(() => {
	vi.unstubAllGlobals();
});

async function run(request: ParseRequest): Promise<ParseResponse[]> {
	posted.length = 0;
	await import('./parse.worker');
	scope.onmessage!({ data: request });
	await vi.waitFor(() => expect(posted.at(-1)?.type).toBe('done'));
	return [...posted];
}

describe('parse.worker', () => {
	it('reads each file, posting progress and an outcome per file, then done', async () => {
		const messages = await run({
			type: 'parse',
			files: [new File(['Date,Views\n2024-01-01,5\n'], 'ok.csv'), new File([''], 'empty.csv')],
			presets: [],
			now: Date.UTC(2026, 6, 1)
		});
		const outcomes = messages.filter((message) => message.type === 'outcome');
		expect(outcomes.map((message) => [message.fileIndex, message.outcome.outcome])).toEqual([
			[0, 'parsed'],
			[1, 'error']
		]);
		expect(messages.some((message) => message.type === 'progress' && message.fileIndex === 0)).toBe(true);
		expect(messages.at(-1)).toEqual({ type: 'done' });
	});

	it('uses valid saved mappings and ignores ones that no longer validate', async () => {
		const { headerSignature } = await import('../importers/mapping');
		const valid = {
			id: 'blog',
			name: 'Blog',
			signature: headerSignature(['Day', 'Sessions']),
			platform: 'blog',
			headerRow: 0,
			dateColumn: 'Day',
			dateFormat: 'auto',
			columns: [{ header: 'Sessions', metric: 'page_views' }],
			createdAt: '2026-06-01T00:00:00Z'
		};
		const broken = { ...valid, id: 'broken', columns: 'nope' };
		const messages = await run({
			type: 'parse',
			files: [new File(['Day,Sessions\n2024-01-01,5\n'], 'blog.csv')],
			presets: [broken, valid] as never,
			now: Date.UTC(2026, 6, 1)
		});
		const outcome = messages.find((message) => message.type === 'outcome');
		expect(outcome?.type === 'outcome' && outcome.outcome.outcome === 'parsed' && outcome.outcome.parsed[0].format).toBe('preset:blog');
	});

	it('refuses an oversized file without reading it and reports an unreadable one', async () => {
		const huge = { name: 'huge.csv', size: 300 * 1024 * 1024, arrayBuffer: () => Promise.reject(new Error('should not be read')) } as unknown as File;
		const gone = { name: 'gone.csv', size: 10, arrayBuffer: () => Promise.reject(new Error('NotReadableError')) } as unknown as File;
		const messages = await run({ type: 'parse', files: [huge, gone], presets: [], now: 0 });
		const outcomes = messages.flatMap((message) => (message.type === 'outcome' && message.outcome.outcome === 'error' ? [message.outcome.message] : []));
		expect(outcomes).toEqual([
			'huge.csv is 300 MB; Chorus reads files of up to 200 MB. Export a shorter date range, or split the file.',
			'gone.csv could not be read from disk (NotReadableError). It may have been moved, renamed or deleted after it was chosen; choose it again.'
		]);
	});

	it('handles requests one after the other, in the order they came, so the messages of each file end with its own done', async () => {
		posted.length = 0;
		await import('./parse.worker');
		const bytes = new TextEncoder().encode('Date,Views\n2024-01-01,5\n');
		// a file that takes a while to come off the disk
		const slow = { name: 'first.csv', size: bytes.length, arrayBuffer: () => new Promise((resolve) => setTimeout(() => resolve(bytes.buffer), 30)) } as unknown as File;
		const request = (file: File): ParseRequest => ({ type: 'parse', files: [file], presets: [], now: 0 });
		// the page hands the next file over while the worker still reads the current one
		scope.onmessage!({ data: request(slow) });
		scope.onmessage!({ data: request(new File(['Date,Views\n2024-01-02,6\n'], 'second.csv')) });
		await vi.waitFor(() => expect(posted.filter((message) => message.type === 'done')).toHaveLength(2));
		const order = posted.flatMap((message) => (message.type === 'outcome' ? [message.outcome.name] : message.type === 'done' ? ['done'] : []));
		expect(order).toEqual(['first.csv', 'done', 'second.csv', 'done']);
	});

	it('goes on with the next request when one fails', async () => {
		const { oneAtATime } = await import('./parse.worker');
		const seen: string[] = [];
		const handle = oneAtATime(async (request) => {
			const name = request.files[0].name;
			await new Promise((resolve) => setTimeout(resolve, name === 'slow.csv' ? 20 : 0));
			seen.push(name);
			if (name === 'slow.csv') throw new Error('broken');
		});
		const request = (name: string): ParseRequest => ({ type: 'parse', files: [new File([''], name)], presets: [], now: 0 });
		const slow = handle(request('slow.csv'));
		const next = handle(request('next.csv'));
		await expect(slow).rejects.toThrow('broken');
		await next;
		expect(seen).toEqual(['slow.csv', 'next.csv']);
	});

	it('passes progress on at most once per interval: the first report, then the first after each interval', async () => {
		const { progressThrottle } = await import('./parse.worker');
		const sent: ParseResponse[] = [];
		let now = 1000;
		const report = progressThrottle((message) => sent.push(message), 100, () => now);
		const progress = (bytesDone: number) => ({ file: 'a.zip', bytesDone, bytesTotal: 10, rows: 0 });
		report(0, progress(0));
		now += 40;
		report(0, progress(3));
		now += 59;
		report(1, progress(0));
		now += 1;
		report(1, progress(7));
		now += 500;
		report(2, progress(10));
		expect(sent).toEqual([
			{ type: 'progress', fileIndex: 0, progress: progress(0) },
			{ type: 'progress', fileIndex: 1, progress: progress(7) },
			{ type: 'progress', fileIndex: 2, progress: progress(10) }
		]);
	});
});

import { describe, expect, it, vi } from 'vitest';
import type { FileOutcome } from '../importers/pipeline';
import { parseInWorker, type ParseRequest, type ParseResponse, type ParseWorker } from './parse-client';

/** A stand-in Worker: records what it is sent and lets the test play the worker's side. */
class FakeWorker implements ParseWorker {
	readonly sent: ParseRequest[] = [];
	terminated = false;
	readonly #listeners: Record<string, ((event: never) => void)[]> = { message: [], error: [], messageerror: [] };

	postMessage(message: ParseRequest): void {
		this.sent.push(message);
	}
	terminate(): void {
		this.terminated = true;
	}
	addEventListener(type: string, listener: (event: never) => void): void {
		this.#listeners[type].push(listener);
	}
	reply(message: ParseResponse): void {
		for (const listener of this.#listeners.message) listener({ data: message } as never);
	}
	crash(message: string): void {
		for (const listener of this.#listeners.error) listener({ message, preventDefault: () => {} } as never);
	}
}

const file = (name: string, text: string) => new File([text], name, { type: 'text/csv' });
const errorOutcome = (name: string, message: string): FileOutcome => ({ name, size: 1, sha256: 'abc', outcome: 'error', message });

describe('parseInWorker', () => {
	it('sends the files one per request with the presets and import time; forwards progress; resolves outcomes in file order', async () => {
		const worker = new FakeWorker();
		const onProgress = vi.fn();
		const files = [file('a.csv', 'x'), file('b.csv', 'y'), file('c.csv', 'z')];
		const promise = parseInWorker(files, { onProgress, now: new Date(Date.UTC(2026, 6, 1)), workers: 1 }, () => worker);
		// the next file is handed over while the worker reads the first, so it never waits for the page
		expect(worker.sent).toEqual([
			{ type: 'parse', files: [files[0]], presets: [], now: Date.UTC(2026, 6, 1) },
			{ type: 'parse', files: [files[1]], presets: [], now: Date.UTC(2026, 6, 1) }
		]);
		worker.reply({ type: 'outcome', fileIndex: 0, outcome: errorOutcome('a.csv', 'first') });
		worker.reply({ type: 'done' });
		// never more than two at once: the third goes when the first is done
		expect(worker.sent.map((message) => message.files[0].name)).toEqual(['a.csv', 'b.csv', 'c.csv']);
		// the worker numbers files within its request; the client reports them by their place in the drop
		worker.reply({ type: 'progress', fileIndex: 0, progress: { file: 'b.csv', bytesDone: 1, bytesTotal: 1, rows: 0 } });
		worker.reply({ type: 'outcome', fileIndex: 0, outcome: errorOutcome('b.csv', 'second') });
		worker.reply({ type: 'done' });
		worker.reply({ type: 'outcome', fileIndex: 0, outcome: errorOutcome('c.csv', 'third') });
		worker.reply({ type: 'done' });
		const outcomes = await promise;
		expect(outcomes.map((outcome) => outcome.name)).toEqual(['a.csv', 'b.csv', 'c.csv']);
		expect(onProgress).toHaveBeenCalledWith({ file: 'b.csv', bytesDone: 1, bytesTotal: 1, rows: 0, fileIndex: 1, fileCount: 3 });
		expect(worker.terminated).toBe(true);
	});

	it('reads with several workers: one file each first, then one ahead each, the rest to whichever finishes first', async () => {
		const pool = [new FakeWorker(), new FakeWorker()];
		let created = 0;
		const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((name) => `${name}.csv`);
		const promise = parseInWorker(
			names.map((name) => file(name, 'x')),
			{ workers: 2 },
			() => pool[created++]
		);
		const sent = (worker: FakeWorker) => worker.sent.map((message) => message.files[0].name);
		const finishOne = (worker: FakeWorker, name: string) => {
			worker.reply({ type: 'outcome', fileIndex: 0, outcome: errorOutcome(name, name) });
			worker.reply({ type: 'done' });
		};
		expect([sent(pool[0]), sent(pool[1])]).toEqual([
			['a.csv', 'c.csv'],
			['b.csv', 'd.csv']
		]);
		finishOne(pool[1], 'b.csv');
		expect(sent(pool[1])).toEqual(['b.csv', 'd.csv', 'e.csv']);
		finishOne(pool[1], 'd.csv');
		expect(sent(pool[1])).toEqual(['b.csv', 'd.csv', 'e.csv', 'f.csv']);
		finishOne(pool[0], 'a.csv');
		expect(sent(pool[0])).toEqual(['a.csv', 'c.csv', 'g.csv']);
		for (const name of ['c.csv', 'g.csv']) finishOne(pool[0], name);
		for (const name of ['e.csv', 'f.csv']) finishOne(pool[1], name);
		const outcomes = await promise;
		expect(outcomes.map((outcome) => outcome.outcome === 'error' && outcome.message)).toEqual(names);
		expect(pool.every((worker) => worker.terminated)).toBe(true);
	});

	it('goes on with the other workers when one stops, losing only the file it was reading', async () => {
		const pool = [new FakeWorker(), new FakeWorker()];
		let created = 0;
		const files = [file('huge.csv', 'x'), file('b.csv', 'y'), file('c.csv', 'z')];
		const promise = parseInWorker(files, { workers: 2 }, () => pool[created++]);
		pool[0].crash('Out of memory');
		pool[1].reply({ type: 'outcome', fileIndex: 0, outcome: errorOutcome('b.csv', 'second') });
		pool[1].reply({ type: 'done' });
		pool[1].reply({ type: 'outcome', fileIndex: 0, outcome: errorOutcome('c.csv', 'third') });
		pool[1].reply({ type: 'done' });
		const outcomes = await promise;
		expect(outcomes[0]).toMatchObject({ name: 'huge.csv', outcome: 'error', message: expect.stringContaining('Out of memory') });
		expect(outcomes.slice(1).map((outcome) => outcome.outcome === 'error' && outcome.message)).toEqual(['second', 'third']);
	});

	it('gives the files a stopped worker had not started to the others', async () => {
		const pool = [new FakeWorker(), new FakeWorker()];
		let created = 0;
		const files = ['huge', 'b', 'c', 'd', 'e'].map((name) => file(`${name}.csv`, 'x'));
		const promise = parseInWorker(files, { workers: 2 }, () => pool[created++]);
		expect(pool[0].sent.map((message) => message.files[0].name)).toEqual(['huge.csv', 'c.csv']);
		pool[0].crash('Out of memory');
		pool[1].reply({ type: 'outcome', fileIndex: 0, outcome: errorOutcome('b.csv', 'b') });
		pool[1].reply({ type: 'done' });
		// c.csv, which the stopped worker held but had not started, goes out before e.csv, never handed out
		expect(pool[1].sent.map((message) => message.files[0].name)).toEqual(['b.csv', 'd.csv', 'c.csv']);
		for (const name of ['d', 'c', 'e']) {
			pool[1].reply({ type: 'outcome', fileIndex: 0, outcome: errorOutcome(`${name}.csv`, name) });
			pool[1].reply({ type: 'done' });
		}
		const outcomes = await promise;
		expect(outcomes[0]).toMatchObject({ name: 'huge.csv', outcome: 'error', message: expect.stringContaining('Out of memory') });
		expect(outcomes.slice(1).map((outcome) => outcome.outcome === 'error' && outcome.message)).toEqual(['b', 'c', 'd', 'e']);
	});

	it('turns a worker crash into an error outcome for each unfinished file, keeping finished ones', async () => {
		const worker = new FakeWorker();
		const promise = parseInWorker([file('done.csv', 'x'), file('huge.csv', 'y')], { workers: 1 }, () => worker);
		worker.reply({ type: 'outcome', fileIndex: 0, outcome: errorOutcome('done.csv', 'kept') });
		worker.crash('Out of memory');
		const outcomes = await promise;
		expect(outcomes[0]).toEqual(errorOutcome('done.csv', 'kept'));
		expect(outcomes[1]).toMatchObject({
			name: 'huge.csv',
			size: 1,
			sha256: '',
			outcome: 'error',
			message:
				'huge.csv could not be read: the import worker stopped unexpectedly (Out of memory). This usually means the browser ran out of memory on a very large file; import fewer or smaller files at a time, and report the problem if it happens again.'
		});
		expect(worker.terminated).toBe(true);
	});

	it('terminates the worker and rejects with AbortError when cancelled', async () => {
		const worker = new FakeWorker();
		const controller = new AbortController();
		const promise = parseInWorker([file('a.csv', 'x')], { signal: controller.signal }, () => worker);
		controller.abort();
		await expect(promise).rejects.toMatchObject({ name: 'AbortError' });
		expect(worker.terminated).toBe(true);
		// late messages after a cancel change nothing
		worker.reply({ type: 'done' });
	});

	it('does not start a worker when already cancelled, or when there are no files', async () => {
		const create = vi.fn(() => new FakeWorker());
		const controller = new AbortController();
		controller.abort();
		await expect(parseInWorker([file('a.csv', 'x')], { signal: controller.signal }, create)).rejects.toMatchObject({ name: 'AbortError' });
		await expect(parseInWorker([], {}, create)).resolves.toEqual([]);
		expect(create).not.toHaveBeenCalled();
	});

	it('reports a worker that cannot be started, per file', async () => {
		const outcomes = await parseInWorker([file('a.csv', 'x')], {}, () => {
			throw new Error('Workers are disabled');
		});
		expect(outcomes[0].outcome === 'error' && outcomes[0].message).toBe(
			'a.csv could not be read: the import worker stopped unexpectedly (it could not be started: Workers are disabled). This usually means the browser ran out of memory on a very large file; import fewer or smaller files at a time, and report the problem if it happens again.'
		);
	});
});

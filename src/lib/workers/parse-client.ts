/**
 * Main-thread side of the parse worker: hands the dropped files to `parse.worker.ts`, forwards its
 * progress, and collects one outcome per file. Parsing a 150k-row CSV or unzipping a large download
 * takes seconds; in a worker the page stays responsive and a cancel is a hard stop (terminate).
 *
 * ## Usage
 * ```ts
 * const controller = new AbortController();
 * const outcomes = await parseInWorker(files, { presets, onProgress: (p) => (progress = p), signal: controller.signal });
 * ```
 * Cancelling rejects with an `AbortError` DOMException (like `fetch`). A worker crash (out of memory
 * on a huge file, a bug) does not reject: files already finished keep their outcomes and every
 * unfinished file gets an error outcome saying what happened.
 */
import type { FileOutcome, ReadProgress } from '../importers/pipeline';
import type { MappingPreset } from '../schemas/mapping-preset';
import { fileMessage } from '../importers/messages';
import type { CodedMessage } from '../domain/coded-message';

export interface ParseRequest {
	type: 'parse';
	files: File[];
	presets: MappingPreset[];
	/** Epoch ms of the import moment, so every file of one import uses the same "now". */
	now: number;
}

export type ParseResponse =
	| { type: 'progress'; progress: ReadProgress; fileIndex: number }
	| { type: 'outcome'; fileIndex: number; outcome: FileOutcome }
	| { type: 'done' };

/** The part of `Worker` the client uses (tests pass a fake). */
export interface ParseWorker {
	postMessage(message: ParseRequest): void;
	terminate(): void;
	addEventListener(type: 'message', listener: (event: MessageEvent<ParseResponse>) => void): void;
	addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
	addEventListener(type: 'messageerror', listener: (event: MessageEvent) => void): void;
}

export interface ParseInWorkerOptions {
	presets?: MappingPreset[];
	onProgress?: (progress: ReadProgress & { fileIndex: number; fileCount: number }) => void;
	signal?: AbortSignal;
	now?: Date;
	/** How many workers read in parallel (default: defaultWorkerCount()). */
	workers?: number;
}

export function createParseWorker(): ParseWorker {
	return new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' }) as ParseWorker;
}

function abortError(signal: AbortSignal): unknown {
	return signal.reason ?? new DOMException('The import was cancelled.', 'AbortError');
}

/** `detail`: why the worker stopped, a `worker.*` message (or the browser's own text). */
function crashOutcome(file: File, detail: CodedMessage): FileOutcome {
	return {
		name: file.name,
		size: file.size,
		sha256: '',
		outcome: 'error',
		...fileMessage('file.workerStopped', { name: file.name, detail })
	};
}

/**
 * Workers to read with: one per core, at most four. Files are independent, and while they are read
 * the page itself has nothing to do, so on a two-core machine two workers read about twice as fast.
 */
export function defaultWorkerCount(): number {
	const cores = typeof navigator === 'undefined' ? 1 : navigator.hardwareConcurrency || 1;
	return Math.max(1, Math.min(4, cores));
}

/** Files a worker holds at once: the one it reads and the next (see parseInWorker). */
const FILES_AHEAD = 2;

export function parseInWorker(
	files: File[],
	options: ParseInWorkerOptions = {},
	createWorker: () => ParseWorker = createParseWorker
): Promise<FileOutcome[]> {
	const { signal } = options;
	if (signal?.aborted) return Promise.reject(abortError(signal));
	if (files.length === 0) return Promise.resolve([]);
	const poolSize = Math.max(1, Math.min(options.workers ?? defaultWorkerCount(), files.length));
	const now = (options.now ?? new Date()).getTime();
	const presets = options.presets ?? [];

	return new Promise<FileOutcome[]>((resolve, reject) => {
		const outcomes: (FileOutcome | undefined)[] = files.map(() => undefined);
		let settled = false;
		// Each worker holds at most FILES_AHEAD files: the one it reads and the next, so it does not
		// sit idle waiting for the page to answer its `done` (a quarter of its time while the page
		// was busy, docs/performance.md). The rest go to whichever worker finishes first, so none
		// waits on another for more than the one file it holds ahead.
		let nextFile = 0;
		/** Files handed back by a worker that stopped before reading them: the next to go out. */
		const returned: number[] = [];
		const workers: { worker: ParseWorker; queue: number[]; alive: boolean }[] = [];
		const left = () => returned.length + files.length - nextFile;

		const finish = (settle: () => void) => {
			if (settled) return;
			settled = true;
			signal?.removeEventListener('abort', onAbort);
			for (const slot of workers) slot.worker.terminate();
			settle();
		};
		// files without an outcome by now never got one: say why instead of dropping them
		const complete = (detail: CodedMessage) =>
			finish(() => resolve(files.map((file, index) => outcomes[index] ?? crashOutcome(file, detail))));
		const onAbort = () => finish(() => reject(abortError(signal!)));
		const idle = () => workers.every((slot) => slot.queue.length === 0 || !slot.alive);

		const handOut = (slot: (typeof workers)[number]) => {
			const index = returned.length > 0 ? returned.shift()! : nextFile++;
			slot.queue.push(index);
			slot.worker.postMessage({ type: 'parse', files: [files[index]], presets, now });
		};
		// first a file for every worker that has none, then one ahead for each
		const dispatch = (detail: CodedMessage = fileMessage('worker.noReport')) => {
			for (const slot of workers) if (slot.alive && slot.queue.length === 0 && left() > 0) handOut(slot);
			for (const slot of workers) if (slot.alive && slot.queue.length < FILES_AHEAD && left() > 0) handOut(slot);
			if (idle() && left() === 0) complete(detail);
		};
		// A worker that stops takes only the file it was reading down with it; the files it had not
		// started go to the others. When none is left, the files not read get the reason.
		const stop = (slot: (typeof workers)[number], detail: CodedMessage) => {
			if (!slot.alive) return;
			slot.alive = false;
			slot.worker.terminate();
			const [reading, ...waiting] = slot.queue;
			slot.queue = [];
			if (reading !== undefined && outcomes[reading] === undefined) outcomes[reading] = crashOutcome(files[reading], detail);
			returned.unshift(...waiting);
			if (workers.some((other) => other.alive)) dispatch(detail);
			else complete(detail);
		};

		for (let index = 0; index < poolSize; index++) {
			let worker: ParseWorker;
			try {
				worker = createWorker();
			} catch (error) {
				if (workers.length > 0) break;
				const detail = error instanceof Error ? error.message : String(error);
				resolve(files.map((file) => crashOutcome(file, fileMessage('worker.notStarted', { detail }))));
				return;
			}
			const slot = { worker, queue: [] as number[], alive: true };
			workers.push(slot);
			worker.addEventListener('message', (event) => {
				const reading = slot.queue[0];
				if (settled || !slot.alive || reading === undefined) return;
				const message = event.data;
				if (message.type === 'progress') options.onProgress?.({ ...message.progress, fileIndex: reading, fileCount: files.length });
				else if (message.type === 'outcome') outcomes[reading] = message.outcome;
				else if (message.type === 'done') {
					// a worker that finished without reporting its file: say so, and go on
					if (outcomes[reading] === undefined) outcomes[reading] = crashOutcome(files[reading], fileMessage('worker.noReport'));
					slot.queue.shift();
					dispatch();
				}
			});
			worker.addEventListener('error', (event) => {
				event.preventDefault?.();
				// the browser's own words, as it gave them (no code: they read the same in every language)
				stop(slot, event.message ? { message: event.message } : fileMessage('worker.noDetails'));
			});
			worker.addEventListener('messageerror', () => stop(slot, fileMessage('worker.unreadableMessage')));
		}
		signal?.addEventListener('abort', onAbort);
		dispatch();
	});
}

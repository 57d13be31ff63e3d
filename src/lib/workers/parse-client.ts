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

export function parseInWorker(
	files: File[],
	options: ParseInWorkerOptions = {},
	createWorker: () => ParseWorker = createParseWorker
): Promise<FileOutcome[]> {
	const { signal } = options;
	if (signal?.aborted) return Promise.reject(abortError(signal));
	if (files.length === 0) return Promise.resolve([]);

	return new Promise<FileOutcome[]>((resolve, reject) => {
		const outcomes: (FileOutcome | undefined)[] = files.map(() => undefined);
		let settled = false;
		let worker: ParseWorker;

		const finish = (settle: () => void) => {
			if (settled) return;
			settled = true;
			signal?.removeEventListener('abort', onAbort);
			worker.terminate();
			settle();
		};
		// files without an outcome by now never got one: say why instead of dropping them
		const complete = (detail: CodedMessage) =>
			finish(() => resolve(files.map((file, index) => outcomes[index] ?? crashOutcome(file, detail))));
		const onAbort = () => finish(() => reject(abortError(signal!)));

		try {
			worker = createWorker();
		} catch (error) {
			const detail = error instanceof Error ? error.message : String(error);
			resolve(files.map((file) => crashOutcome(file, fileMessage('worker.notStarted', { detail }))));
			return;
		}

		worker.addEventListener('message', (event) => {
			const message = event.data;
			if (message.type === 'progress')
				options.onProgress?.({ ...message.progress, fileIndex: message.fileIndex, fileCount: files.length });
			else if (message.type === 'outcome') outcomes[message.fileIndex] = message.outcome;
			else if (message.type === 'done') complete(fileMessage('worker.noReport'));
		});
		worker.addEventListener('error', (event) => {
			event.preventDefault?.();
			// the browser's own words, as it gave them (no code: they read the same in every language)
			complete(event.message ? { message: event.message } : fileMessage('worker.noDetails'));
		});
		worker.addEventListener('messageerror', () => complete(fileMessage('worker.unreadableMessage')));
		signal?.addEventListener('abort', onAbort);

		worker.postMessage({ type: 'parse', files, presets: options.presets ?? [], now: (options.now ?? new Date()).getTime() });
	});
}

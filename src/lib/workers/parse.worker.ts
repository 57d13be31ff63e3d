/**
 * The parse worker: reads the dropped files and runs the import pipeline off the main thread,
 * posting progress and one outcome per file as soon as that file is done (so a later crash
 * cannot take finished files down with it). See parse-client.ts for the other side.
 */
import { importers } from '../importers/index';
import { MAX_FILE_BYTES } from '../importers/limits';
import { readFiles, tooLargeOutcome, type FileOutcome, type ReadProgress } from '../importers/pipeline';
import type { Importer } from '../importers/types';
import { mappingPresetSchema, type MappingPreset } from '../schemas/mapping-preset';
import type { ParseRequest, ParseResponse } from './parse-client';
import { fileMessage } from '../importers/messages';

interface WorkerScope {
	onmessage: ((event: MessageEvent<ParseRequest>) => void) | null;
	postMessage(message: ParseResponse): void;
}

/** Presets come from storage: any that no longer validate are left out rather than trusted. */
function validPresets(presets: readonly unknown[]): MappingPreset[] {
	return presets.flatMap((preset) => {
		const parsed = mappingPresetSchema.safeParse(preset);
		return parsed.success ? [parsed.data] : [];
	});
}

function unreadableFile(file: File, error: unknown): FileOutcome {
	const detail = error instanceof Error ? error.message : String(error);
	return {
		name: file.name,
		size: file.size,
		sha256: '',
		outcome: 'error',
		...fileMessage('file.unreadableFromDisk', { name: file.name, detail })
	};
}

/**
 * Least time between two progress messages of one worker. The pipeline reports at the start and end
 * of every file and after every zip entry (over 2,000 reports for 500 files), but the page draws at
 * most one every 250 ms (PROGRESS_INTERVAL_MS): the rest were posted, and received in a page task
 * each, for nothing. The outcome that ends a file says it was read.
 */
export const PROGRESS_POST_INTERVAL_MS = 100;

/** Passes a worker's progress on at most once per interval: the first report, then the first to come after each interval (the others are dropped). */
export function progressThrottle(post: (message: ParseResponse) => void, intervalMs = PROGRESS_POST_INTERVAL_MS, clock: () => number = () => performance.now()) {
	let last = -Infinity;
	return (fileIndex: number, progress: ReadProgress) => {
		const now = clock();
		if (now - last < intervalMs) return;
		last = now;
		post({ type: 'progress', fileIndex, progress });
	};
}

export async function handleParseRequest(
	request: ParseRequest,
	post: (message: ParseResponse) => void,
	registry: readonly Importer[],
	postProgress: (fileIndex: number, progress: ReadProgress) => void = (fileIndex, progress) => post({ type: 'progress', fileIndex, progress })
): Promise<void> {
	const presets = validPresets(request.presets ?? []);
	const now = new Date(request.now);
	for (let fileIndex = 0; fileIndex < request.files.length; fileIndex++) {
		const file = request.files[fileIndex];
		// refuse before reading: a 2 GB file would exhaust the worker's memory in arrayBuffer() alone
		if (file.size > MAX_FILE_BYTES) {
			post({ type: 'outcome', fileIndex, outcome: tooLargeOutcome(file.name, file.size) });
			continue;
		}
		let bytes: Uint8Array;
		try {
			bytes = new Uint8Array(await file.arrayBuffer());
		} catch (error) {
			post({ type: 'outcome', fileIndex, outcome: unreadableFile(file, error) });
			continue;
		}
		const [outcome] = await readFiles([{ name: file.name, bytes }], {
			registry,
			presets,
			now,
			onProgress: (progress) => postProgress(fileIndex, progress)
		});
		post({ type: 'outcome', fileIndex, outcome });
	}
	post({ type: 'done' });
}

/**
 * Requests are handled one after the other, in the order they came: the page hands a worker its
 * next file while it still reads the current one (parse-client.ts), and a file's progress, outcome
 * and `done` must follow the previous file's. A request that fails still lets the next one run.
 */
export function oneAtATime(handle: (request: ParseRequest) => Promise<void>): (request: ParseRequest) => Promise<void> {
	let previous: Promise<unknown> = Promise.resolve();
	return (request) => {
		const run = previous.then(() => handle(request));
		previous = run.catch(() => undefined);
		return run;
	};
}

const scope = self as unknown as WorkerScope;
const postToPage = (message: ParseResponse) => scope.postMessage(message);
const postProgress = progressThrottle(postToPage);
const handleInTurn = oneAtATime((request) => handleParseRequest(request, postToPage, importers, postProgress));
scope.onmessage = (event) => {
	void handleInTurn(event.data);
};

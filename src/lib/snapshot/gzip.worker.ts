/**
 * zlib on a thread of its own, for saving a snapshot: the snapshot worker sends the body of the
 * file in slices as it writes them (GzipStreamWithHead in gzip.ts), this worker deflates them with
 * the browser's CompressionStream, which runs inside write() on the calling thread, and gives each
 * slice's buffer back to be filled again; at `end`, the whole gzip member. So the deflating runs
 * beside the snapshot worker's own work instead of after it.
 */
import { readAll, type GzipWorkerReply } from './gzip';

type Request = { type: 'slice'; bytes: Uint8Array<ArrayBuffer> } | { type: 'end' };

interface WorkerScope {
	onmessage: ((event: MessageEvent<Request>) => void) | null;
	postMessage(message: GzipWorkerReply, transfer?: Transferable[]): void;
}

const scope = globalThis as unknown as WorkerScope;
const stream = new CompressionStream('gzip');
const writer = stream.writable.getWriter();
const reading = readAll(stream.readable);
reading.catch(() => {});

// in order, one at a time: the slices are the body's, and deflate's output depends on their order
let queue = Promise.resolve();
scope.onmessage = (event) => {
	const request = event.data;
	queue = queue
		.then(async () => {
			if (request.type === 'slice') {
				await writer.write(request.bytes);
				scope.postMessage({ type: 'free', buffer: request.bytes.buffer }, [request.bytes.buffer]);
				return;
			}
			await writer.close();
			const member = await reading;
			scope.postMessage({ type: 'member', member }, [member.buffer]);
		})
		.catch((error: unknown) => {
			scope.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
		});
};

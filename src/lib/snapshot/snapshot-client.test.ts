import { describe, expect, it, vi } from 'vitest';
import { SnapshotClient, type SnapshotWorker } from './snapshot-client';
import type { SnapshotRequest, SnapshotResponse } from './snapshot-protocol';

/** A stand-in Worker: records what it is sent and lets the test play the worker's side. */
class FakeWorker implements SnapshotWorker {
	readonly sent: SnapshotRequest[] = [];
	terminated = false;
	readonly #listeners: Record<string, ((event: never) => void)[]> = { message: [], error: [], messageerror: [] };

	postMessage(message: SnapshotRequest): void {
		this.sent.push(message);
	}
	terminate(): void {
		this.terminated = true;
	}
	addEventListener(type: string, listener: (event: never) => void): void {
		this.#listeners[type].push(listener);
	}
	reply(message: SnapshotResponse): void {
		for (const listener of this.#listeners.message) listener({ data: message } as never);
	}
	crash(message: string): void {
		for (const listener of this.#listeners.error) listener({ message, preventDefault: () => {} } as never);
	}
}

const SUMMARY = { accounts: [], platforms: [], firstDay: null, lastDay: null, counts: {} } as never;

describe('SnapshotClient', () => {
	it('sends an export request and resolves with the bytes, forwarding progress', async () => {
		const worker = new FakeWorker();
		const client = new SnapshotClient(() => worker);
		const onProgress = vi.fn();
		const pending = client.exportSnapshot({ title: 'Q1', appVersion: '9.9.9', now: new Date(Date.UTC(2024, 2, 9)) }, onProgress);
		expect(worker.sent).toEqual([
			{ type: 'export', requestId: 1, appVersion: '9.9.9', exportedAt: Date.UTC(2024, 2, 9), title: 'Q1', author: undefined }
		]);
		worker.reply({ type: 'progress', requestId: 1, phase: 'compressing', fraction: 0.5 });
		const bytes = new Uint8Array([0x1f, 0x8b]);
		worker.reply({ type: 'exported', requestId: 1, result: { bytes, fileName: 'chorus-2024-03-09-q1.chorus.json.gz', summary: SUMMARY } });
		expect(await pending).toEqual({ ok: true, result: { bytes, fileName: 'chorus-2024-03-09-q1.chorus.json.gz', summary: SUMMARY } });
		expect(onProgress).toHaveBeenCalledWith({ phase: 'compressing', fraction: 0.5 });
	});

	it('matches answers to requests by id and passes failures on as messages', async () => {
		const worker = new FakeWorker();
		const client = new SnapshotClient(() => worker);
		const file = new File(['x'], 'team.chorus.json.gz');
		const opening = client.openSnapshot(file, { includeTables: true });
		const previewing = client.previewMerge();
		expect(worker.sent.map((request) => [request.requestId, request.type])).toEqual([
			[1, 'open'],
			[2, 'preview-merge']
		]);
		expect(worker.sent[0]).toMatchObject({ file, fileName: 'team.chorus.json.gz', includeTables: true });
		worker.reply({ type: 'failed', requestId: 2, kind: 'no-snapshot', message: 'Open a snapshot file first.' });
		worker.reply({ type: 'failed', requestId: 1, kind: 'checksum', message: '"team.chorus.json.gz" was changed or damaged after it was saved.' });
		expect(await previewing).toEqual({ ok: false, kind: 'no-snapshot', message: 'Open a snapshot file first.' });
		expect(await opening).toEqual({ ok: false, kind: 'checksum', message: '"team.chorus.json.gz" was changed or damaged after it was saved.' });
	});

	it('turns a worker crash into a failure for every pending request, and starts a new worker next time', async () => {
		const workers: FakeWorker[] = [];
		const client = new SnapshotClient(() => {
			workers.push(new FakeWorker());
			return workers.at(-1)!;
		});
		const applying = client.apply('merge', { 'decision:x:a': 'snapshot' });
		expect(workers[0].sent[0]).toEqual({ type: 'apply', requestId: 1, mode: 'merge', resolutions: { 'decision:x:a': 'snapshot' } });
		workers[0].crash('Out of memory');
		expect(await applying).toMatchObject({
			ok: false,
			kind: 'crashed',
			message:
				'The snapshot worker stopped unexpectedly (Out of memory). Nothing was changed. This usually means the browser ran out of memory; close other tabs and try again.'
		});
		expect(workers[0].terminated).toBe(true);
		void client.previewMerge();
		expect(workers).toHaveLength(2);
	});

	it('cancels pending work on dispose', async () => {
		const worker = new FakeWorker();
		const client = new SnapshotClient(() => worker);
		const pending = client.exportSnapshot({ appVersion: '1' });
		client.dispose();
		expect(await pending).toMatchObject({ ok: false, kind: 'crashed', message: 'The snapshot work was cancelled. Nothing was changed.' });
		expect(worker.terminated).toBe(true);
	});

	it('reports a worker that cannot start', async () => {
		const client = new SnapshotClient(() => {
			throw new Error('Workers are disabled');
		});
		expect(await client.previewMerge()).toMatchObject({
			ok: false,
			kind: 'crashed',
			message: 'The snapshot worker could not be started (Workers are disabled). Nothing was changed; reload the page and try again.'
		});
	});
});

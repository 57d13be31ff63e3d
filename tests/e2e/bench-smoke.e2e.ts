import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

/**
 * The benchmark's smoke run (`npm run bench:smoke`): the small workspace, one run, no budgets,
 * through every stage the full benchmark measures. Timings are not checked here (they belong to
 * `npm run bench`); what is checked is that every stage still runs against the current app, so a
 * changed page cannot quietly turn a figure into "not measured".
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RESULTS = `${ROOT}bench/.tmp/smoke-results.json`;

interface Figure {
	id: string;
	median: number | null;
	notMeasured?: string;
}

test('the benchmark runs every stage on the small workspace', async () => {
	// 25 s on the shared 2-core machine at a load of 6; a stage that hangs fails here
	// instead of holding the suite for its own long timeouts
	test.setTimeout(8 * 60_000);
	const run = spawnSync(process.execPath, ['bench/run.mjs', '--smoke', '--port=4195'], { cwd: ROOT, encoding: 'utf8', timeout: 7 * 60_000 });
	expect(run.status, `bench/run.mjs --smoke failed:\n${run.stderr}`).toBe(0);

	const results = JSON.parse(readFileSync(RESULTS, 'utf8')) as {
		complete: boolean;
		options: { storage: string };
		figures: Figure[];
		notMeasured: Record<string, string>;
	};
	expect(results.complete).toBe(true);
	// people's browsers keep IndexedDB on disk; off-the-record contexts keep it in memory, several times slower
	expect(results.options.storage).toBe('disk');
	expect(results.notMeasured).toEqual({});
	const byId = new Map(results.figures.map((figure) => [figure.id, figure]));
	for (const id of [
		'bundle.initialJsGzip',
		'import.small.time',
		'import.small.floorRatio',
		'import.small.longestTaskMs',
		'import.small.fileIntakeMs',
		'memory.small.peakHeap',
		'open.small.firstChartMs',
		'redraw.small.p95Ms',
		'board.small.moveMs',
		'board.small.summaryMs',
		'snapshot.small.exportMs',
		'snapshot.small.importMs',
		'snapshot.small.fileBytes'
	]) {
		const figure = byId.get(id);
		expect(figure?.notMeasured, id).toBeUndefined();
		expect(Number.isFinite(figure?.median), `${id} has a value`).toBe(true);
	}
});

import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { AfterPaint, Latest } from './dashboard.svelte';
import { afterPaint, inputPending } from './background';
import { KpiClient, type KpiRequest, type KpiWorkerLike } from '$lib/components/dashboard/kpi-work';
import type { StoredSeries } from '$lib/components/dashboard/series';

/*
 * In Chromium, as on the dashboard: real frames, real `scheduler.postTask`. What is checked is the
 * order of events (an input's frame before the background work that was waiting), never a duration.
 */

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

async function until(condition: () => boolean) {
	for (let i = 0; i < 300 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** A click on the page, as a person's: dispatched on an element, so the window sees it in its capture phase. */
function click() {
	document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
}

/** Notes in `log` when the frame after now has been produced (a task after the next animation frame, as the benchmark takes it). */
function noteFrame(log: string[], name: string) {
	requestAnimationFrame(() => setTimeout(() => log.push(name)));
}

describe('background pieces and inputs', () => {
	it('runs a piece that came due while a click was being answered after the frame that shows the click', async () => {
		const log: string[] = [];
		afterPaint(() => log.push('piece'));
		// the piece's frame: from here on the old afterPaint only waited for an idle period, which
		// comes before the next frame when nothing asks for one
		await nextFrame();
		click();
		expect(inputPending()).toBe(true);
		noteFrame(log, 'frame after the click');
		await until(() => log.includes('piece'));
		expect(log).toEqual(['frame after the click', 'piece']);
		await until(() => !inputPending());
		expect(inputPending()).toBe(false);
	});

	it('shows a KPI answer that arrives between a click and its frame after that frame', async () => {
		const log: string[] = [];
		let answer: ((value: string) => void) | undefined;
		let kpis: Latest<string, string> | undefined;
		const stop = $effect.root(() => {
			kpis = new Latest<string, string>(
				() => 'view',
				() => new Promise<string>((resolve) => (answer = resolve))
			);
			$effect(() => {
				if (kpis?.current) log.push(`shown ${kpis.current}`);
			});
		});
		flushSync();
		// the computation starts after a frame and a background piece
		await until(() => answer !== undefined);
		await nextFrame();
		click();
		noteFrame(log, 'frame after the click');
		answer?.('cards');
		await until(() => log.includes('shown cards'));
		expect(log).toEqual(['frame after the click', 'shown cards']);
		stop();
	});

	it('computes an AfterPaint value and shows it in two background pieces', async () => {
		const log: string[] = [];
		let value: AfterPaint<number, number> | undefined;
		const stop = $effect.root(() => {
			value = new AfterPaint(
				() => 2,
				(input) => {
					log.push('computed');
					// a click right after the computation: what the value re-renders waits for the click's frame
					click();
					noteFrame(log, 'frame after the click');
					return input * 21;
				}
			);
			$effect(() => {
				if (value?.current !== undefined) log.push(`shown ${value.current}`);
			});
		});
		flushSync();
		await until(() => log.includes('shown 42'));
		expect(log).toEqual(['computed', 'frame after the click', 'shown 42']);
		stop();
	});

	it("sends the KPI worker its series parts after a click's frame", async () => {
		const log: string[] = [];
		const worker: KpiWorkerLike = {
			postMessage: (message: KpiRequest) => {
				if (message.type !== 'posts') log.push(message.type);
			},
			addEventListener: () => {},
			terminate: () => {}
		};
		// two series of 100,000 days: two parts
		const series: StoredSeries[] = ['a', 'b'].map((accountId) => ({
			accountId,
			metric: 'impressions',
			startDay: 0,
			values: new Float64Array(100_000),
			sources: new Uint32Array(0)
		}));
		const client = new KpiClient(() => worker);
		void client.compute({ series, accounts: [{ id: 'a', platform: 'x', displayName: 'A' }], range: { from: 0, to: 99_999 } });
		click();
		noteFrame(log, 'frame after the click');
		await until(() => log.includes('compute'));
		expect(log).toEqual(['frame after the click', 'series', 'series', 'compute']);
		client.close();
	});
});

import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '$lib/i18n/i18n.svelte';
import { Latest } from '$lib/state/dashboard.svelte';
import KpiSection from './KpiSection.svelte';
import type { DayRange } from '$lib/domain/analytics/types';
import { KpiClient, KpiState, SeriesAssembly, type KpiInput, type KpiReply, type KpiRequest, type KpiResult, type KpiWorkerLike } from './kpi-work';
import type { StoredSeries } from './series';

/**
 * A KPI worker running kpi.worker.ts' logic here, whose computations fail for the views `fails`
 * names, answering as kpi.worker.ts does when computeKpis throws.
 */
class FailingWorker implements KpiWorkerLike {
	#listeners: ((event: MessageEvent<KpiReply>) => void)[] = [];
	#state = new KpiState();
	#incoming = new SeriesAssembly();
	constructor(private fails: (range: DayRange) => boolean = () => true) {}
	postMessage(message: KpiRequest) {
		if (message.type === 'series') {
			const series = this.#incoming.add(message);
			if (series) this.#state.setSeries(series);
		}
		if (message.type !== 'compute') return;
		const data: KpiReply = this.fails(message.range)
			? { id: message.id, ok: false, message: 'Stored series for account a are cut short' }
			: { id: message.id, ok: true, result: this.#state.compute(message.accounts, message.range) };
		setTimeout(() => this.#listeners.forEach((listener) => listener({ data } as MessageEvent<KpiReply>)));
	}
	addEventListener(type: 'message' | 'error', listener: never) {
		if (type === 'message') this.#listeners.push(listener);
	}
	terminate() {}
}

const series: StoredSeries[] = [
	{ accountId: 'a', metric: 'impressions', startDay: 100, values: Float64Array.from([1, 2, 3, 4]), sources: new Uint32Array(4) }
];
const input: KpiInput = { series, accounts: [{ id: 'a', platform: 'x', displayName: 'A' }], range: { from: 100, to: 103 } };

async function until(condition: () => boolean) {
	for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** The dashboard's wiring: a Latest over the KPI client, its value and error given to the section. */
function showSection(client: KpiClient, view: { input: KpiInput } = { input }) {
	const target = document.createElement('div');
	document.body.append(target);
	let component: ReturnType<typeof mount> | undefined;
	const stop = $effect.root(() => {
		const kpis = new Latest<KpiInput, KpiResult>(
			() => view.input,
			(args) => client.compute(args)
		);
		component = mount(KpiSection, {
			target,
			props: {
				get result() {
					return kpis.current;
				},
				get error() {
					return kpis.error;
				},
				theme: 'light'
			}
		});
	});
	flushSync();
	return {
		target,
		close() {
			if (component) unmount(component);
			stop();
			target.remove();
		}
	};
}

describe('KpiSection', () => {
	afterEach(() => i18n.set('en'));

	it('says a failed KPI computation in place of the cards, with what to do', async () => {
		const shown = showSection(new KpiClient(() => new FailingWorker()));
		await until(() => shown.target.querySelector('[data-testid=kpi-error]') !== null);
		const message = shown.target.querySelector('[data-testid=kpi-error]');
		expect(message?.getAttribute('role')).toBe('alert');
		expect(message?.textContent).toContain('The key figures could not be computed.');
		expect(message?.textContent).toContain('Reload the page to try again.');
		expect(message?.textContent).toContain('Stored series for account a are cut short');
		expect(message?.querySelector('button')?.textContent).toBe('Reload the page');
		expect(shown.target.querySelector('[data-testid=kpi-cards]')).toBeNull();

		i18n.set('zh-CN');
		flushSync();
		expect(message?.textContent).toContain('无法计算关键指标。');
		expect(message?.querySelector('button')?.textContent).toBe('重新加载页面');
		shown.close();
	});

	it('gives the place back to the cards when a later computation succeeds', async () => {
		const view = $state({ input });
		const shown = showSection(new KpiClient(() => new FailingWorker((range) => range.to === 103)), view);
		await until(() => shown.target.querySelector('[data-testid=kpi-error]') !== null);
		view.input = { ...input, range: { from: 100, to: 102 } };
		flushSync();
		await until(() => shown.target.querySelector('[data-testid=kpi-cards]') !== null);
		expect(shown.target.querySelector('[data-testid=kpi-error]')).toBeNull();
		expect(shown.target.querySelector('[data-testid=kpi-impressions] [data-testid=kpi-value]')?.textContent).toBe('6');
		shown.close();
	});

	it('shows the cards when the computation succeeds', async () => {
		// no worker: the same computation on this thread
		const shown = showSection(new KpiClient(null));
		await until(() => shown.target.querySelector('[data-testid=kpi-cards]') !== null);
		expect(shown.target.querySelector('[data-testid=kpi-error]')).toBeNull();
		expect(shown.target.querySelector('[data-testid=kpi-impressions] [data-testid=kpi-value]')?.textContent).toBe('10');
		shown.close();
	});
});

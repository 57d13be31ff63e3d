/// <reference lib="webworker" />
/**
 * The dashboard's KPI computation (kpi-work.ts), off the page's thread. Keeps the series and post
 * days it was last sent; computes only the latest view asked for: requests that arrive while it is
 * busy replace each other, so a burst of clicks is one computation, not a queue.
 */
import { KpiState, SeriesAssembly, type KpiReply, type KpiRequest } from './kpi-work';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const state = new KpiState();
const incoming = new SeriesAssembly();
let latest: Extract<KpiRequest, { type: 'compute' }> | null = null;
let scheduled = false;

function run() {
	scheduled = false;
	const request = latest;
	latest = null;
	if (!request) return;
	let reply: KpiReply;
	try {
		reply = { id: request.id, ok: true, result: state.compute(request.accounts, request.range) };
	} catch (error) {
		reply = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
	}
	scope.postMessage(reply);
}

scope.onmessage = (event: MessageEvent<KpiRequest>) => {
	const request = event.data;
	if (request.type === 'series') {
		// the series come in parts (KpiClient): kept once the last one is here
		const series = incoming.add(request);
		if (series) state.setSeries(series);
	} else if (request.type === 'posts') state.setPosts(request.posts);
	else {
		latest = request;
		// after the messages already queued, so the latest of them is the one computed
		if (!scheduled) {
			scheduled = true;
			setTimeout(run);
		}
	}
};

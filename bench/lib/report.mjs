// bench/results.json as Markdown, for the README's Performance section (node bench/run.mjs --report):
// figure, target, measured median (min–max), verdict; then the machine, its load and the date.
import { formatValue } from './stats.mjs';

const VERDICT = { over: '**over**', within: 'within', 'not measured': 'not measured' };

/** @param {{ budgetedOnly?: boolean }} options  budgetedOnly: only the figures that have a budget (the README's short table) */
export function markdownReport(results, { budgetedOnly = false } = {}) {
	const checks = new Map((results.budgets ?? []).map((check) => [check.id, check]));
	const lines = ['| figure | target | measured: median (min–max) | verdict |', '| --- | --- | --- | --- |'];
	for (const figure of results.figures) {
		const check = checks.get(figure.id);
		if (budgetedOnly && !check) continue;
		const verdict = check ? VERDICT[check.status] : '';
		let measured;
		if (figure.notMeasured) measured = `not measured: ${figure.notMeasured.split('\n')[0]}`;
		else {
			measured = formatValue(figure.median, figure.unit);
			if (figure.runs.length > 1) measured += ` (${formatValue(figure.min, figure.unit)}–${formatValue(figure.max, figure.unit)})`;
			if (figure.runs.length > 1) measured += `, n=${figure.runs.length}`;
		}
		lines.push(`| ${figure.label} | ${check?.target ?? ''} | ${measured} | ${verdict} |`);
	}
	const machine = results.machine;
	const during = machine.loadAverageDuring;
	const load = during
		? `1-minute load average ${during.min.toFixed(1)}–${during.max.toFixed(1)} during the run (mean ${during.mean.toFixed(1)}) on ${machine.cpus} CPUs`
		: `load average ${machine.loadAverageAtStart.map((n) => n.toFixed(1)).join(' / ')} at the start`;
	lines.push(
		'',
		`Measured ${results.generatedAt.slice(0, 16).replace('T', ' ')} UTC on ${machine.cpus} CPUs (${machine.cpuModel}), ${formatValue(machine.memoryBytes, 'bytes')} RAM, ${machine.os}, ${machine.browser}, Node ${machine.node}; ${load}; runs: ${Object.entries(results.options.runs).map(([size, count]) => `${size} ×${count}`).join(', ')}, ${results.options.opens} cold opens per run; IndexedDB ${results.options.storage === 'disk' ? 'on disk (a fresh profile per user)' : 'in memory (off-the-record contexts)'}; ${Math.round(results.durationSeconds / 60)} min in all.`
	);
	if (results.complete === false)
		lines.push('', `Partial results: the benchmark stopped before the end (runs planned: ${Object.entries(results.options.plannedRuns ?? {}).map(([size, count]) => `${size} ×${count}`).join(', ')}).`);
	return lines.join('\n');
}

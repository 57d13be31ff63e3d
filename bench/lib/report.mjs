// bench/results.json as Markdown, for the README's Performance section (node bench/run.mjs --report).
import { formatValue } from './stats.mjs';

export function markdownReport(results) {
	const checks = new Map((results.budgets ?? []).map((check) => [check.id, check]));
	const lines = ['| figure | median | min – max | target | |', '| --- | --- | --- | --- | --- |'];
	for (const figure of results.figures) {
		const check = checks.get(figure.id);
		const verdict = !check ? '' : check.status === 'over' ? '**over**' : check.status === 'within' ? 'within' : 'not measured';
		if (figure.notMeasured) {
			lines.push(`| ${figure.label} | not measured: ${figure.notMeasured} | | ${check?.target ?? ''} | ${verdict} |`);
			continue;
		}
		const range = figure.runs.length > 1 ? `${formatValue(figure.min, figure.unit)} – ${formatValue(figure.max, figure.unit)}` : '';
		lines.push(`| ${figure.label} | ${formatValue(figure.median, figure.unit)} | ${range} | ${check?.target ?? ''} | ${verdict} |`);
	}
	const machine = results.machine;
	lines.push(
		'',
		`Measured ${results.generatedAt.slice(0, 10)} on ${machine.cpus} CPUs (${machine.cpuModel}), ${formatValue(machine.memoryBytes, 'bytes')} RAM, ${machine.os}, ${machine.browser}, Node ${machine.node}; load average ${machine.loadAverageAtStart.map((n) => n.toFixed(1)).join(' / ')} at the start; runs: ${Object.entries(results.options.runs).map(([size, count]) => `${size} ×${count}`).join(', ')}.`
	);
	return lines.join('\n');
}

// Summaries of repeated runs, and plain-text formatting for the terminal table.

/** Median with min and max, and the raw runs. Null when there are no finite samples. */
export function summary(samples) {
	const values = samples.filter((value) => Number.isFinite(value));
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	const median = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: values };
}

/** The nearest-rank percentile (p in 0..100) of a list of samples. */
export function percentile(samples, p) {
	const sorted = samples.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
	if (sorted.length === 0) return Number.NaN;
	const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
	return sorted[rank - 1];
}

/**
 * How a cost grows with size: the exponent k in cost ∝ size^k between two sizes. 1 is linear;
 * below 1 fixed costs dominate the smaller size; above 1 the cost grows faster than the data.
 */
export function growthExponent(smallCost, largeCost, smallSize, largeSize) {
	if (!(smallCost > 0 && largeCost > 0 && smallSize > 0 && largeSize > smallSize)) return Number.NaN;
	return Math.log(largeCost / smallCost) / Math.log(largeSize / smallSize);
}

export function formatValue(value, unit) {
	if (value === null || value === undefined || Number.isNaN(value)) return '–';
	switch (unit) {
		case 'ms':
			return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 1 : 0)} ms`;
		case 'bytes':
			if (value >= 1024 ** 3) return `${(value / 1024 ** 3).toFixed(2)} GB`;
			return value >= 1024 * 1024 ? `${(value / 1024 / 1024).toFixed(1)} MB` : `${(value / 1024).toFixed(1)} KB`;
		case 'rows/s':
			return `${Math.round(value).toLocaleString('en-US')} rows/s`;
		case 'x':
			return `${value.toFixed(2)}×`;
		case 'exponent':
			return `n^${value.toFixed(2)}`;
		default:
			return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
	}
}

/** A left-aligned text table with a header row. */
export function textTable(header, rows) {
	const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => String(row[column] ?? '').length)));
	const line = (cells) => cells.map((cell, column) => String(cell ?? '').padEnd(widths[column])).join('  ').trimEnd();
	return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

/**
 * Property tests for the whole import pipeline with the real importers: arbitrary bytes, arbitrary
 * CSV-shaped text, arbitrary zips, and real exports with bytes flipped or cut off. The pipeline
 * catches everything per file, so "never throws" alone proves little; the stronger property is
 * that no input reaches that safety net: every outcome is one the pipeline meant to give, with a
 * message that names the file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importers } from './index';
import { readFiles, type FileOutcome } from './pipeline';

const NOW = new Date(2026, 10, 26, 12);
const FIXTURES = new URL('../../../tests/fixtures/', import.meta.url);
const UNEXPECTED = /unexpected problem|failed unexpectedly|stopped unexpectedly/;

function checkOutcome(outcome: FileOutcome, name: string) {
	expect(outcome.name).toBe(name);
	if (outcome.outcome === 'error') {
		expect(outcome.message, outcome.message).not.toMatch(UNEXPECTED);
		expect(outcome.message).toContain(name.split('/')[0]);
	}
	if (outcome.outcome === 'parsed') {
		for (const file of outcome.parsed) {
			expect(file.fileName.startsWith(name)).toBe(true);
			for (const series of file.series) {
				expect(series.days).toHaveLength(series.values.length);
				for (const value of series.values) expect(Number.isFinite(value)).toBe(true);
				for (const day of series.days) expect(Number.isInteger(day)).toBe(true);
			}
			for (const issue of file.issues) expect(issue.message).not.toMatch(UNEXPECTED);
		}
	}
}

async function readChecked(name: string, bytes: Uint8Array): Promise<FileOutcome> {
	const outcomes = await readFiles([{ name, bytes }], { registry: importers, now: NOW });
	expect(outcomes).toHaveLength(1);
	checkOutcome(outcomes[0], name);
	return outcomes[0];
}

const HEADERS = ['Date', 'Views', 'impressions', 'Tweets published', 'Tweet id', 'time', 'Post id', 'Post text', 'Followers', 'Reach', '时间', 'Datum', ''];
const CELLS = ['2024-03-01', '03/01/2024', '1,234', '1.234,5', '-5', '1e400', '', '-', 'undefined', '"', '""', 'x\ny', '=1+1', '99999999999999999999', 'Mar 1, 2024', '0100-01-01'];

/** Text shaped like an export: a header from known names, rows from tricky cells, any separator. */
const exportLike = fc
	.record({
		header: fc.array(fc.constantFrom(...HEADERS), { minLength: 1, maxLength: 6 }),
		rows: fc.array(fc.array(fc.oneof(fc.constantFrom(...CELLS), fc.string({ maxLength: 6 })), { maxLength: 7 }), { maxLength: 12 }),
		separator: fc.constantFrom(',', ';', '\t', '|'),
		newline: fc.constantFrom('\n', '\r\n', '\r'),
		bom: fc.boolean(),
		preamble: fc.constantFrom('', 'sep=,\n', '"Facebook follows"\n', 'Video overview,,,\n')
	})
	.map(({ header, rows, separator, newline, bom, preamble }) => {
		const line = (cells: string[]) => cells.map((cell) => (/[",\n;]/.test(cell) && cell.length > 1 ? `"${cell.replaceAll('"', '""')}"` : cell)).join(separator);
		return `${bom ? '\ufeff' : ''}${preamble}${[header, ...rows].map(line).join(newline)}${newline}`;
	});

describe('the pipeline with arbitrary input', () => {
	it('gives every file of bytes exactly one intended outcome', async () => {
		await fc.assert(
			fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), fc.constantFrom('data.csv', 'data.xlsx', 'data.zip', 'data'), async (bytes, name) => {
				await readChecked(name, bytes);
			}),
			{ numRuns: 300 }
		);
	});

	it('reads export-shaped text without an unexpected failure, whatever the cells hold', async () => {
		await fc.assert(
			fc.asyncProperty(exportLike, fc.constantFrom('daily_tweet_activity_metrics_acme_20240301_20240331_en.csv', 'export.csv', 'Totals.csv'), async (text, name) => {
				await readChecked(name, strToU8(text));
			}),
			{ numRuns: 400 }
		);
	});

	it('opens arbitrary zips of such files, one level deep', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.dictionary(fc.constantFrom('a.csv', 'b/Totals.csv', '__MACOSX/._x', 'c.zip', 'd.xlsx', 'e'), exportLike, { maxKeys: 4 }),
				async (files) => {
					const entries = Object.fromEntries(Object.entries(files).map(([path, text]) => [path, strToU8(text)]));
					if ('c.zip' in entries) entries['c.zip'] = zipSync({ 'inner.csv': entries['c.zip'] });
					await readChecked('bundle.zip', zipSync(entries));
				}
			),
			{ numRuns: 150 }
		);
	});
});

/** Every real export committed under tests/fixtures/<platform>/. */
function realExports(): { name: string; bytes: Uint8Array }[] {
	const found: { name: string; bytes: Uint8Array }[] = [];
	for (const platform of ['x', 'youtube', 'tiktok', 'linkedin', 'facebook', 'instagram', 'wechat']) {
		const directory = new URL(`${platform}/`, FIXTURES);
		for (const name of readdirSync(directory)) {
			if (!/\.(csv|zip|xlsx?|md)$/i.test(name) || name.endsWith('.md')) continue;
			found.push({ name, bytes: new Uint8Array(readFileSync(new URL(name, directory))) });
		}
	}
	return found;
}

describe('real exports, damaged', () => {
	const exports = realExports();

	it('has real exports to damage', () => {
		expect(exports.length).toBeGreaterThan(20);
	});

	it('a real export with bytes flipped still gets an intended outcome', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom(...exports),
				fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }),
				async (source, flips) => {
					const bytes = source.bytes.slice();
					for (const [where, mask] of flips) bytes[Math.min(bytes.length - 1, Math.floor(where * bytes.length))] ^= mask;
					await readChecked(source.name, bytes);
				}
			),
			{ numRuns: 200 }
		);
	});

	it('a real export cut off anywhere still gets an intended outcome', async () => {
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...exports), fc.double({ min: 0, max: 1, noNaN: true }), async (source, where) => {
				await readChecked(source.name, source.bytes.subarray(0, Math.floor(where * source.bytes.length)));
			}),
			{ numRuns: 200 }
		);
	});
});

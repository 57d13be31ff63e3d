/**
 * The bad-input corpus (tests/fixtures/bad/, tests/fixtures/snapshots/bad-*) in Simplified
 * Chinese: every problem the real pipeline and the real snapshot reader report carries a code the
 * catalogue has, and its Chinese text is Chinese (no English sentence left over once the values
 * taken from the file are set aside) and, for a refused file, names the file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodedMessage, MessageParam } from '$lib/domain/coded-message';
import { importers } from '$lib/importers';
import { readFiles, type FileOutcome } from '$lib/importers/pipeline';
import { parseSnapshot } from '$lib/snapshot/parse';
import { hasMessage, i18n } from './i18n.svelte';
import { issueText } from './issues';

const BAD = new URL('../../../tests/fixtures/bad/', import.meta.url);
const SNAPSHOTS = new URL('../../../tests/fixtures/snapshots/', import.meta.url);
const NOW = new Date(2026, 10, 26, 12, 0, 0);
const isSnapshot = (name: string) => /\.chorus\.json(\.gz)?$/.test(name);

/** Every string a message takes from the file or the system (names, cells, details), nested ones too. */
function valuesOf(params: Record<string, MessageParam> | undefined): string[] {
	return Object.values(params ?? {}).flatMap((value) => {
		if (typeof value === 'string') return [value];
		if (typeof value === 'number') return [];
		return (Array.isArray(value) ? value : [value as CodedMessage]).flatMap((nested: CodedMessage) => valuesOf(nested.params));
	});
}

/**
 * The Chinese text with the file's own values and quoted names (column names such as “Post time”,
 * kept as the platform writes them) taken out: what is left is Chorus's own words.
 */
function ownWords(text: string, coded: CodedMessage): string {
	let rest = text;
	for (const value of valuesOf(coded.params).sort((a, b) => b.length - a.length)) if (value) rest = rest.split(value).join(' ');
	return rest.replace(/“[^”]*”|"[^"]*"/g, ' ');
}

/** Three English words in a row: a sentence (or part of one) that was not translated. */
const ENGLISH_RUN = /[A-Za-z]{2,}[\s,]+[A-Za-z]{2,}[\s,]+[A-Za-z]{2,}/;

function expectChinese(coded: CodedMessage, where: string): string {
	expect(coded.code, `${where}: ${coded.message}`).toBeTruthy();
	expect(hasMessage(`issues:${coded.code}`) || hasMessage(`issues:${coded.code}_other`), `${where}: ${coded.code}`).toBe(true);
	const text = issueText(coded);
	expect(text, where).toMatch(/[\u4e00-\u9fff]/);
	expect(ownWords(text, coded), `${where}: ${text}`).not.toMatch(ENGLISH_RUN);
	return text;
}

/** The file a refusal is about: a zip entry's or sheet's own name, or the file's. */
const baseName = (name: string) => name.split('/').pop()!;

beforeAll(() => i18n.set('zh-CN'));
afterAll(() => i18n.set('en'));

describe('the bad-input corpus in Chinese', () => {
	const files = readdirSync(BAD).filter((name) => !name.endsWith('.mjs'));

	it.each(files.filter((name) => !isSnapshot(name)))('%s: every problem is coded and worded in Chinese', async (name) => {
		const [outcome]: FileOutcome[] = await readFiles([{ name, bytes: new Uint8Array(readFileSync(new URL(name, BAD))) }], {
			registry: importers,
			now: NOW
		});
		expect(outcome.name).toBe(name);
		if (outcome.outcome !== 'parsed') {
			const text = expectChinese(outcome, name);
			// names the file: the input, or (for one unrecognised table inside it) that table
			const named = outcome.outcome === 'unrecognised' ? outcome.tables.map((table) => baseName(table.table.fileName)) : [];
			expect([name, ...named].some((file) => text.includes(file)), text).toBe(true);
		}
		const skipped = outcome.outcome === 'error' ? [] : outcome.skipped;
		for (const entry of skipped) expectChinese({ message: entry.reason, code: entry.code, params: entry.params }, `${name} › ${entry.entry}`);
		const issues =
			outcome.outcome === 'parsed'
				? outcome.parsed.flatMap((file) => file.issues)
				: outcome.outcome === 'unrecognised'
					? outcome.tables.flatMap((table) => table.issues)
					: [];
		for (const issue of issues) {
			const text = expectChinese(issue, `${name} line ${issue.line}`);
			// a message about the whole file names it; a row's issue is listed under the file with its line
			if (issue.params?.name !== undefined) expect(text).toContain(String(issue.params.name));
		}
	});

	const snapshots = [
		...files.filter(isSnapshot).map((name) => new URL(name, BAD)),
		...readdirSync(SNAPSHOTS)
			.filter((name) => name.startsWith('bad-'))
			.map((name) => new URL(name, SNAPSHOTS))
	];
	it.each(snapshots.map((url) => [url.pathname.split('/').pop()!, url] as const))('%s: the refusal is coded, in Chinese, and names the file', async (name, url) => {
		const result = await parseSnapshot(new Uint8Array(readFileSync(url)), { fileName: name, maxInflated: 4 * 1024 * 1024 });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		const text = expectChinese(result, name);
		expect(text).toContain(`“${name}”`);
		expect(text).toContain('没有加载任何内容，你的工作区保持不变。');
	});
});

/**
 * The `issues` catalogue against the core's English tables: every code the importers, the
 * snapshot reader and storage can produce has its message in both languages, the English one
 * renders through i18next exactly as the core renders it, and the Chinese one leaves no
 * placeholder or nested reference unfilled.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { renderEnglish, type MessageParam, type Template, type TemplateTable } from '$lib/domain/coded-message';
import { STORAGE_MESSAGES, storageMessage, toStorageError } from '$lib/db/errors';
import { PLAN_MESSAGES } from '$lib/db/import-plan';
import { englishOutside, fileMessage, IMPORT_MESSAGES } from '$lib/importers/messages';
import { SNAPSHOT_MESSAGES, snapshotMessages } from '$lib/snapshot/messages';
import { resources } from './catalogue';
import { i18n } from './i18n.svelte';
import { issueText } from './issues';

const TABLE: TemplateTable = { ...IMPORT_MESSAGES, ...SNAPSHOT_MESSAGES, ...STORAGE_MESSAGES, ...PLAN_MESSAGES };
const CODES = Object.keys(TABLE);

/** A catalogue leaf by its dotted code (plural forms folded: `key_one`/`key_other` → `key`). */
function leaf(messages: unknown, code: string): unknown {
	const parts = code.split('.');
	let node = messages as Record<string, unknown> | undefined;
	for (const part of parts.slice(0, -1)) node = node?.[part] as Record<string, unknown> | undefined;
	const last = parts[parts.length - 1];
	if (!node) return undefined;
	if (last in node) return node[last];
	if (`${last}_other` in node) return { one: node[`${last}_one`], other: node[`${last}_other`] };
	return undefined;
}

function textsOf(template: Template): string[] {
	return typeof template === 'string' ? [template] : [template.one, template.other];
}

/**
 * Sample values for a code: `<name>` for each plain value; for a value that picks a nested
 * message (`$t(issues:kind.{{kind}})`), the first key of that group, so the nesting resolves.
 */
function sampleParams(code: string, count: number): Record<string, MessageParam> {
	const params: Record<string, MessageParam> = {};
	const visit = (text: string) => {
		for (const [, group, name] of text.matchAll(/\$t\(issues:([\w.]+)\.\{\{(\w+)\}\}\)/g)) {
			const key = CODES.find((candidate) => candidate.startsWith(`${group}.`) && !candidate.slice(group.length + 1).includes('.'));
			params[name] = key!.slice(group.length + 1);
			visit(textsOf(TABLE[key!]).join(' '));
		}
		if (/\$t\(data:metric\.\{\{metric\}\}\.label\)/.test(text)) params.metric = 'views';
		for (const [, name] of text.matchAll(/\{\{(\w+)\}\}/g)) params[name] ??= `<${name}>`;
	};
	visit(textsOf(TABLE[code]).join(' '));
	return { ...params, count };
}

afterEach(() => i18n.set('en'));

describe('the issues catalogue', () => {
	it('holds exactly the core’s English tables, code for code', () => {
		for (const code of CODES) expect(leaf(resources.en.issues, code), code).toEqual(TABLE[code]);
		// and nothing else: every English leaf is one of the core's codes
		const leaves: string[] = [];
		const walk = (node: Record<string, unknown>, prefix: string) => {
			for (const [key, value] of Object.entries(node)) {
				const path = prefix ? `${prefix}.${key}` : key;
				if (typeof value === 'string') leaves.push(path.replace(/_(one|other)$/, ''));
				else walk(value as Record<string, unknown>, path);
			}
		};
		walk(resources.en.issues as Record<string, unknown>, '');
		expect(leaves.filter((code) => !(code in TABLE))).toEqual([]);
	});

	it('renders every code in English through i18next exactly as the core does', () => {
		i18n.set('en');
		for (const code of CODES)
			for (const count of [1, 7]) {
				const params = sampleParams(code, count);
				const message = renderEnglish(TABLE, code, params, englishOutside);
				expect(issueText({ message: 'unused fallback', code, params }), code).toBe(message);
			}
	});

	it('renders every code in Chinese with every value filled in and no English left of the template', () => {
		i18n.set('zh-CN');
		for (const code of CODES) {
			const params = sampleParams(code, 7);
			const text = issueText({ message: 'unused fallback', code, params });
			expect(text, code).not.toBe('unused fallback');
			expect(text, code).not.toMatch(/\{\{|\$t\(/);
			for (const [name, value] of Object.entries(params)) if (typeof value === 'string' && value.startsWith('<')) expect(text, `${code} ${name}`).toContain(value);
			// a template of values only (`{{entry}} {{reason}}`) has no words of its own to translate
			const words = textsOf(TABLE[code]).join(' ').replace(/\{\{\w+\}\}/g, '');
			if (/[A-Za-z]/.test(words)) expect(text, code).toMatch(/[\u4e00-\u9fff]/);
		}
	});

	it('words nested messages (a zip’s skipped entries) in the active language too', () => {
		const reasons = [
			fileMessage('file.skippedEntry', { entry: 'a.zip/Totals.csv', reason: fileMessage('entry.checksum') }),
			fileMessage('file.skippedEntry', { entry: 'a.zip/b.csv', reason: fileMessage('entry.empty') })
		];
		const issue = fileMessage('file.nothingImportable', { name: 'a.zip', reasons });
		expect(issue.message).toBe(
			'a.zip contains nothing Chorus can import: a.zip/Totals.csv is damaged inside the zip (checksum mismatch); download the zip again. a.zip/b.csv is empty (0 bytes). Download the export again.'
		);
		i18n.set('en');
		expect(issueText(issue)).toBe(issue.message);
		i18n.set('zh-CN');
		expect(issueText(issue)).toBe(
			'a.zip 中没有 Chorus 可导入的内容：a.zip/Totals.csv 在压缩包中已损坏（校验和不一致）；请重新下载压缩包。 a.zip/b.csv 是空文件（0 字节）。请重新下载导出文件。'
		);
	});

	it('words snapshot refusals and storage failures by code', () => {
		const checksum = snapshotMessages.checksum('team.chorus.json.gz');
		expect(checksum.code).toBe('snapshot.checksum');
		i18n.set('zh-CN');
		expect(issueText(checksum)).toBe(
			'“team.chorus.json.gz”在保存后被修改或损坏：其内容与 Chorus 存入的校验和不符。请使用未改动的副本，例如最初分享或下载的那一份。没有加载任何内容，你的工作区保持不变。'
		);
		const quota = toStorageError(Object.assign(new Error('full'), { name: 'QuotaExceededError' }), 'import');
		expect(quota).toMatchObject({ kind: 'quota', code: 'storage.quota', params: { action: 'import' } });
		expect(issueText(quota)).toBe('浏览器存储空间已满：本次导入的内容均未保存。请释放空间，或导出快照后清理旧数据。');
		i18n.set('en');
		expect(issueText(quota)).toBe(
			"Your browser's storage is full: nothing from this import was saved. Free space or export a snapshot and clear old data."
		);
		expect(issueText(storageMessage('storage.accountMissing', { count: 2, files: '“a.csv”, “b.csv”' }))).toBe(
			'Choose the account for “a.csv”, “b.csv” first: they do not say whose data they are. Nothing was saved.'
		);
	});

	it('falls back to the English message for a code no catalogue has', () => {
		i18n.set('zh-CN');
		expect(issueText({ message: 'Something new.', code: 'file.notYetTranslated' })).toBe('Something new.');
		expect(issueText({ message: 'No code.' })).toBe('No code.');
	});
});

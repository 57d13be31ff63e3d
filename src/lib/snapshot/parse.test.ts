import { gunzipSync, gzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalStringify } from './canonical-json';
import { MAX_SNAPSHOT_BYTES, parseSnapshot, readSnapshotHead, type ParseResult } from './parse';
import { serializeSnapshot } from './serialize';
import { sha256Hex } from '../domain/sha256';
import { inStorageOrder, smallWorkspace } from './test-workspaces';

const NAME = 'team.chorus.json.gz';
const UNCHANGED = 'Nothing was loaded and your workspace is unchanged.';

type Envelope = Record<string, unknown> & { content: Record<string, unknown[]>; summary: { counts: Record<string, number> } };

let good: Uint8Array;
beforeAll(async () => {
	good = await serializeSnapshot(smallWorkspace(), { appVersion: '0.1.0', exportedAt: new Date('2024-03-09T12:00:00.000Z') });
});

const encoder = new TextEncoder();
const envelopeOf = (bytes: Uint8Array): Envelope => JSON.parse(new TextDecoder().decode(gunzipSync(bytes)));

/** Writes an envelope the way Chorus lays a file out (head, then content last), gzip-compressed. */
function fileOf(envelope: Envelope): Uint8Array {
	const { content, ...head } = envelope;
	return gzipSync(encoder.encode(`${JSON.stringify(head).slice(0, -1)},"content":${canonicalStringify(content)}}`), { mtime: 0 });
}

/** The good file, changed by `edit`; with `reseal` the checksum is recomputed so only the edit is wrong. */
async function edited(edit: (envelope: Envelope) => void, reseal = false): Promise<Uint8Array> {
	const envelope = envelopeOf(good);
	edit(envelope);
	if (reseal) envelope.contentSha256 = await sha256Hex(canonicalStringify(envelope.content));
	return fileOf(envelope);
}

function failure(result: ParseResult): { kind: string; message: string } {
	if (result.ok) throw new Error('expected the file to be refused');
	return { kind: result.kind, message: result.message };
}

describe('parseSnapshot: a good file', () => {
	it('opens a Chorus file into the workspace it was saved from', async () => {
		const result = await parseSnapshot(good, { fileName: NAME });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.snapshot.tables).toEqual(inStorageOrder(smallWorkspace()));
		expect(result.snapshot.head).toMatchObject({ format: 'chorus-snapshot', formatVersion: 1, app: { name: 'Chorus', version: '0.1.0' } });
		expect(result.snapshot.sourceFormatVersion).toBe(1);
		expect(result.snapshot.summary).toEqual(result.snapshot.head.summary);
		expect(result.snapshot.warnings).toEqual([]);
	});

	it('opens the same file unpacked (what `gunzip` gives), with or without a BOM', async () => {
		const plain = gunzipSync(good);
		const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
		for (const bytes of [plain, withBom]) {
			const result = await parseSnapshot(bytes, { fileName: 'team.chorus.json' });
			expect(result.ok && result.snapshot.tables.accounts.length).toBe(2);
		}
	});

	it('opens a file re-indented by another program (the checksum is over canonical JSON, not the layout)', async () => {
		const pretty = encoder.encode(JSON.stringify(envelopeOf(good), null, 2));
		const result = await parseSnapshot(gzipSync(pretty), { fileName: NAME });
		expect(result.ok && result.snapshot.tables.posts[1].posts.length).toBe(2);
	});

	it('reports progress: inflating, validating, decoding', async () => {
		const phases: string[] = [];
		await parseSnapshot(good, { fileName: NAME, onProgress: (phase) => phases.at(-1) !== phase && phases.push(phase) });
		expect(phases).toEqual(['inflating', 'validating', 'decoding']);
	});

	it('opens a file whose summary was edited, says so, and shows the summary of the content', async () => {
		const bytes = await edited((envelope) => {
			envelope.summary.counts.accounts = 99;
		});
		const result = await parseSnapshot(bytes, { fileName: NAME });
		expect(result.ok && result.snapshot.summary.counts.accounts).toBe(2);
		expect(result.ok && result.snapshot.warnings).toEqual([
			'The summary stored in "team.chorus.json.gz" does not describe its content; the summary was edited after the file was saved. The content itself is intact (its checksum matches), and the numbers Chorus shows come from it.'
		]);
	});
});

describe('parseSnapshot: refused files, each with its message, nothing loaded', () => {
	it('a changed value without a matching checksum', async () => {
		const bytes = await edited((envelope) => {
			(envelope.content.accounts[0] as { owner: string }).owner = 'Mallory';
		});
		expect(failure(await parseSnapshot(bytes, { fileName: NAME }))).toEqual({
			kind: 'checksum',
			message: `"team.chorus.json.gz" was changed or damaged after it was saved: its content does not match the checksum Chorus stored in it. Use an untouched copy, for example the one originally shared or downloaded. ${UNCHANGED}`
		});
	});

	it('a newer format version than this Chorus knows', async () => {
		const bytes = await edited((envelope) => {
			envelope.formatVersion = 2;
			envelope.app = { name: 'Chorus', version: '3.0.0' };
		});
		expect(failure(await parseSnapshot(bytes, { fileName: NAME }))).toEqual({
			kind: 'newer-version',
			message: `"team.chorus.json.gz" was made by a newer Chorus (version 3.0.0, snapshot format 2); this Chorus reads snapshot formats up to 1. Update Chorus to open it. ${UNCHANGED}`
		});
	});

	it('a __proto__ key, even with a valid checksum', async () => {
		const text = new TextDecoder().decode(gunzipSync(good)).replace('"admins":[]', '"admins":[],"__proto__":{"isAdmin":true}');
		const result = await parseSnapshot(gzipSync(encoder.encode(text)), { fileName: NAME });
		expect(failure(result)).toEqual({
			kind: 'unsafe',
			message: `"team.chorus.json.gz" contains the key "__proto__" (at content.accounts[0].__proto__), which Chorus never writes and refuses because it can be used to tamper with the app. Do not use this file; ask the sender for the snapshot as Chorus saved it. ${UNCHANGED}`
		});
		expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
	});

	it.each([
		['constructor', '"constructor":{"prototype":{"x":1}}', 'content.accounts[0].constructor'],
		['prototype', '"prototype":1', 'content.accounts[0].prototype']
	])('a %s key', async (key, member, path) => {
		const text = new TextDecoder().decode(gunzipSync(good)).replace('"admins":[]', `"admins":[],${member}`);
		const result = failure(await parseSnapshot(gzipSync(encoder.encode(text)), { fileName: NAME }));
		expect(result.kind).toBe('unsafe');
		expect(result.message).toContain(`contains the key "${key}" (at ${path})`);
	});

	it('nesting deeper than any snapshot, even with a valid checksum and a layout needing re-serialisation', async () => {
		const deep = `${'['.repeat(50_000)}1${']'.repeat(50_000)}`;
		const text = new TextDecoder()
			.decode(gunzipSync(good))
			.replace('"key":"accountResolutions","value":', `"key":"deep","value":${deep},"other":`);
		expect(failure(await parseSnapshot(encoder.encode(` ${text}`), { fileName: NAME }))).toEqual({
			kind: 'unsafe',
			message: `"team.chorus.json.gz" is nested far deeper than any Chorus snapshot (at content.meta[0].value${'[0]'.repeat(60)}); it was not saved by Chorus. Do not use this file; ask the sender for the snapshot as Chorus saved it. ${UNCHANGED}`
		});
	});

	it('wrong types (with a checksum recomputed to match)', async () => {
		const bytes = await edited((envelope) => {
			(envelope.content.accounts[1] as { owner: unknown }).owner = 42;
			(envelope.content.seriesLayers[0] as { values: unknown[] }).values[1] = 'many';
		}, true);
		expect(failure(await parseSnapshot(bytes, { fileName: NAME }))).toEqual({
			kind: 'invalid',
			message: `"team.chorus.json.gz" does not have the shape of a Chorus snapshot (content.accounts[1].owner: Invalid input: expected string, received number; content.seriesLayers[0].values[1]: Invalid input: expected number, received string). It was edited or written by another program; use a copy Chorus saved. ${UNCHANGED}`
		});
	});

	it.each([
		[
			'an unknown table',
			(envelope: Envelope) => {
				envelope.content.widgets = [];
			},
			'content: Unrecognized key: "widgets"'
		],
		[
			'an unknown field in a nested object',
			(envelope: Envelope) => {
				(envelope.content.imports[2] as { accountOverride: Record<string, unknown> }).accountOverride.colour = 'red';
			},
			'content.imports[2].accountOverride: Unrecognized key: "colour"'
		],
		[
			'post columns of different lengths',
			(envelope: Envelope) => {
				(envelope.content.postLayers[0] as { posts: { text: string[] } }).posts.text.pop();
			},
			'content.postLayers[0].posts: Every post column has one entry per post.'
		],
		[
			'device bookkeeping in the content',
			(envelope: Envelope) => {
				envelope.content.meta.push({ key: 'changesSinceSnapshot', value: 3 });
			},
			'content.meta[1].key: Device bookkeeping is not part of a snapshot.'
		],
		[
			'two accounts with the same id',
			(envelope: Envelope) => {
				envelope.content.accounts.push(envelope.content.accounts[0]);
			},
			'two records in accounts share the id "linkedin:acme gmbh"'
		],
		[
			'a layer from an import the file does not contain',
			(envelope: Envelope) => {
				envelope.content.imports.pop();
			},
			'seriesLayers holds data from import #3, which the file does not contain'
		]
	])('%s (checksum recomputed)', async (_name, edit, details) => {
		const result = failure(await parseSnapshot(await edited(edit, true), { fileName: NAME }));
		expect(result).toEqual({
			kind: 'invalid',
			message: `"team.chorus.json.gz" does not have the shape of a Chorus snapshot (${details}). It was edited or written by another program; use a copy Chorus saved. ${UNCHANGED}`
		});
	});

	it('a truncated gzip file', async () => {
		const result = failure(await parseSnapshot(good.subarray(0, good.length - 100), { fileName: NAME }));
		expect(result.kind).toBe('damaged');
		expect(result.message).toMatch(
			/^"team\.chorus\.json\.gz" is damaged: its compressed data is cut off or corrupt \(.+\)\. The download or copy was probably interrupted; get the file again from where it was shared\. Nothing was loaded and your workspace is unchanged\.$/
		);
	});

	it('a file that is neither gzip nor JSON', async () => {
		const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
		expect(failure(await parseSnapshot(png, { fileName: 'chart.png' }))).toEqual({
			kind: 'not-snapshot',
			message: `"chart.png" is not a Chorus snapshot: it is neither gzip-compressed nor JSON. Open a .chorus.json.gz file saved with "Save snapshot"; to import platform exports, use Import instead. ${UNCHANGED}`
		});
	});

	it('gzip that does not hold JSON', async () => {
		const result = failure(await parseSnapshot(gzipSync(encoder.encode('Date,Views\n2024-01-01,5\n')), { fileName: 'views.csv.gz' }));
		expect(result.kind).toBe('damaged');
		expect(result.message).toMatch(/^"views\.csv\.gz" is not readable JSON \(.+\)\. If it was edited by hand or cut off, get an untouched copy\. Nothing was loaded/);
	});

	it('JSON cut off in the middle', async () => {
		const text = new TextDecoder().decode(gunzipSync(good));
		const result = failure(await parseSnapshot(encoder.encode(text.slice(0, text.length / 2)), { fileName: 'team.chorus.json' }));
		expect(result.kind).toBe('damaged');
		expect(result.message).toContain('"team.chorus.json" is not readable JSON (');
	});

	it('JSON with non-ASCII text that is damaged: the engine’s message about the file itself, not its escaped form', async () => {
		const text = '{"format":"chorus-snapshot","title":"粉丝互动 😀","n":[1,2,,3]}';
		let engine = '';
		try {
			JSON.parse(text);
		} catch (error) {
			engine = (error as Error).message;
		}
		const result = failure(await parseSnapshot(gzipSync(encoder.encode(text)), { fileName: NAME }));
		expect(result.kind).toBe('damaged');
		expect(result.message).toContain(`"team.chorus.json.gz" is not readable JSON (${engine}).`);
	});

	it('text that is not UTF-8', async () => {
		const result = failure(await parseSnapshot(gzipSync(new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])), { fileName: NAME }));
		expect(result).toEqual({
			kind: 'damaged',
			message: `"team.chorus.json.gz" is damaged: its text is not valid UTF-8. Get the file again from where it was shared. ${UNCHANGED}`
		});
	});

	it.each([
		['another app’s JSON', '{"type":"excalidraw","version":2}', 'not stated'],
		['a different format id', '{"format":"chorus-backup","formatVersion":1}', '"chorus-backup"']
	])('%s', async (_name, json, stated) => {
		expect(failure(await parseSnapshot(encoder.encode(json), { fileName: 'drawing.json' }))).toEqual({
			kind: 'not-snapshot',
			message: `"drawing.json" is not a Chorus snapshot (its format is ${stated}, not "chorus-snapshot"). Open a .chorus.json.gz file saved with "Save snapshot". ${UNCHANGED}`
		});
	});

	it.each([
		['gzip-compressed', gzipSync(encoder.encode('[1,2,3]'))],
		['plain', encoder.encode('  [{"a":1}]')]
	])('a JSON array (%s)', async (_name, bytes) => {
		expect(failure(await parseSnapshot(bytes, { fileName: 'list.json' }))).toEqual({
			kind: 'not-snapshot',
			message: `"list.json" is JSON but not a Chorus snapshot (it is not an object with a "format" field). Open a .chorus.json.gz file saved with "Save snapshot". ${UNCHANGED}`
		});
	});

	it.each([['"1"'], ['0'], ['1.5'], ['null']])('a format version of %s', async (version) => {
		const bytes = await edited((envelope) => {
			envelope.formatVersion = JSON.parse(version);
		});
		expect(failure(await parseSnapshot(bytes, { fileName: NAME }))).toEqual({
			kind: 'invalid',
			message: `"team.chorus.json.gz" has no valid format version (found ${version}). It was not saved by Chorus or was edited; get an untouched copy. ${UNCHANGED}`
		});
	});

	it('a file without content', async () => {
		const bytes = gzipSync(encoder.encode('{"format":"chorus-snapshot","formatVersion":1,"contentSha256":"00"}'));
		expect(failure(await parseSnapshot(bytes, { fileName: NAME })).message).toBe(
			`"team.chorus.json.gz" does not have the shape of a Chorus snapshot (it has no "content" object or no "contentSha256" checksum). It was edited or written by another program; use a copy Chorus saved. ${UNCHANGED}`
		);
	});

	it('a file over the size limit, before reading any of it', async () => {
		expect(failure(await parseSnapshot(new Uint8Array(MAX_SNAPSHOT_BYTES + 1), { fileName: 'huge.chorus.json.gz' }))).toEqual({
			kind: 'too-large',
			message: `"huge.chorus.json.gz" is 100 MB, more than the 100 MB a Chorus snapshot can be. Check that it is the snapshot you meant to open. ${UNCHANGED}`
		});
		expect(failure(await parseSnapshot(new Uint8Array(5 * 1024), { fileName: NAME, maxBytes: 2048 })).message).toBe(
			`"team.chorus.json.gz" is 5 KB, more than the 2 KB a Chorus snapshot can be. Check that it is the snapshot you meant to open. ${UNCHANGED}`
		);
	});

	it('a small file that unpacks to more than the limit (a gzip bomb)', async () => {
		const bomb = gzipSync(new Uint8Array(48 * 1024 * 1024).fill(0x20), { level: 9 });
		expect(failure(await parseSnapshot(bomb, { fileName: 'bomb.chorus.json.gz', maxInflated: 16 * 1024 * 1024 }))).toEqual({
			kind: 'too-large',
			message: `"bomb.chorus.json.gz" unpacks to more than 16 MB, more than any Chorus workspace holds; it is not a snapshot Chorus saved. ${UNCHANGED}`
		});
	});
});

describe('parseSnapshot: older formats go through the migration chain', () => {
	/** A stand-in "format 1" without `purpose` on accounts, upgraded by a step that adds it. */
	async function olderFile(): Promise<Uint8Array> {
		return edited((envelope) => {
			for (const account of envelope.content.accounts as Record<string, unknown>[]) delete account.purpose;
		}, true);
	}
	const addPurpose = (envelope: Record<string, unknown> & { formatVersion: number }) => {
		const content = envelope.content as { accounts: Record<string, unknown>[] };
		return { ...envelope, formatVersion: 2, content: { ...content, accounts: content.accounts.map((account) => ({ ...account, purpose: '' })) } };
	};

	it('upgrades step by step, checking the checksum of the file as written', async () => {
		const result = await parseSnapshot(await olderFile(), { fileName: NAME, currentVersion: 2, migrations: { 1: addPurpose } });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.snapshot.sourceFormatVersion).toBe(1);
		expect(result.snapshot.head.formatVersion).toBe(2);
		expect(result.snapshot.tables.accounts.map((account) => account.purpose)).toEqual(['', '']);
		expect(result.snapshot.warnings).toEqual([]);
	});

	it('answers with a message, never an exception, when something unforeseen fails', async () => {
		const failing = () => {
			throw new TypeError('step failed');
		};
		expect(failure(await parseSnapshot(await olderFile(), { fileName: NAME, currentVersion: 2, migrations: { 1: failing } }))).toEqual({
			kind: 'invalid',
			message: `"team.chorus.json.gz" does not have the shape of a Chorus snapshot (it could not be read: TypeError: step failed). It was edited or written by another program; use a copy Chorus saved. ${UNCHANGED}`
		});
	});

	it('says so when a step is missing', async () => {
		expect(failure(await parseSnapshot(await olderFile(), { fileName: NAME, currentVersion: 3, migrations: { 1: addPurpose } }))).toEqual({
			kind: 'unsupported-version',
			message: `"team.chorus.json.gz" uses snapshot format 1, which this Chorus cannot upgrade. Open it with the Chorus version that saved it and save it again, or report this. ${UNCHANGED}`
		});
	});
});

describe('readSnapshotHead', () => {
	it('reads the summary from the start of the file, even when the rest is cut off', async () => {
		const result = readSnapshotHead(good.subarray(0, Math.floor(good.length * 0.6)), NAME);
		expect(result.ok && result.head.summary.counts).toMatchObject({ accounts: 2, imports: 3, posts: 3, decisions: 1, annotations: 1 });
		expect(result.ok && result.head.exportedAt).toBe('2024-03-09T12:00:00.000Z');
	});

	it('refuses what is not a snapshot, and says when the head is not where Chorus puts it', () => {
		expect(readSnapshotHead(new Uint8Array([1, 2, 3]), 'x.bin')).toMatchObject({ ok: false, kind: 'not-snapshot' });
		const pretty = gzipSync(encoder.encode(JSON.stringify(envelopeOf(good), null, 1)));
		expect(readSnapshotHead(pretty, NAME)).toMatchObject({
			ok: false,
			kind: 'invalid',
			message:
				'The summary of "team.chorus.json.gz" cannot be read on its own (an older format, or the file was re-saved by another program). Open the file to see what it holds.'
		});
	});
});

/**
 * The committed snapshot fixtures in tests/fixtures/snapshots/: one file per released format
 * version, which must open forever, and small bad files (also used by end-to-end tests).
 *
 * A released fixture is never regenerated. When the format version goes up, create the new
 * version's fixture (and any missing bad file) from the current code with
 *   UPDATE_SNAPSHOT_FIXTURES=1 npx vitest run --project server src/lib/snapshot/fixtures.test.ts
 * which writes only files that do not exist yet.
 */
import { gunzipSync, gzipSync } from 'fflate';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dayFromYMD } from '../domain/days';
import { SNAPSHOT_FORMAT_VERSION } from '../schemas/snapshot';
import { canonicalStringify } from './canonical-json';
import { parseSnapshot } from './parse';
import { serializeSnapshot } from './serialize';
import { sha256Hex } from '../domain/sha256';
import { smallWorkspace } from './test-workspaces';

const DIRECTORY = fileURLToPath(new URL('../../../tests/fixtures/snapshots/', import.meta.url));
const path = (name: string) => `${DIRECTORY}${name}`;
const CURRENT_FIXTURE = `v${SNAPSHOT_FORMAT_VERSION}-small.chorus.json.gz`;
const APP_VERSION: string = JSON.parse(readFileSync(fileURLToPath(new URL('../../../package.json', import.meta.url)), 'utf8')).version;

const encoder = new TextEncoder();

type Envelope = Record<string, unknown> & { content: { accounts: Record<string, unknown>[] } };

function rewrite(bytes: Uint8Array, edit: (envelope: Envelope) => void): Envelope {
	const envelope = JSON.parse(new TextDecoder().decode(gunzipSync(bytes)));
	edit(envelope);
	return envelope;
}

function layout(envelope: Envelope): Uint8Array {
	const { content, ...head } = envelope;
	return gzipSync(encoder.encode(`${JSON.stringify(head).slice(0, -1)},"content":${canonicalStringify(content)}}`), { mtime: 0 });
}

/** The bad files, each made from the good one so that exactly one thing is wrong. */
const BAD_FILES: Record<string, (good: Uint8Array) => Promise<Uint8Array>> = {
	'bad-checksum.chorus.json.gz': async (good) =>
		layout(
			rewrite(good, (envelope) => {
				envelope.content.accounts[1].owner = 'Mallory';
			})
		),
	'bad-future-version.chorus.json.gz': async (good) =>
		layout(
			rewrite(good, (envelope) => {
				envelope.formatVersion = 99;
				envelope.app = { name: 'Chorus', version: '42.0.0' };
			})
		),
	'bad-proto-key.chorus.json.gz': async (good) => {
		const text = new TextDecoder().decode(gunzipSync(good)).replace('"admins":[]', '"admins":[],"__proto__":{"isAdmin":true}');
		return gzipSync(encoder.encode(text), { mtime: 0 });
	},
	'bad-wrong-types.chorus.json.gz': async (good) => {
		const envelope = rewrite(good, (target) => {
			target.content.accounts[1].segments = 'SMB';
		});
		envelope.contentSha256 = await sha256Hex(canonicalStringify(envelope.content));
		return layout(envelope);
	},
	'bad-truncated.chorus.json.gz': async (good) => good.subarray(0, Math.floor(good.length * 0.7)),
	'bad-not-json.chorus.json.gz': async () => gzipSync(encoder.encode('Date,Impressions\n2024-03-01,5200\n'), { mtime: 0 }),
	'bad-not-gzip.chorus.json.gz': async () => encoder.encode('PK\u0003\u0004 this is a zip archive, not a snapshot')
};

if (process.env.UPDATE_SNAPSHOT_FIXTURES === '1') {
	if (!existsSync(path(CURRENT_FIXTURE))) {
		const bytes = await serializeSnapshot(smallWorkspace(), {
			appVersion: APP_VERSION,
			exportedAt: new Date('2024-03-09T12:00:00.000Z'),
			title: 'Small workspace (fixture)',
			author: 'Chorus tests'
		});
		writeFileSync(path(CURRENT_FIXTURE), bytes);
	}
	const good = new Uint8Array(readFileSync(path(CURRENT_FIXTURE)));
	for (const [name, make] of Object.entries(BAD_FILES)) {
		if (!existsSync(path(name))) writeFileSync(path(name), await make(good));
	}
}

const read = (name: string) => new Uint8Array(readFileSync(path(name)));

describe('released snapshot fixtures', () => {
	it('include one file for every format version released so far', () => {
		const versions = readdirSync(DIRECTORY)
			.map((name) => /^v(\d+)-small\.chorus\.json\.gz$/.exec(name)?.[1])
			.filter((version) => version !== undefined)
			.map(Number)
			.sort((a, b) => a - b);
		expect(versions).toEqual(Array.from({ length: SNAPSHOT_FORMAT_VERSION }, (_, index) => index + 1));
	});

	it('v1-small still opens, with the data it was saved with', async () => {
		const result = await parseSnapshot(read('v1-small.chorus.json.gz'), { fileName: 'v1-small.chorus.json.gz' });
		if (!result.ok) throw new Error(result.message);
		const { tables, head, sourceFormatVersion, warnings } = result.snapshot;
		expect(sourceFormatVersion).toBe(1);
		expect(warnings).toEqual([]);
		expect(head).toMatchObject({ title: 'Small workspace (fixture)', author: 'Chorus tests', exportedAt: '2024-03-09T12:00:00.000Z' });
		expect(tables.accounts.map((account) => [account.id, account.owner])).toEqual([
			['linkedin:acme gmbh', ''],
			['x:acme', 'Dana']
		]);
		expect(tables.imports.map((record) => record.fileName)).toEqual([
			'account_analytics_content_2024-03-01_2024-03-03.csv',
			'account_analytics_content_2024-03-02_2024-03-05.csv',
			'acme-gmbh_followers.xls'
		]);
		// two overlapping exports: per day the newer one wins; the older one fills the day it alone has
		const start = dayFromYMD(2024, 3, 1)!;
		const slot = start - dayFromYMD(2024, 1, 1)!;
		const seriesOf = (id: string) => tables.series.find((record) => record.id === id)!;
		const followers = seriesOf('x:acme|followers|2024');
		expect([...followers.values.subarray(slot, slot + 5)]).toEqual([1000, 1005, 1010, 1012, 1019]);
		expect([...followers.sources.subarray(slot, slot + 5)]).toEqual([1, 2, 2, 2, 2]);
		const impressions = seriesOf('x:acme|impressions|2024');
		expect([...impressions.values.subarray(slot, slot + 4)]).toEqual([5200, 6100, 4800, 3900]);
		expect(Number.isNaN(impressions.values[slot + 4])).toBe(true);
		expect(tables.posts.map((record) => record.posts.map((post) => [post.postId, post.sourceImportId, post.metrics]))).toEqual([
			[['urn:li:activity:7170000000000000001', 3, { impressions: 310, clicks: 9 }]],
			[
				['1764758305112345678', 2, { impressions: 1450, likes: 41 }],
				['1765120693998765432', 1, { impressions: 800, likes: 12, shares: 3 }]
			]
		]);
		expect(tables.breakdowns[0].entries).toEqual([
			{ key: 'DE', value: 0.62 },
			{ key: 'AT', value: 0.21 },
			{ key: 'CH', value: 0.17 }
		]);
		expect(tables.decisions).toEqual([expect.objectContaining({ accountId: 'linkedin:acme gmbh', column: 'merge', mergeTargetId: 'x:acme' })]);
		expect(tables.decisionHistory).toHaveLength(1);
		expect(tables.annotations.map((annotation) => annotation.label)).toEqual(['Spring launch']);
	});
});

describe('bad snapshot fixtures', () => {
	it.each([
		['bad-checksum.chorus.json.gz', 'checksum', 'was changed or damaged after it was saved'],
		['bad-future-version.chorus.json.gz', 'newer-version', 'was made by a newer Chorus (version 42.0.0, snapshot format 99)'],
		['bad-proto-key.chorus.json.gz', 'unsafe', 'contains the key "__proto__" (at content.accounts[0].__proto__)'],
		['bad-wrong-types.chorus.json.gz', 'invalid', '(content.accounts[1].segments: Invalid input: expected array, received string)'],
		['bad-truncated.chorus.json.gz', 'damaged', 'is damaged: its compressed data is cut off or corrupt'],
		['bad-not-json.chorus.json.gz', 'damaged', 'is not readable JSON'],
		['bad-not-gzip.chorus.json.gz', 'not-snapshot', 'is not a Chorus snapshot: it is neither gzip-compressed nor JSON']
	])('%s is refused: %s', async (name, kind, excerpt) => {
		const result = await parseSnapshot(read(name), { fileName: name });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.kind).toBe(kind);
		expect(result.message).toContain(`"${name}" `);
		expect(result.message).toContain(excerpt);
		expect(result.message).toContain('Nothing was loaded and your workspace is unchanged.');
	});
});

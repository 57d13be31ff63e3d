/**
 * Property tests for opening snapshot files: arbitrary bytes never throw and always say which file
 * is meant; a saved snapshot with any bytes damaged either opens to exactly the workspace that was
 * saved or is refused. It never opens to something else.
 */
import fc from 'fast-check';
import { gunzipSync, gzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSnapshot } from './parse';
import { serializeSnapshot } from './serialize';
import { smallWorkspace } from './test-workspaces';

let good: Uint8Array;
let goodText: string;

beforeAll(async () => {
	good = await serializeSnapshot(smallWorkspace(), { appVersion: '0.1.0', exportedAt: new Date('2024-03-09T12:00:00.000Z') });
	goodText = new TextDecoder().decode(gunzipSync(good));
});

const NAME = 'team.chorus.json.gz';

async function expectedTables() {
	const opened = await parseSnapshot(good, { fileName: NAME });
	if (!opened.ok) throw new Error(opened.message);
	return opened.snapshot.tables;
}

describe('parseSnapshot', () => {
	it('answers any bytes with a result, and a refusal names the file', async () => {
		await fc.assert(
			fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 512 }), fc.string().map((text) => new TextEncoder().encode(text))), async (bytes) => {
				const result = await parseSnapshot(bytes, { fileName: NAME });
				expect(result.ok).toBe(false);
				if (!result.ok) expect(result.message).toContain(`"${NAME}"`);
			}),
			{ numRuns: 500 }
		);
	});

	it('opens a damaged compressed file to the saved workspace or refuses it, never to something else', async () => {
		const tables = await expectedTables();
		await fc.assert(
			fc.asyncProperty(fc.integer({ min: 0, max: good.length - 1 }), fc.integer({ min: 1, max: 255 }), async (at, mask) => {
				const damaged = good.slice();
				damaged[at] ^= mask;
				const result = await parseSnapshot(damaged, { fileName: NAME });
				if (result.ok) expect(result.snapshot.tables).toEqual(tables);
				else expect(result.message).toContain(`"${NAME}"`);
			}),
			{ numRuns: 200 }
		);
	});

	it('refuses the JSON text with any one character of its content changed', async () => {
		const contentStart = goodText.indexOf(',"content":') + ',"content":'.length;
		const tables = await expectedTables();
		await fc.assert(
			fc.asyncProperty(fc.integer({ min: contentStart, max: goodText.length - 2 }), fc.constantFrom('0', '9', 'x', '"', ' ', '}', '-'), async (at, replacement) => {
				fc.pre(goodText[at] !== replacement);
				const edited = goodText.slice(0, at) + replacement + goodText.slice(at + 1);
				const result = await parseSnapshot(gzipSync(new TextEncoder().encode(edited)), { fileName: NAME });
				// whitespace between tokens changes no content: then the file still opens, unchanged
				if (result.ok) expect(result.snapshot.tables).toEqual(tables);
				else expect(['checksum', 'damaged', 'invalid', 'unsafe', 'not-snapshot']).toContain(result.kind);
			}),
			{ numRuns: 200 }
		);
	});
});

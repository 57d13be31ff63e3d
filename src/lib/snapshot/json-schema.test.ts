/**
 * docs/snapshot.schema.json is generated from the Zod schema, never edited by hand. This test fails
 * when it is out of date; regenerate it with
 *   UPDATE_SNAPSHOT_SCHEMA=1 npx vitest run --project server src/lib/snapshot
 * A change here changes the file format: bump SNAPSHOT_FORMAT_VERSION and add a migration.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SNAPSHOT_FORMAT_VERSION, snapshotJsonSchema } from '../schemas/snapshot';

const SCHEMA_PATH = fileURLToPath(new URL('../../../docs/snapshot.schema.json', import.meta.url));

function generated(): string {
	return `${JSON.stringify(snapshotJsonSchema(), null, '\t')}\n`;
}

if (process.env.UPDATE_SNAPSHOT_SCHEMA === '1') writeFileSync(SCHEMA_PATH, generated());

describe('docs/snapshot.schema.json', () => {
	it('is exactly what the Zod schema generates', () => {
		expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(generated());
	});

	it('describes the current format: strict envelope, head before content, every table', () => {
		const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
		expect(schema.title).toBe(`Chorus snapshot, format version ${SNAPSHOT_FORMAT_VERSION}`);
		expect(schema.additionalProperties).toBe(false);
		expect(Object.keys(schema.properties)).toEqual(['format', 'formatVersion', 'app', 'exportedAt', 'title', 'author', 'summary', 'contentSha256', 'content']);
		expect(schema.properties.formatVersion.const).toBe(SNAPSHOT_FORMAT_VERSION);
		expect(Object.keys(schema.properties.content.properties)).toEqual([
			'accounts',
			'imports',
			'seriesLayers',
			'postLayers',
			'breakdowns',
			'decisions',
			'decisionHistory',
			'annotations',
			'northStars',
			'mappingPresets',
			'calendarItems',
			'tagRules',
			'postTags',
			'meta'
		]);
		expect(schema.properties.content.properties.accounts.items.additionalProperties).toBe(false);
		expect(schema.properties.content.properties.tagRules.items.additionalProperties).toEqual({});
	});
});

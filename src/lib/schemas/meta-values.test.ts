import { describe, expect, it } from 'vitest';
import { metaValueSchemas, type MetaKey } from './db-records';
import { META_DEFAULTS, readMetaValue } from './meta-values';
import { ACCOUNT_LIST_FIELDS, BOARD_COLUMNS, YEAR_SLOTS } from './record-constants';
import * as records from './db-records';

// values a meta record could hold after a bug, an old version or a hand edit, next to good ones
const SAMPLES: Record<MetaKey, unknown[]> = {
	lastSnapshotExportAt: [null, '2026-11-26T10:00:00.000Z', '', undefined, 0, {}, ['x'], 'x'],
	changesSinceSnapshot: [0, 1, 42, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, '3', null, undefined],
	accountResolutions: [
		{},
		{ 'meta|': { platform: 'instagram', handle: 'acme' } },
		{ a: { platform: 'x', handle: 'acme', displayName: 'Acme', externalId: '1', extra: true } },
		{ a: { platform: 'x' } },
		{ a: { platform: 'x', handle: undefined } },
		{ a: { platform: 'myspace', handle: 'acme' } },
		{ a: { platform: 'x', handle: 3 } },
		{ a: null },
		{ a: 'x' },
		[],
		null,
		'x'
	]
};

describe('meta values without Zod', () => {
	for (const key of Object.keys(SAMPLES) as MetaKey[]) {
		it(`${key}: the same verdict and value as its Zod schema`, () => {
			for (const sample of SAMPLES[key]) {
				const zod = metaValueSchemas[key].safeParse(sample);
				const read = readMetaValue(key, sample);
				expect(read === undefined, JSON.stringify(sample) ?? String(sample)).toBe(!zod.success);
				if (zod.success) expect(read).toStrictEqual(zod.data);
			}
		});
		it(`${key}: its default is a value the schema accepts`, () => {
			expect(metaValueSchemas[key].safeParse(META_DEFAULTS[key]).success).toBe(true);
		});
	}
});

describe('record constants', () => {
	it('are the values db-records defines its schemas with', () => {
		expect(records.YEAR_SLOTS).toBe(YEAR_SLOTS);
		expect(records.ACCOUNT_LIST_FIELDS).toBe(ACCOUNT_LIST_FIELDS);
		expect(records.boardColumnSchema.options).toEqual([...BOARD_COLUMNS]);
		expect(records.META_DEFAULTS).toBe(META_DEFAULTS);
	});
});

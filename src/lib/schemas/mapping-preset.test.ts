import { describe, expect, it } from 'vitest';
import { mappingPresetSchema, type MappingPreset } from './mapping-preset';

describe('mappingPresetSchema', () => {
	const valid: MappingPreset = {
		id: 'p1',
		name: 'Blog stats',
		signature: 's',
		platform: 'blog',
		headerRow: 0,
		dateColumn: 'Day',
		dateFormat: 'auto',
		columns: [{ header: 'Sessions', metric: 'page_views' }],
		createdAt: '2026-06-30T10:00:00.000Z'
	};
	const messages = (input: unknown) => {
		const result = mappingPresetSchema.safeParse(input);
		return result.success ? [] : result.error.issues.map((issue) => issue.message);
	};

	it('accepts a valid preset and strips @ from a fixed handle', () => {
		expect(mappingPresetSchema.parse(valid)).toEqual(valid);
		const parsed = mappingPresetSchema.parse({ ...valid, fixedAccount: { platform: 'blog', handle: '@acme' } });
		expect(parsed.fixedAccount).toEqual({ platform: 'blog', handle: 'acme' });
	});

	it.each([
		[
			'two columns on one metric',
			{ columns: [{ header: 'Sessions', metric: 'page_views' }, { header: 'Visits', metric: 'page_views' }] },
			'Both “Sessions” and “Visits” are mapped to Page views; keep one, or the two would overwrite each other day by day.'
		],
		['the date column as a metric', { columns: [{ header: 'day', metric: 'views' }] }, '“day” is the date column and cannot also be a metric.'],
		[
			'a conversion that cannot be done',
			{ columns: [{ header: 'Sessions', metric: 'followers', semantics: 'flow' }] },
			'Followers is a level metric; a “flow” column cannot be converted to it (only a running total can become daily amounts).'
		],
		[
			'both an account column and a fixed account',
			{ accountColumn: 'Page', fixedAccount: { platform: 'blog', handle: 'acme' } },
			'Choose either an account column or one account for the whole file, not both.'
		],
		['no columns', { columns: [] }, 'Map at least one column to a metric.'],
		['a made-up metric', { columns: [{ header: 'Sessions', metric: 'sessions' }] }, undefined],
		['a negative header row', { headerRow: -1 }, undefined],
		['a creation time that is not ISO', { createdAt: 'yesterday' }, undefined],
		['an unknown platform', { platform: 'myspace' }, undefined],
		[
			'the same column mapped twice',
			{ columns: [{ header: 'Sessions', metric: 'page_views' }, { header: 'sessions', metric: 'views' }] },
			'The column “sessions” is mapped twice.'
		]
	])('rejects %s', (_label, change, message) => {
		const found = messages({ ...valid, ...change });
		expect(found.length).toBeGreaterThan(0);
		if (message) expect(found).toContain(message);
	});
});

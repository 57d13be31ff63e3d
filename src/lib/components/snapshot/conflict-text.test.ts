import { describe, expect, it } from 'vitest';
import { resources, type Messages } from '$lib/i18n/catalogue';
import { i18n } from '$lib/i18n/i18n.svelte';
import { LOCALES } from '$lib/i18n/locales';
import { BOARD_COLUMNS } from '$lib/schemas/db-records';
import { EDITED_TABLES, INVENTORY_FIELDS, type MergeConflict } from '$lib/snapshot/merge';
import { SNAPSHOT_PHASES, phaseLabel } from '$lib/state/snapshots.svelte';
import { conflictText } from './conflict-text';

function messageAt(locale: string, path: string): string | undefined {
	let node: Messages | string | undefined = resources[locale as keyof typeof resources].snapshot;
	for (const part of path.split('.')) node = typeof node === 'object' ? node[part] : undefined;
	return typeof node === 'string' ? node : undefined;
}

describe('snapshot: words for codes', () => {
	it('every board column, account field, edited table and worker phase has a message in each language', () => {
		for (const locale of LOCALES) {
			for (const column of BOARD_COLUMNS) expect(messageAt(locale, `conflict.column.${column}`), `${locale} ${column}`).toBeTruthy();
			for (const field of INVENTORY_FIELDS) expect(messageAt(locale, `conflict.field.${field}`), `${locale} ${field}`).toBeTruthy();
			for (const table of EDITED_TABLES) expect(messageAt(locale, `conflict.table.${table}`), `${locale} ${table}`).toBeTruthy();
			for (const phase of SNAPSHOT_PHASES) expect(messageAt(locale, `phase.${phase}`), `${locale} ${phase}`).toBeTruthy();
		}
	});

	it('words a conflict in the active language', () => {
		const conflict: MergeConflict = {
			id: 'field:x:a:segments',
			kind: 'account-field',
			suggested: 'current',
			accountId: 'x:a',
			field: 'segments',
			current: ['Developers', 'Partners'],
			snapshot: []
		};
		i18n.set('en');
		expect(conflictText(conflict)).toEqual({ title: 'Audience segments of x:a', current: 'Developers, Partners', snapshot: '(empty)' });
		expect(phaseLabel('hashing')).toBe('Computing the checksum');
		i18n.set('zh-CN');
		expect(conflictText(conflict)).toEqual({ title: 'x:a 的受众分组', current: 'Developers、Partners', snapshot: '（空）' });
		i18n.set('en');
	});
});

/**
 * A merge conflict in words, for the row of the conflicts table: what it is about, and the two
 * sides. Kept out of the markup because it branches on the conflict's kind (codes, not words);
 * conflict-text.test.ts proves every board column, field and table has its message.
 */
import type { MergeConflict } from '$lib/snapshot/merge';
import { t } from '$lib/i18n/i18n.svelte';

export interface ConflictText {
	title: string;
	current: string;
	snapshot: string;
}

function shown(value: unknown): string {
	const empty = t('snapshot:conflict.empty');
	if (value === null || value === undefined || value === '') return empty;
	if (Array.isArray(value)) return value.join(t('common:listSeparator')) || empty;
	return String(value);
}

function decision(record: { column: string; rationale?: string | null }): string {
	const column = t(`snapshot:conflict.column.${record.column}`, { defaultValue: record.column });
	return record.rationale ? t('snapshot:conflict.decisionWithRationale', { column, rationale: record.rationale }) : column;
}

export function conflictText(conflict: MergeConflict): ConflictText {
	switch (conflict.kind) {
		case 'decision':
			return {
				title: t('snapshot:conflict.decision', { account: conflict.accountId }),
				current: decision(conflict.current),
				snapshot: decision(conflict.snapshot)
			};
		case 'account-field':
			return {
				title: t('snapshot:conflict.accountField', { field: t(`snapshot:conflict.field.${conflict.field}`), account: conflict.accountId }),
				current: shown(conflict.current),
				snapshot: shown(conflict.snapshot)
			};
		case 'record':
			return {
				title: t('snapshot:conflict.record', { table: t(`snapshot:conflict.table.${conflict.table}`), key: conflict.key }),
				current: t('snapshot:conflict.yourVersion'),
				snapshot: t('snapshot:conflict.snapshotVersion')
			};
		case 'import-accounts':
			return {
				title: t('snapshot:conflict.importAccounts', { file: conflict.fileName }),
				current: shown(conflict.current),
				snapshot: shown(conflict.snapshot)
			};
	}
}

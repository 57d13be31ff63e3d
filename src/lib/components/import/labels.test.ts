import { describe, expect, it } from 'vitest';
import { METRICS } from '$lib/domain/metrics';
import { resources, type Messages } from '$lib/i18n/catalogue';
import { i18n } from '$lib/i18n/i18n.svelte';
import { LOCALES } from '$lib/i18n/locales';
import type { ColumnKind } from '$lib/importers/mapping';
import { DATE_FORMATS } from '$lib/schemas/mapping-preset';
import { GUIDES } from './guides';
import { columnKindLabel, dateFormatLabel, semanticsLabel } from './mapping-labels';

/** The message at a dotted path in one language's namespace, without falling back to English. */
function messageAt(locale: string, namespace: string, path: string): string | undefined {
	let node: Messages | string | undefined = resources[locale as keyof typeof resources][namespace];
	for (const part of path.split('.')) node = typeof node === 'object' ? node[part] : undefined;
	return typeof node === 'string' ? node : undefined;
}

const COLUMN_KINDS: ColumnKind[] = ['date', 'number', 'text', 'empty'];

describe('import: words for codes', () => {
	it('every platform guide has a name and every step in each language', () => {
		for (const locale of LOCALES)
			for (const guide of GUIDES) {
				expect(messageAt(locale, 'import', `guides.${guide.id}.name`), `${locale} ${guide.id}`).toBeTruthy();
				for (const step of guide.steps)
					expect(messageAt(locale, 'import', `guides.${guide.id}.steps.${step}`), `${locale} ${guide.id}.${step}`).toBeTruthy();
			}
	});

	it('every guide step in the catalogue is shown (no orphaned text)', () => {
		const catalogued = resources.en.import.guides as Messages;
		const ids = Object.keys(catalogued).filter((key) => key !== 'title');
		expect(ids.sort()).toEqual(GUIDES.map((guide) => guide.id).sort());
		for (const guide of GUIDES) expect(Object.keys((catalogued[guide.id] as Messages).steps).sort()).toEqual([...guide.steps].sort());
	});

	it('every column kind, metric semantics and date order has a message in each language', () => {
		const semantics = [...new Set(Object.values(METRICS).map((metric) => metric.semantics))];
		for (const locale of LOCALES) {
			for (const kind of COLUMN_KINDS) expect(messageAt(locale, 'import', `mapping.kind.${kind}`), `${locale} ${kind}`).toBeTruthy();
			for (const value of semantics) expect(messageAt(locale, 'import', `mapping.semantics.${value}`), `${locale} ${value}`).toBeTruthy();
			for (const format of DATE_FORMATS) expect(messageAt(locale, 'import', `mapping.dateFormat.${format}`), `${locale} ${format}`).toBeTruthy();
		}
	});

	it('follows the active language', () => {
		i18n.set('en');
		expect(dateFormatLabel('auto')).toBe('Detect');
		expect(columnKindLabel('number')).toBe('number');
		expect(semanticsLabel('flow')).toBe('flow');
		i18n.set('zh-CN');
		expect(dateFormatLabel('auto')).toBe('自动识别');
		expect(columnKindLabel('number')).toBe('数字');
		i18n.set('en');
	});
});

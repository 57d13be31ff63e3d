/**
 * The meta table's values checked without Zod: the same rules as `metaValueSchemas` in db-records.ts
 * (meta-values.test.ts holds the two to the same verdicts), because every write counts a change in
 * `meta` and the snapshot reminder reads it on every page, and neither should load Zod for it.
 *
 * Pure: no Zod, no Dexie.
 */
import { PLATFORMS } from '../domain/model';
import type { MetaKey, MetaValue } from './db-records';

export const META_DEFAULTS: { [K in MetaKey]: MetaValue<K> } = {
	lastSnapshotExportAt: null,
	changesSinceSnapshot: 0,
	accountResolutions: {}
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const REF_TEXT_FIELDS = ['handle', 'displayName', 'externalId'] as const;

/** An account reference as `accountRefSchema` reads it (a known platform, optional texts), unknown keys left out; else null. */
function accountRefOf(value: unknown): Record<string, unknown> | null {
	if (!isObject(value) || !(PLATFORMS as readonly unknown[]).includes(value.platform)) return null;
	const ref: Record<string, unknown> = { platform: value.platform };
	for (const field of REF_TEXT_FIELDS) {
		if (!(field in value)) continue;
		if (value[field] !== undefined && typeof value[field] !== 'string') return null;
		ref[field] = value[field];
	}
	return ref;
}

const READERS: { [K in MetaKey]: (value: unknown) => MetaValue<K> | undefined } = {
	lastSnapshotExportAt: (value) => (value === null || (typeof value === 'string' && value.length > 0) ? value : undefined),
	changesSinceSnapshot: (value) => (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined),
	accountResolutions: (value) => {
		if (!isObject(value)) return undefined;
		const out: MetaValue<'accountResolutions'> = {};
		for (const [signature, entry] of Object.entries(value)) {
			const ref = accountRefOf(entry);
			if (!ref) return undefined;
			out[signature] = ref as MetaValue<'accountResolutions'>[string];
		}
		return out;
	}
};

/**
 * A stored value as `key` holds it (a copy without unknown keys, as Zod's parse gives), or
 * undefined when the value is not one `key` may hold.
 */
export function readMetaValue<K extends MetaKey>(key: K, value: unknown): MetaValue<K> | undefined {
	return (READERS[key] as (value: unknown) => MetaValue<K> | undefined)(value);
}

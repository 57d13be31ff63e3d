/**
 * Builders shared by the storage tests: parsed files as an importer would hand them over, and a
 * fresh database per test (fake-indexeddb in the Node project). Not imported by app code.
 */
import { dayFromISO, type DayNumber } from '../domain/days';
import type { MetricKey } from '../domain/metrics';
import type { AccountRef, ParsedBreakdown, ParsedFile, ParsedPost, SeriesPoints } from '../domain/model';
import { openDatabase, type ChorusDatabase, type SchemaVersion } from './database';
import { newId } from './ids';
import type { ImportItem } from './prepare';

export function day(iso: string): DayNumber {
	const value = dayFromISO(iso);
	if (value === null) throw new Error(`not a date: ${iso}`);
	return value;
}

export const ACME_X: AccountRef = { platform: 'x', handle: 'AcmeCorp', displayName: 'Acme Corp' };
export const ACME_X_ID = 'x:acmecorp';
export const ACME_IG: AccountRef = { platform: 'instagram', handle: 'acme.ig' };
export const ACME_IG_ID = 'instagram:acme.ig';

export function range<T>(count: number, value: (index: number) => T): T[] {
	return Array.from({ length: count }, (_, index) => value(index));
}

/** Consecutive daily values from `fromISO`; null leaves the day out. */
export function daily(account: AccountRef | null, metric: MetricKey, fromISO: string, values: (number | null)[]): SeriesPoints {
	const start = day(fromISO);
	const days: number[] = [];
	const kept: number[] = [];
	values.forEach((value, offset) => {
		if (value === null) return;
		days.push(start + offset);
		kept.push(value);
	});
	return { account, metric, days, values: kept };
}

export function post(account: AccountRef | null, postId: string, dayISO: string, metrics: ParsedPost['metrics'], text = ''): ParsedPost {
	return {
		platform: account?.platform ?? 'x',
		postId,
		account,
		publishedAt: `${dayISO}T09:00`,
		day: day(dayISO),
		text,
		metrics
	};
}

export function breakdown(account: AccountRef | null, asOfISO: string, entries: [string, number][]): ParsedBreakdown {
	return {
		account,
		dimension: 'country',
		asOf: day(asOfISO),
		unit: 'share',
		measure: 'followers',
		entries: entries.map(([key, value]) => ({ key, value }))
	};
}

export function parsedFile(fields: Partial<ParsedFile> = {}): ParsedFile {
	return {
		fileName: 'export.csv',
		format: 'x-account-overview',
		formatLabel: 'X — Account overview',
		platform: 'x',
		encoding: 'utf-8',
		account: ACME_X,
		series: [],
		posts: [],
		breakdowns: [],
		rowCount: 0,
		issues: [],
		coversUntil: null,
		...fields
	};
}

let hashCounter = 0;

/** An import item; each call gets distinct content (sha256) unless one is given. */
export function importItem(parsed: ParsedFile, extra: Partial<Omit<ImportItem, 'parsed'>> = {}): ImportItem {
	hashCounter++;
	return {
		parsed,
		fileName: parsed.fileName,
		size: 1000 + hashCounter,
		sha256: hashCounter.toString(16).padStart(64, '0'),
		...extra
	};
}

/** A fresh, uniquely named database; close and delete it with `dispose`. */
export function freshDatabase(versions?: readonly SchemaVersion[]): ChorusDatabase {
	return openDatabase(`chorus-test-${newId()}`, versions ? { versions } : {});
}

export async function dispose(database: ChorusDatabase): Promise<void> {
	database.close();
	await database.delete();
}

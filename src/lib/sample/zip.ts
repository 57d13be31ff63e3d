/** Deterministic zip archives via fflate. */
import { zipSync, type Zippable } from 'fflate';
import type { DayNumber } from '../domain/days';
import { ymdFromDay } from './calendar';

export interface ZipEntry {
	path: string;
	bytes: Uint8Array;
}

/** When an export was made: a calendar day and a second within it (UTC). */
export interface ExportMoment {
	day: DayNumber;
	second: number;
}

export function epochMilliseconds(moment: ExportMoment): number {
	return (moment.day * 86_400 + moment.second) * 1000;
}

export function epochSeconds(moment: ExportMoment): number {
	return moment.day * 86_400 + moment.second;
}

/**
 * Zip entry times are DOS local times and fflate reads them with local-time getters, so a Date
 * built from local fields gives the same bytes in every time zone.
 */
function localDate(moment: ExportMoment): Date {
	const { year, month, day } = ymdFromDay(moment.day);
	const hours = Math.floor(moment.second / 3600);
	const minutes = Math.floor((moment.second % 3600) / 60);
	return new Date(year, month - 1, day, hours, minutes, moment.second % 60);
}

/** `stored`: TikTok's zips hold their CSVs without compression. */
export function writeZip(entries: readonly ZipEntry[], modified: ExportMoment, options: { stored?: boolean } = {}): Uint8Array {
	const mtime = localDate(modified);
	const files: Zippable = {};
	for (const entry of entries) files[entry.path] = [entry.bytes, { mtime }];
	// level 1: several times faster than the default on the benchmark's ~100 MB of XML and CSV, a few % larger
	return zipSync(files, { level: options.stored ? 0 : 1, mtime });
}

/** What a workspace holds, in numbers a person can check at a glance (the snapshot's `summary`). */
import { isoFromDay } from '../domain/days';
import type { Platform } from '../domain/model';
import { parseSeriesRecordId, yearStartDay } from '../db/merge';
import type { SeriesLayerRecord, WorkspaceTables } from '../schemas/db-records';
import type { SnapshotSummary } from '../schemas/snapshot';
import { canonicalStringify } from './canonical-json';
import { mergePostLayers, rankLookup } from './rebuild';

/** What the merged tables hold, for the summary: the date range and the merged counts. */
interface MergedStats {
	firstDay: number;
	lastDay: number;
	/** Account × metric pairs with at least one value. */
	series: number;
	seriesValues: number;
	posts: number;
}

function statsOfMergedTables(tables: Pick<WorkspaceTables, 'series' | 'posts'>): MergedStats {
	let firstDay = Number.POSITIVE_INFINITY;
	let lastDay = Number.NEGATIVE_INFINITY;
	const seriesKeys = new Set<string>();
	let seriesValues = 0;
	for (const record of tables.series) {
		const start = yearStartDay(record.year);
		let filled = 0;
		for (let slot = 0; slot < record.sources.length; slot++) {
			if (record.sources[slot] === 0) continue;
			filled++;
			firstDay = Math.min(firstDay, start + slot);
			lastDay = Math.max(lastDay, start + slot);
		}
		if (filled === 0) continue;
		seriesValues += filled;
		const { accountId, metric } = parseSeriesRecordId(record.id);
		seriesKeys.add(`${accountId}|${metric}`);
	}
	let posts = 0;
	for (const record of tables.posts) {
		posts += record.posts.length;
		for (const post of record.posts) {
			if (post.day === null) continue;
			firstDay = Math.min(firstDay, post.day);
			lastDay = Math.max(lastDay, post.day);
		}
	}
	return { firstDay, lastDay, series: seriesKeys.size, seriesValues, posts };
}

/**
 * The same figures as statsOfMergedTables over the tables rebuildMergedTables would build, read
 * from the layers without building them. Saving a snapshot rebuilt the merged tables only for
 * these numbers, and the rebuild (a year record with two 366-slot typed arrays per account, metric
 * and year; every account's posts sorted) was about a tenth of the save's script time on the large
 * workspace. The rule is rebuild's: a merged day slot holds a value when any layer of a known
 * import has one there (a layer whose import is missing ranks lowest and never fills a slot);
 * a merged post is the version of the highest-ranked import (mergePostLayers, as the rebuild).
 */
function statsOfLayers(tables: Pick<WorkspaceTables, 'imports' | 'seriesLayers' | 'postLayers'>): MergedStats {
	const rankOf = rankLookup(tables.imports);
	let firstDay = Number.POSITIVE_INFINITY;
	let lastDay = Number.NEGATIVE_INFINITY;

	// layers per account and metric, then each pair's filled days in one bitmap
	const pairs = new Map<string, SeriesLayerRecord[]>();
	for (const layer of tables.seriesLayers) {
		if (layer.values.length === 0 || rankOf(layer.importId).importId === 0) continue;
		const key = `${layer.accountId}|${layer.metric}`;
		const list = pairs.get(key);
		if (list) list.push(layer);
		else pairs.set(key, [layer]);
	}
	let series = 0;
	let seriesValues = 0;
	for (const layers of pairs.values()) {
		let from = Number.POSITIVE_INFINITY;
		let to = Number.NEGATIVE_INFINITY;
		for (const layer of layers) {
			from = Math.min(from, layer.startDay);
			to = Math.max(to, layer.startDay + layer.values.length - 1);
		}
		const filled = new Uint8Array(to - from + 1);
		let count = 0;
		for (const layer of layers) {
			const { values, startDay } = layer;
			for (let index = 0; index < values.length; index++) {
				if (Number.isNaN(values[index])) continue;
				const day = startDay + index;
				if (filled[day - from] === 1) continue;
				filled[day - from] = 1;
				count++;
				if (day < firstDay) firstDay = day;
				if (day > lastDay) lastDay = day;
			}
		}
		if (count === 0) continue;
		series++;
		seriesValues += count;
	}

	let posts = 0;
	for (const merged of mergePostLayers(tables).values()) {
		posts += merged.size;
		for (const post of merged.values()) {
			if (post.day === null) continue;
			if (post.day < firstDay) firstDay = post.day;
			if (post.day > lastDay) lastDay = post.day;
		}
	}
	return { firstDay, lastDay, series, seriesValues, posts };
}

function summaryOf(tables: WorkspaceTables, stats: MergedStats): SnapshotSummary {
	const accounts = [...tables.accounts]
		.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
		.map((account) => ({ id: account.id, platform: account.platform, displayName: account.displayName }));
	const platforms = [...new Set<Platform>(accounts.map((account) => account.platform))].sort();
	const postVersions = tables.postLayers.reduce((total, layer) => total + layer.posts.length, 0);
	const { firstDay, lastDay } = stats;

	return {
		accounts,
		platforms,
		firstDay: Number.isFinite(firstDay) ? isoFromDay(firstDay) : null,
		lastDay: Number.isFinite(lastDay) ? isoFromDay(lastDay) : null,
		counts: {
			accounts: tables.accounts.length,
			imports: tables.imports.length,
			series: stats.series,
			seriesValues: stats.seriesValues,
			seriesLayers: tables.seriesLayers.length,
			posts: stats.posts,
			postVersions,
			breakdowns: tables.breakdowns.length,
			decisions: tables.decisions.length,
			decisionHistory: tables.decisionHistory.length,
			annotations: tables.annotations.length,
			northStars: tables.northStars.length,
			mappingPresets: tables.mappingPresets.length,
			calendarItems: tables.calendarItems.length,
			tagRules: tables.tagRules.length,
			postTags: tables.postTags.length
		}
	};
}

/** The summary of a workspace, its merged figures read from its merged tables (`series`, `posts`). */
export function summarize(tables: WorkspaceTables): SnapshotSummary {
	return summaryOf(tables, statsOfMergedTables(tables));
}

/**
 * The summary a reader of the snapshot file computes (it rebuilds the merged tables from the
 * layers), without rebuilding them: the merged tables in `tables` are not read and may be empty.
 * Equal to `summarize({ ...tables, ...rebuildMergedTables(tables) })`.
 */
export function summarizeFromLayers(tables: WorkspaceTables): SnapshotSummary {
	return summaryOf(tables, statsOfLayers(tables));
}

/** Same numbers? Used to warn when a file's summary does not describe its content. */
export function sameSummary(a: SnapshotSummary, b: SnapshotSummary): boolean {
	return canonicalStringify(a) === canonicalStringify(b);
}

/** What a workspace holds, in numbers a person can check at a glance (the snapshot's `summary`). */
import { isoFromDay } from '../domain/days';
import type { Platform } from '../domain/model';
import { parseSeriesRecordId, yearStartDay } from '../db/merge';
import type { WorkspaceTables } from '../schemas/db-records';
import type { SnapshotSummary } from '../schemas/snapshot';
import { canonicalStringify } from './canonical-json';

export function summarize(tables: WorkspaceTables): SnapshotSummary {
	const accounts = [...tables.accounts]
		.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
		.map((account) => ({ id: account.id, platform: account.platform, displayName: account.displayName }));
	const platforms = [...new Set<Platform>(accounts.map((account) => account.platform))].sort();

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
	const postVersions = tables.postLayers.reduce((total, layer) => total + layer.posts.length, 0);

	return {
		accounts,
		platforms,
		firstDay: Number.isFinite(firstDay) ? isoFromDay(firstDay) : null,
		lastDay: Number.isFinite(lastDay) ? isoFromDay(lastDay) : null,
		counts: {
			accounts: tables.accounts.length,
			imports: tables.imports.length,
			series: seriesKeys.size,
			seriesValues,
			seriesLayers: tables.seriesLayers.length,
			posts,
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

/** Same numbers? Used to warn when a file's summary does not describe its content. */
export function sameSummary(a: SnapshotSummary, b: SnapshotSummary): boolean {
	return canonicalStringify(a) === canonicalStringify(b);
}

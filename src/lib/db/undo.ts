/**
 * Takes one import back out. Its layers, post layers, breakdowns and record go; the merged records
 * it touched are rebuilt from the layers that remain, so a value it had overwritten comes back from
 * the import underneath, and a day only it had becomes a gap again. Imported accounts left with no
 * data and nothing a person added about them go too. One transaction.
 */
import type { MetricKey } from '../domain/metrics';
import type { SeriesRecord, StoredPost, StoredPostsRecord } from '../schemas/db-records';
import type { ChorusDatabase } from './database';
import { storageMessage, toStorageError, type StorageError } from './errors';
import {
	emptySeriesRecord,
	hasAnyValue,
	overlayLayer,
	overlayPosts,
	rankOfImport,
	seriesRecordId,
	sortPosts,
	yearStartDay,
	type ImportRank
} from './merge';
import { layerLookup, resolvePostsRow, storedPostsForm } from './merged-posts';
import { countWorkspaceChange } from './meta';
import { layerYears } from './session';

export interface UndoSummary {
	importId: number;
	fileName: string;
	/** Values (account × metric × day) that now come from an earlier import instead. */
	restoredDays: number;
	/** Values only this import had: those days are gaps again. */
	clearedDays: number;
	/** Posts now shown in an earlier export's version. */
	restoredPosts: number;
	/** Posts only this import had. */
	removedPosts: number;
	/** Accounts this import brought in that had nothing else left. */
	removedAccountIds: string[];
}

export type UndoResult = { ok: true; summary: UndoSummary } | { ok: false; error: StorageError };

export async function undoImport(database: ChorusDatabase, importId: number): Promise<UndoResult> {
	try {
		return await database.transaction('rw', database.tables, async (): Promise<UndoResult> => {
			const record = await database.imports.get(importId);
			if (!record) {
				return {
					ok: false,
					error: { kind: 'not-found', ...storageMessage('storage.importGone') }
				};
			}
			const [ownLayers, ownPostLayers] = await Promise.all([
				database.seriesLayers.where('importId').equals(importId).toArray(),
				database.postLayers.where('importId').equals(importId).toArray()
			]);

			// Which merged year records this import reached, grouped by (account, metric).
			const yearsByPair = new Map<string, { accountId: string; metric: MetricKey; years: Set<number> }>();
			for (const layer of ownLayers) {
				const key = `${layer.accountId}|${layer.metric}`;
				const entry = yearsByPair.get(key) ?? { accountId: layer.accountId, metric: layer.metric, years: new Set<number>() };
				for (const year of layerYears(layer)) entry.years.add(year);
				yearsByPair.set(key, entry);
			}
			const pairs = [...yearsByPair.values()];
			const postAccounts = ownPostLayers.map((layer) => layer.accountId);
			const [otherLayers, otherPostLayers] = await Promise.all([
				pairs.length
					? database.seriesLayers
							.where('[accountId+metric]')
							.anyOf(pairs.map(({ accountId, metric }) => [accountId, metric]))
							.filter((layer) => layer.importId !== importId)
							.toArray()
					: [],
				postAccounts.length
					? database.postLayers
							.where('accountId')
							.anyOf(postAccounts)
							.filter((layer) => layer.importId !== importId)
							.toArray()
					: []
			]);
			const rankIds = new Set([...otherLayers, ...otherPostLayers].map((layer) => layer.importId));
			const ranks = new Map<number, ImportRank>();
			for (const other of await database.imports.bulkGet([...rankIds])) if (other) ranks.set(other.id, rankOfImport(other));
			const rankOf = (id: number): ImportRank => ranks.get(id) ?? { coversUntil: Number.NEGATIVE_INFINITY, importId: 0 };

			const summary: UndoSummary = {
				importId,
				fileName: record.fileName,
				restoredDays: 0,
				clearedDays: 0,
				restoredPosts: 0,
				removedPosts: 0,
				removedAccountIds: []
			};

			// Series: rebuild each reached year from the remaining layers of its (account, metric).
			const seriesPuts: SeriesRecord[] = [];
			const seriesDeletes: string[] = [];
			const reachedIds = pairs.flatMap(({ accountId, metric, years }) =>
				[...years].map((year) => seriesRecordId(accountId, metric, year))
			);
			const before = new Map(
				(await database.series.bulkGet(reachedIds)).filter((found) => found !== undefined).map((found) => [found.id, found])
			);
			for (const { accountId, metric, years } of pairs) {
				const layers = otherLayers.filter((layer) => layer.accountId === accountId && layer.metric === metric);
				for (const year of years) {
					const rebuilt = emptySeriesRecord(accountId, metric, year);
					const yearStart = yearStartDay(year);
					const yearEnd = yearStartDay(year + 1) - 1;
					for (const layer of layers) {
						const layerEnd = layer.startDay + layer.values.length - 1;
						if (layerEnd < yearStart || layer.startDay > yearEnd) continue;
						overlayLayer(rebuilt, layer, rankOf(layer.importId), rankOf);
					}
					const previous = before.get(rebuilt.id);
					if (previous) {
						previous.sources.forEach((source, slot) => {
							if (source !== importId) return;
							if (rebuilt.sources[slot] === 0) summary.clearedDays++;
							else summary.restoredDays++;
						});
					}
					if (hasAnyValue(rebuilt)) seriesPuts.push(rebuilt);
					else if (previous) seriesDeletes.push(rebuilt.id);
				}
			}

			// Posts: rebuild each reached account from its remaining post layers. A row that names
			// layers (merged-posts.ts) names these accounts' layers, all of them at hand here.
			const layersAtHand = new Map([...ownPostLayers, ...otherPostLayers].map((layer) => [layer.id, layer]));
			const postsBefore = (await database.posts.bulkGet(postAccounts)).map((row) =>
				row === undefined ? undefined : resolvePostsRow(row, (layerId) => layersAtHand.get(layerId))
			);
			const remaining = layerLookup(otherPostLayers);
			const postsPuts: StoredPostsRecord[] = [];
			const postsDeletes: string[] = [];
			postAccounts.forEach((accountId, index) => {
				const merged = new Map<string, StoredPost>();
				for (const layer of otherPostLayers) {
					if (layer.accountId === accountId) overlayPosts(merged, layer.posts, rankOf(layer.importId), rankOf);
				}
				for (const post of postsBefore[index]?.posts ?? []) {
					if (post.sourceImportId !== importId) continue;
					if (merged.has(`${post.platform}:${post.postId}`)) summary.restoredPosts++;
					else summary.removedPosts++;
				}
				// stored as a reference to the remaining layers they are, if they are (never to this import's)
				if (merged.size > 0) postsPuts.push(storedPostsForm({ accountId, posts: sortPosts([...merged.values()]) }, remaining));
				else postsDeletes.push(accountId);
			});

			await database.series.bulkPut(seriesPuts);
			await database.series.bulkDelete(seriesDeletes);
			await database.posts.bulkPut(postsPuts);
			await database.posts.bulkDelete(postsDeletes);
			await database.seriesLayers.bulkDelete(ownLayers.map((layer) => layer.id));
			await database.postLayers.bulkDelete(ownPostLayers.map((layer) => layer.id));
			await database.breakdowns.where('importId').equals(importId).delete();
			await database.imports.delete(importId);

			for (const accountId of record.accountIds) {
				if (await isOrphanedImportAccount(database, accountId)) {
					await database.accounts.delete(accountId);
					summary.removedAccountIds.push(accountId);
				}
			}
			await countWorkspaceChange(database);
			return { ok: true, summary };
		});
	} catch (error) {
		return { ok: false, error: toStorageError(error, 'undo') };
	}
}

/**
 * An account that came from an import, that no stored import has data for any more, and that no
 * person has edited, decided on, annotated, set a goal for, planned content for or tagged.
 */
async function isOrphanedImportAccount(database: ChorusDatabase, accountId: string): Promise<boolean> {
	const account = await database.accounts.get(accountId);
	if (!account || account.origin !== 'import' || account.editedAt !== null) return false;
	const counts = await Promise.all([
		database.seriesLayers.where('accountId').equals(accountId).count(),
		database.postLayers.where('accountId').equals(accountId).count(),
		database.breakdowns.where('accountId').equals(accountId).count(),
		database.decisions.where('accountId').equals(accountId).count(),
		database.decisions.filter((decision) => decision.mergeTargetId === accountId).count(),
		database.annotations.where('accountId').equals(accountId).count(),
		database.northStars.where('accountId').equals(accountId).count(),
		database.calendarItems.where('accountIds').equals(accountId).count(),
		database.postTags.where('key').startsWith(`${accountId}|`).count()
	]);
	return counts.every((count) => count === 0);
}

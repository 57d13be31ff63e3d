/**
 * Workspaces for tests, fixtures and measurements, built the way storage builds them: layers per
 * import, merged series and posts computed from those layers with storage's own merging rule, so
 * every generated workspace is one Chorus could really hold. Deterministic for a given seed.
 */
import { dayFromYMD, isoFromDay, type DayNumber } from '../domain/days';
import type { MetricKey } from '../domain/metrics';
import { PLATFORMS, type Platform } from '../domain/model';
import { postLayerId, seriesLayerId } from '../db/merge';
import type { AccountRecord, ImportRecord, SeriesLayerRecord, StoredPost, WorkspaceTables } from '../schemas/db-records';
import { tablesInKeyOrder } from './codec';
import { rebuildMergedTables } from './rebuild';

/** mulberry32: a tiny seeded generator, so the same seed always yields the same workspace. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export { tablesInKeyOrder as inStorageOrder };

export function emptyTables(): WorkspaceTables {
	return {
		accounts: [],
		imports: [],
		seriesLayers: [],
		series: [],
		postLayers: [],
		posts: [],
		breakdowns: [],
		decisions: [],
		decisionHistory: [],
		annotations: [],
		northStars: [],
		mappingPresets: [],
		calendarItems: [],
		tagRules: [],
		postTags: [],
		meta: []
	};
}

export function accountRecord(id: string, platform: Platform, overrides: Partial<AccountRecord> = {}): AccountRecord {
	const handle = id.slice(id.indexOf(':') + 1);
	return {
		id,
		platform,
		handle,
		displayName: handle,
		externalId: null,
		url: '',
		owner: '',
		admins: [],
		segments: [],
		productLines: [],
		regions: [],
		languages: [],
		purpose: '',
		notes: '',
		origin: 'import',
		createdAt: '2024-01-10T09:00:00.000Z',
		updatedAt: '2024-01-10T09:00:00.000Z',
		editedAt: null,
		...overrides
	};
}

export function importRecord(id: number, overrides: Partial<ImportRecord> = {}): ImportRecord {
	return {
		id,
		fileName: `export-${id}.csv`,
		size: 1000 + id,
		sha256: id.toString(16).padStart(64, '0'),
		format: 'x-account-overview',
		formatLabel: 'X/Twitter — Account overview',
		platform: 'x',
		encoding: 'utf-8',
		accountIds: [],
		accountOverride: null,
		rowCount: 0,
		firstDay: null,
		lastDay: null,
		coversUntil: null,
		counts: { seriesPoints: 0, posts: 0, breakdowns: 0, newDays: 0, overlapDays: 0, updatedPosts: 0 },
		issues: [],
		issueCount: 0,
		importedAt: '2024-01-10T09:00:00.000Z',
		batchId: `batch-${id}`,
		...overrides
	};
}

/**
 * The small workspace of the released fixture: 2 accounts, a few days of two metrics from two
 * overlapping exports of the first account, 3 posts (one updated by the newer export), an audience
 * breakdown, one board decision with its history, and one annotation.
 */
export function smallWorkspace(): WorkspaceTables {
	const tables = emptyTables();
	const start = dayFromYMD(2024, 3, 1)!;
	tables.accounts.push(
		accountRecord('x:acme', 'x', {
			displayName: 'ACME',
			url: 'https://x.com/acme',
			owner: 'Dana',
			segments: ['SMB', 'Developers'],
			regions: ['DE'],
			languages: ['de'],
			purpose: 'Product news',
			editedAt: '2024-03-09T10:00:00.000Z',
			updatedAt: '2024-03-09T10:00:00.000Z'
		}),
		accountRecord('linkedin:acme gmbh', 'linkedin', { handle: null, displayName: 'ACME GmbH', origin: 'import' })
	);
	const posts = (metricsFor: 1 | 2): StoredPost[] => [
		{
			platform: 'x',
			postId: '1764758305112345678',
			accountId: 'x:acme',
			sourceImportId: metricsFor,
			publishedAt: '2024-03-01T09:30',
			day: start,
			text: 'Spring release is out — see what is new',
			link: 'https://x.com/acme/status/1764758305112345678',
			metrics: metricsFor === 1 ? { impressions: 1200, likes: 30 } : { impressions: 1450, likes: 41 }
		},
		{
			platform: 'x',
			postId: '1765120693998765432',
			accountId: 'x:acme',
			sourceImportId: metricsFor,
			publishedAt: '2024-03-02T14:05',
			day: start + 1,
			text: 'Join us at the meetup',
			metrics: { impressions: 800, likes: 12, shares: 3 }
		}
	];
	tables.imports.push(
		importRecord(1, {
			fileName: 'account_analytics_content_2024-03-01_2024-03-03.csv',
			sha256: 'a1'.repeat(32),
			accountIds: ['x:acme'],
			rowCount: 3,
			firstDay: start,
			lastDay: start + 2,
			coversUntil: start + 2,
			counts: { seriesPoints: 6, posts: 2, breakdowns: 0, newDays: 6, overlapDays: 0, updatedPosts: 0 },
			importedAt: '2024-03-04T08:00:00.000Z',
			batchId: 'batch-a'
		}),
		importRecord(2, {
			fileName: 'account_analytics_content_2024-03-02_2024-03-05.csv',
			sha256: 'b2'.repeat(32),
			accountIds: ['x:acme'],
			rowCount: 4,
			firstDay: start + 1,
			lastDay: start + 4,
			coversUntil: start + 4,
			counts: { seriesPoints: 7, posts: 2, breakdowns: 1, newDays: 3, overlapDays: 4, updatedPosts: 1 },
			issues: [{ line: 5, severity: 'warning', message: 'Row 5 has no impressions; the day is left empty.' }],
			issueCount: 1,
			importedAt: '2024-03-06T08:00:00.000Z',
			batchId: 'batch-b'
		}),
		importRecord(3, {
			fileName: 'acme-gmbh_followers.xls',
			sha256: 'c3'.repeat(32),
			format: 'linkedin-followers',
			formatLabel: 'LinkedIn — Followers',
			platform: 'linkedin',
			accountIds: ['linkedin:acme gmbh'],
			accountOverride: { platform: 'linkedin', displayName: 'ACME GmbH' },
			rowCount: 3,
			firstDay: start,
			lastDay: start + 2,
			coversUntil: start + 2,
			counts: { seriesPoints: 3, posts: 1, breakdowns: 0, newDays: 3, overlapDays: 0, updatedPosts: 0 },
			importedAt: '2024-03-06T08:05:00.000Z',
			batchId: 'batch-b'
		})
	);
	const layer = (importId: number, accountId: string, metric: MetricKey, startDay: DayNumber, values: number[]): SeriesLayerRecord => ({
		id: seriesLayerId(importId, accountId, metric),
		importId,
		accountId,
		metric,
		startDay,
		values: Float64Array.from(values)
	});
	tables.seriesLayers.push(
		layer(1, 'x:acme', 'followers', start, [1000, 1004, 1010]),
		layer(1, 'x:acme', 'impressions', start, [5200, Number.NaN, 4800]),
		layer(2, 'x:acme', 'followers', start + 1, [1005, 1010, 1012, 1019]),
		layer(2, 'x:acme', 'impressions', start + 1, [6100, 4800, 3900]),
		layer(3, 'linkedin:acme gmbh', 'followers', start, [250, 251, 251])
	);
	tables.postLayers.push(
		{ id: postLayerId(1, 'x:acme'), importId: 1, accountId: 'x:acme', posts: posts(1) },
		{ id: postLayerId(2, 'x:acme'), importId: 2, accountId: 'x:acme', posts: posts(2).slice(0, 1) },
		{
			id: postLayerId(3, 'linkedin:acme gmbh'),
			importId: 3,
			accountId: 'linkedin:acme gmbh',
			posts: [
				{
					platform: 'linkedin',
					postId: 'urn:li:activity:7170000000000000001',
					accountId: 'linkedin:acme gmbh',
					sourceImportId: 3,
					publishedAt: null,
					day: start + 2,
					text: 'Wir stellen ein: Entwickler:innen für unser Team in Köln',
					type: 'Article',
					metrics: { impressions: 310, clicks: 9 }
				}
			]
		}
	);
	tables.breakdowns.push({
		id: 1,
		importId: 2,
		accountId: 'x:acme',
		dimension: 'country',
		asOf: start + 4,
		unit: 'share',
		measure: 'followers',
		entries: [
			{ key: 'DE', value: 0.62 },
			{ key: 'AT', value: 0.21 },
			{ key: 'CH', value: 0.17 }
		]
	});
	const decision = {
		accountId: 'linkedin:acme gmbh',
		column: 'merge' as const,
		order: 1,
		mergeTargetId: 'x:acme',
		rationale: 'Same audience as the main account; post there instead.',
		decidedAt: '2024-03-08T15:00:00.000Z'
	};
	tables.decisions.push(decision);
	tables.decisionHistory.push({
		id: 1,
		accountId: decision.accountId,
		from: null,
		to: 'merge',
		mergeTargetId: decision.mergeTargetId,
		rationale: decision.rationale,
		at: decision.decidedAt,
		previous: null
	});
	tables.annotations.push({
		id: '7f9c2a4e-1b2d-4c3e-8f00-000000000001',
		startDay: start + 2,
		endDay: null,
		label: 'Spring launch',
		note: 'Release announcement and meetup',
		accountId: null,
		createdAt: '2024-03-08T15:10:00.000Z',
		updatedAt: '2024-03-08T15:10:00.000Z'
	});
	tables.meta.push({ key: 'accountResolutions', value: { 'linkedin-followers': { platform: 'linkedin', displayName: 'ACME GmbH' } } });
	Object.assign(tables, rebuildMergedTables(tables));
	return tables;
}

export interface LargeWorkspaceOptions {
	accounts: number;
	years: number;
	posts: number;
	/** Exports per account per year; each covers its quarter plus ten days of overlap with the next. */
	exportsPerYear?: number;
	seed?: number;
}

export const LARGE_METRICS: MetricKey[] = ['followers', 'followers_gained', 'impressions', 'engagements', 'likes', 'shares'];

const WORDS = (
	'the new release team product launch today update customers feature webinar join us learn more ' +
	'about our story behind event week community partners thanks everyone who came read blog post ' +
	'video live now open roles hiring engineers design data cloud security tips guide free trial ' +
	'spring summer autumn winter sale offer support help center check out latest news from office ' +
	'berlin london paris tokyo austin great results growth report quarterly numbers insight story'
).split(' ');

/**
 * A portfolio of the size Chorus is built for (40 accounts × 10 years of daily data × 6 metrics and
 * 300,000 posts at full size), for measuring snapshot size and speed.
 */
export function largeWorkspace(options: LargeWorkspaceOptions): WorkspaceTables {
	const { accounts: accountCount, years, posts: postTotal, exportsPerYear = 4, seed = 1 } = options;
	const random = seededRandom(seed);
	const tables = emptyTables();
	const firstDay = dayFromYMD(2015, 1, 1)!;
	const lastDay = dayFromYMD(2015 + years, 1, 1)! - 1;
	const totalDays = lastDay - firstDay + 1;
	const exportCount = years * exportsPerYear;
	const windowDays = Math.ceil(totalDays / exportCount);
	const postsPerAccount = Math.floor(postTotal / accountCount);
	let nextImportId = 1;
	let nextBreakdownId = 1;
	const words = () => {
		const count = 6 + Math.floor(random() * 14);
		const picked: string[] = [];
		for (let i = 0; i < count; i++) picked.push(WORDS[Math.floor(random() * WORDS.length)]);
		return picked.join(' ');
	};
	const accountIds: string[] = [];
	for (let a = 0; a < accountCount; a++) {
		const platform = PLATFORMS[a % 8];
		const id = `${platform}:brand${a}`;
		accountIds.push(id);
		tables.accounts.push(
			accountRecord(id, platform, { displayName: `Brand ${a}`, owner: `Owner ${a % 7}`, segments: ['SMB'] })
		);
		// post days spread over the whole range, in order
		const postDays = Array.from({ length: postsPerAccount }, () => firstDay + Math.floor(random() * totalDays)).sort(
			(x, y) => x - y
		);
		const postIds = postDays.map((_, i) => String(1_000_000_000_000_000_000n + BigInt(a) * 10_000_000n + BigInt(i)));
		const startFollowers = 1000 + Math.floor(random() * 50000);
		// the "truth" for this account, sampled by every export covering a day
		const truth = new Map<MetricKey, Float64Array>();
		for (const metric of LARGE_METRICS) {
			const values = new Float64Array(totalDays);
			let followers = startFollowers;
			const scale = 100 + random() * 5000;
			for (let d = 0; d < totalDays; d++) {
				if (metric === 'followers') {
					followers += Math.floor(random() * 40) - 8;
					values[d] = followers;
				} else if (random() < 0.01) {
					values[d] = Number.NaN;
				} else {
					values[d] = Math.floor(scale * (0.3 + random() * 1.4) * (metric === 'impressions' ? 10 : 1));
				}
			}
			truth.set(metric, values);
		}
		for (let e = 0; e < exportCount; e++) {
			const windowStart = firstDay + e * windowDays;
			const windowEnd = Math.min(lastDay, windowStart + windowDays - 1 + 10);
			if (windowStart > lastDay) break;
			const importId = nextImportId++;
			const length = windowEnd - windowStart + 1;
			for (const metric of LARGE_METRICS) {
				const values = truth.get(metric)!.slice(windowStart - firstDay, windowStart - firstDay + length);
				tables.seriesLayers.push({
					id: seriesLayerId(importId, id, metric),
					importId,
					accountId: id,
					metric,
					startDay: windowStart,
					values
				});
			}
			const layerPosts: StoredPost[] = [];
			for (let p = 0; p < postDays.length; p++) {
				const day = postDays[p];
				if (day < windowStart || day > windowEnd) continue;
				const age = windowEnd - day + 1;
				layerPosts.push({
					platform,
					postId: postIds[p],
					accountId: id,
					sourceImportId: importId,
					publishedAt: `${isoFromDay(day)}T${String(8 + (p % 10)).padStart(2, '0')}:${String((p * 7) % 60).padStart(2, '0')}`,
					day,
					text: words(),
					...(p % 3 === 0 ? { link: `https://example.com/${platform}/${postIds[p]}` } : {}),
					metrics: {
						impressions: 200 + age * 3 + (p % 500),
						likes: 3 + (p % 40),
						shares: p % 7,
						comments: p % 5
					}
				});
			}
			if (layerPosts.length > 0) {
				tables.postLayers.push({ id: postLayerId(importId, id), importId, accountId: id, posts: layerPosts });
			}
			tables.breakdowns.push({
				id: nextBreakdownId++,
				importId,
				accountId: id,
				dimension: 'country',
				asOf: windowEnd,
				unit: 'share',
				measure: 'followers',
				entries: ['US', 'DE', 'GB', 'FR', 'JP'].map((key, i) => ({ key, value: Math.round((0.4 / (i + 1)) * 1000) / 1000 }))
			});
			tables.imports.push(
				importRecord(importId, {
					fileName: `${id.replace(':', '_')}_${isoFromDay(windowStart)}_${isoFromDay(windowEnd)}.csv`,
					sha256: (importId * 2654435761).toString(16).padStart(64, 'e'),
					platform,
					accountIds: [id],
					rowCount: length,
					firstDay: windowStart,
					lastDay: windowEnd,
					coversUntil: windowEnd,
					counts: {
						seriesPoints: length * LARGE_METRICS.length,
						posts: layerPosts.length,
						breakdowns: 1,
						newDays: 0,
						overlapDays: 0,
						updatedPosts: 0
					},
					importedAt: new Date(Date.UTC(2025, 0, 1) + importId * 1000).toISOString(),
					batchId: `batch-${e}`
				})
			);
		}
	}
	tables.decisions.push(
		...accountIds.slice(0, 10).map((accountId, i) => ({
			accountId,
			column: (['keep', 'merge', 'retire'] as const)[i % 3],
			order: i,
			mergeTargetId: i % 3 === 1 ? accountIds[0] : null,
			rationale: `Reviewed in Q${(i % 4) + 1}`,
			decidedAt: '2025-02-01T10:00:00.000Z'
		}))
	);
	tables.annotations.push({
		id: 'annotation-1',
		startDay: firstDay + 100,
		endDay: firstDay + 110,
		label: 'Campaign',
		note: '',
		accountId: null,
		createdAt: '2025-02-01T10:00:00.000Z',
		updatedAt: '2025-02-01T10:00:00.000Z'
	});
	Object.assign(tables, rebuildMergedTables(tables));
	return tables;
}


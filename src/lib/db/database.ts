/**
 * The one Dexie module: the `chorus` database, its tables, and the append-only history of its
 * schema versions. Shipped versions are never edited; a change of shape appends a version (with an
 * `upgrade` when stored rows must be rewritten) and a fixture `tests/fixtures/db/v<n>.json` that the
 * migration test seeds at that version and opens with the current code.
 *
 * See docs/storage.md for what each table holds and how imports are merged.
 */
import { Dexie, type EntityTable, type Transaction } from 'dexie';
import type {
	AccountRecord,
	AnnotationRecord,
	BreakdownRecord,
	CalendarItemRecord,
	DecisionHistoryRecord,
	DecisionRecord,
	ImportRecord,
	MappingPresetRecord,
	MetaRecord,
	NorthStarRecord,
	PostLayerRecord,
	PostTagRecord,
	SeriesLayerRecord,
	SeriesRecord,
	StoredPostsRecord,
	TableName,
	TagRuleRecord
} from '../schemas/db-records';
import { storeMergedPostsByReference } from './merged-posts';

export interface SchemaVersion {
	version: number;
	/** Dexie store specs: primary key first (`++` auto-increment, `&` unique, `*` multi-entry, `[a+b]` compound). */
	stores: Partial<Record<TableName, string | null>> & Record<string, string | null>;
	/** Rewrites rows stored by earlier versions; runs inside the upgrade transaction. */
	upgrade?: (transaction: Transaction) => Promise<unknown> | void;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
	{
		version: 1,
		stores: {
			accounts: 'id, platform',
			imports: '++id, &sha256, batchId',
			// one layer per (import, account, metric) spanning the file's own date range; see docs/storage.md
			seriesLayers: 'id, importId, accountId, [accountId+metric]',
			series: 'id, accountId, metric, [accountId+metric]',
			postLayers: 'id, importId, accountId',
			posts: 'accountId',
			breakdowns: '++id, importId, accountId',
			decisions: 'accountId, column',
			decisionHistory: '++id, accountId',
			annotations: 'id, accountId, startDay',
			northStars: 'id, accountId, metric',
			mappingPresets: 'id, signature',
			calendarItems: 'id, day, *accountIds',
			tagRules: 'id',
			postTags: 'key',
			meta: 'key'
		}
	},
	{
		// A `posts` row names the post layers its posts come from (each less the posts a newer
		// export replaced) instead of copying them, so each post's bytes are written once
		// (db/merged-posts.ts, docs/storage.md). Same tables and indexes; the upgrade turns the
		// rows whose posts are their layers' into references.
		version: 2,
		stores: {},
		upgrade: (transaction) => storeMergedPostsByReference(transaction)
	}
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1].version;

export type VersionChangeListener = (event: IDBVersionChangeEvent) => void;

export class ChorusDatabase extends Dexie {
	accounts!: EntityTable<AccountRecord, 'id'>;
	imports!: EntityTable<ImportRecord, 'id'>;
	seriesLayers!: EntityTable<SeriesLayerRecord, 'id'>;
	series!: EntityTable<SeriesRecord, 'id'>;
	postLayers!: EntityTable<PostLayerRecord, 'id'>;
	/** Stored rows: read them with db/merged-posts.ts, which resolves the reference form. */
	posts!: EntityTable<StoredPostsRecord, 'accountId', StoredPostsRecord>;
	breakdowns!: EntityTable<BreakdownRecord, 'id'>;
	decisions!: EntityTable<DecisionRecord, 'accountId'>;
	decisionHistory!: EntityTable<DecisionHistoryRecord, 'id'>;
	annotations!: EntityTable<AnnotationRecord, 'id'>;
	northStars!: EntityTable<NorthStarRecord, 'id'>;
	mappingPresets!: EntityTable<MappingPresetRecord, 'id'>;
	calendarItems!: EntityTable<CalendarItemRecord, 'id'>;
	tagRules!: EntityTable<TagRuleRecord, 'id'>;
	postTags!: EntityTable<PostTagRecord, 'key'>;
	meta!: EntityTable<MetaRecord, 'key'>;

	readonly #versionChangeListeners = new Set<VersionChangeListener>();

	constructor(name: string, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS) {
		super(name);
		for (const { version, stores, upgrade } of versions) {
			const declared = this.version(version).stores(stores);
			if (upgrade) declared.upgrade(upgrade);
		}
		// Another tab opened a newer Chorus (or deleted the database). This tab's code no longer matches
		// the stored schema, so stop using the connection for good and let the UI ask the person to
		// reload. Returning false stops Dexie's default handler, which would close with auto-reopen on
		// and let this tab quietly keep writing with outdated code.
		this.on('versionchange', (event) => {
			this.close({ disableAutoOpen: true });
			for (const listener of this.#versionChangeListeners) listener(event);
			return false;
		});
	}

	/** Calls `listener` when another tab upgrades or deletes the database; returns an unsubscribe. */
	onVersionChange(listener: VersionChangeListener): () => void {
		this.#versionChangeListeners.add(listener);
		return () => this.#versionChangeListeners.delete(listener);
	}
}

export interface OpenDatabaseOptions {
	/** Only for migration tests: build an older schema by passing a prefix of SCHEMA_VERSIONS. */
	versions?: readonly SchemaVersion[];
}

/** A new connection object (Dexie opens lazily, on the first query). */
export function openDatabase(name = 'chorus', options: OpenDatabaseOptions = {}): ChorusDatabase {
	return new ChorusDatabase(name, options.versions ?? SCHEMA_VERSIONS);
}

let singleton: ChorusDatabase | undefined;

/** Where a snapshot opened "read-only" is unpacked, apart from the person's own workspace. */
export const VIEW_DATABASE_NAME = 'chorus-view';
const VIEW_SESSION_KEY = 'chorus.viewingSnapshot';

/** What the read-only banner says about the snapshot being viewed. */
export interface SnapshotViewInfo {
	fileName: string;
	title?: string;
	author?: string;
	exportedAt: string;
}

/**
 * The snapshot this tab is viewing read-only, if any. Kept in sessionStorage so the choice holds
 * across reloads of this tab only; other tabs keep showing the person's own data.
 */
export function viewingSnapshot(): SnapshotViewInfo | null {
	try {
		const raw = typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(VIEW_SESSION_KEY);
		if (!raw) return null;
		const value = JSON.parse(raw) as Partial<SnapshotViewInfo>;
		// read back from storage: trust nothing that is not the expected shape
		return typeof value.fileName === 'string' && typeof value.exportedAt === 'string'
			? { fileName: value.fileName, exportedAt: value.exportedAt, title: value.title, author: value.author }
			: null;
	} catch {
		return null;
	}
}

export function setViewingSnapshot(info: SnapshotViewInfo | null): void {
	if (info) sessionStorage.setItem(VIEW_SESSION_KEY, JSON.stringify(info));
	else sessionStorage.removeItem(VIEW_SESSION_KEY);
}

export class ReadOnlyViewError extends Error {
	constructor() {
		super('You are viewing a snapshot read-only: changes are not possible here. Leave the snapshot view to work on your own data.');
		this.name = 'ReadOnlyViewError';
	}
}

/** A connection that refuses every write at the lowest level, so no code path can change a viewed snapshot. */
export function openReadOnlyDatabase(name: string): ChorusDatabase {
	const database = openDatabase(name);
	database.use({
		stack: 'dbcore',
		name: 'read-only-view',
		create(down) {
			return {
				...down,
				table(name) {
					const table = down.table(name);
					return { ...table, mutate: () => Promise.reject(new ReadOnlyViewError()) };
				}
			};
		}
	});
	return database;
}

/**
 * The app's database. Created on first call, so importing this module during prerendering touches
 * nothing: only code that runs in the browser calls `db()`. While this tab views a snapshot
 * read-only, it is the snapshot's own database, and writes are refused.
 */
export function db(): ChorusDatabase {
	singleton ??= viewingSnapshot() ? openReadOnlyDatabase(VIEW_DATABASE_NAME) : openDatabase();
	return singleton;
}

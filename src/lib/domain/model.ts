/**
 * The canonical model every importer produces and every view reads. Importers translate each
 * platform's export into these shapes; nothing downstream knows about platform-specific columns.
 */
import type { DayNumber } from './days';
import type { MetricKey } from './metrics';

export const PLATFORMS = [
	'x',
	'youtube',
	'facebook',
	'instagram',
	'linkedin',
	'tiktok',
	'wechat',
	'weibo',
	'blog',
	'other'
] as const;
export type Platform = (typeof PLATFORMS)[number];

export const PLATFORM_LABELS: Record<Platform, string> = {
	x: 'X / Twitter',
	youtube: 'YouTube',
	facebook: 'Facebook',
	instagram: 'Instagram',
	linkedin: 'LinkedIn',
	tiktok: 'TikTok',
	wechat: 'WeChat',
	weibo: 'Weibo',
	blog: 'Blog',
	other: 'Other'
};

/** What a file tells us about whose data it is. At least one of handle / displayName / externalId. */
export interface AccountRef {
	platform: Platform;
	/** Handle or vanity name without a leading @, as the platform spells it (case kept for display). */
	handle?: string;
	/** Page name, channel name, account name. */
	displayName?: string;
	/** Page ID, Instagram account ID, channel ID — kept as a string. */
	externalId?: string;
}

/**
 * A stable account id: `platform:key`, where key is the lower-cased handle, else the display name,
 * else the external id. Two files about the same account meet on the same id.
 */
export function accountIdOf(ref: AccountRef): string | null {
	const key = (ref.handle ?? ref.displayName ?? ref.externalId ?? '').trim().replace(/^@/, '').toLowerCase();
	if (!key) return null;
	return `${ref.platform}:${key}`;
}

/**
 * One metric of one account, day by day. Parallel arrays; a day with no value is simply absent
 * (a gap, never a zero). Days need not be sorted or unique on input; the storage layer resolves
 * duplicates within one file by keeping the last.
 */
export interface SeriesPoints {
	/** null when the file does not say whose data it is: the preview asks the user. */
	account: AccountRef | null;
	metric: MetricKey;
	days: DayNumber[];
	values: number[];
}

export interface ParsedPost {
	platform: Platform;
	/** Platform id as a string: X and Meta ids have 19 digits and do not fit in a JS number. */
	postId: string;
	account: AccountRef | null;
	/** Local date-time as the export gives it, `YYYY-MM-DDTHH:mm[:ss]` (no zone), or null. */
	publishedAt: string | null;
	day: DayNumber | null;
	text: string;
	link?: string;
	/** The platform's content type (Photo, Video, IG reel, Article, …) when the export has one. */
	type?: string;
	/** Lifetime metrics as of the export. Missing cells are absent, not 0. */
	metrics: Partial<Record<MetricKey, number>>;
}

export const BREAKDOWN_DIMENSIONS = [
	'country',
	'city',
	'region',
	'territory',
	'language',
	'industry',
	'job_function',
	'seniority',
	'company_size',
	'age',
	'gender',
	'traffic_source',
	'subscription_status',
	'device',
	'other'
] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

/** An audience snapshot (country, industry, …) as of a day. */
export interface ParsedBreakdown {
	account: AccountRef | null;
	dimension: BreakdownDimension;
	asOf: DayNumber;
	/** count = people/views; share = fraction 0..1 of the audience. */
	unit: 'count' | 'share';
	/** What was counted, e.g. 'followers', 'views'. */
	measure: string;
	entries: { key: string; value: number }[];
}

export interface RowIssue {
	/** 1-based line number in the file as a text editor shows it (after the BOM), when it applies. */
	line?: number;
	severity: 'error' | 'warning';
	/** The English text: logs, tests, and the fallback when a language has no message for the code. */
	message: string;
	/**
	 * Which message this is, as a key of the `issues` catalogue, and the values it names (file,
	 * column, value…): the interface shows t(`issues:${code}`, params) in the active language.
	 */
	code?: string;
	params?: Record<string, string | number>;
}

/** The result of reading one logical file (a zip yields one per entry). Errors are data. */
export interface ParsedFile {
	/** File name, or `archive.zip/inner/Table data.csv` for a zip entry. */
	fileName: string;
	format: string;
	formatLabel: string;
	platform: Platform;
	encoding: string;
	/** Whose data this is when the whole file is about one account (null: unknown, ask). */
	account: AccountRef | null;
	series: SeriesPoints[];
	posts: ParsedPost[];
	breakdowns: ParsedBreakdown[];
	/** Data rows read (not counting header, preamble, description and total rows). */
	rowCount: number;
	issues: RowIssue[];
	/** The last day the export covers, used to decide which export is newer when two overlap. */
	coversUntil: DayNumber | null;
	/**
	 * Hex SHA-256 and byte size of this logical file's own bytes (a zip entry's, not the zip's), set by
	 * the pipeline: the same content imported twice is recognised by it. Absent: use the input file's.
	 */
	sha256?: string;
	size?: number;
}

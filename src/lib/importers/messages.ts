/**
 * Every message the importers and the import pipeline give about a file, keyed by a stable code.
 * This table is the English catalogue (src/lib/i18n/messages/en/issues.json holds exactly these
 * texts, checked by messages.test.ts); the interface words a message in the active language from
 * its code and values, and the English text here stays the fallback and what logs and tests read.
 *
 * Groups: `file.*` names the file and says why it cannot be read; `entry.*` is the same reason for
 * a file inside a zip or a sheet of a workbook, listed under that entry's name (so without it);
 * `row.*` is about one row or cell (the interface shows the line beside it); the rest are pieces
 * the others nest with `$t(issues:…)`.
 */
import { METRICS, type MetricKey } from '../domain/metrics';
import { messageMaker, type CodedMessage, type MessageParam, type Template } from '../domain/coded-message';

const REEXPORT = 'Export the data again from the platform’s analytics page (choose CSV or Excel) and import the file it downloads.';
const BOMB_TAIL = 'Chorus refused to unpack it to protect your browser. If this is a real export, unzip it yourself and import the files inside.';

/** A metric's name inside an English sentence ("a real followers figure"): its label, lower-cased, without a unit. */
function metricNoun(metric: { label: string }): string {
	return metric.label.replace(/\s*\(.*\)$/, '').toLowerCase();
}

/**
 * Reasons a file (top level) or an entry (inside a zip or workbook) is refused. The entry form is
 * the file form without the leading name, as the pipeline lists it under the entry's name.
 */
const FILE_REASONS = {
	empty: '{{name}} is empty (0 bytes). Download the export again.',
	blank: '{{name}} contains only blank lines or spaces, no data. Download the export again.',
	noRows: '{{name}} contains no rows (only blank lines). Export the data again.',
	parseFailed:
		'{{name}} was recognised as {{format}}, but reading it failed unexpectedly ({{detail}}). Other files are not affected; please report this file.',
	mixedSeparators:
		'{{name}} mixes separators: line {{line}} is separated by “{{separator}}”, but line {{otherLine}} is separated by a different character. The file was probably edited by hand or pieced together from two exports; open it in a spreadsheet program, save it as CSV, and import that file.',
	mixedSeparatorsTabs:
		'{{name}} mixes separators: line {{line}} is separated by tabs, but line {{otherLine}} is separated by a different character. The file was probably edited by hand or pieced together from two exports; open it in a spreadsheet program, save it as CSV, and import that file.',
	noHeader:
		'{{name}} has no header row: line {{line}} already holds data ({{cells}}), so its columns cannot be told apart by name. Add a first line with column names (for example Date,Views) and import the file again.',
	onlyHeader: '{{name}} has only column names (line {{line}}) and no data rows. Export a date range that has data and import that file.',
	zipTooDeep:
		'{{name}} is a zip inside a zip inside a zip; Chorus opens one level of zips within a zip. Unzip it and import the files inside.',
	longLine:
		'{{name}}: line {{line}} is about {{length}} long, more than the {{limit}} Chorus accepts for one line. This is not a line-by-line CSV export (line breaks missing, or another kind of file); export the data again as CSV.',
	tooManyLines: {
		one: '{{name}} has {{lines}} line; Chorus reads files of up to {{limit}} lines. Export a shorter date range, or split the file.',
		other: '{{name}} has {{lines}} lines; Chorus reads files of up to {{limit}} lines. Export a shorter date range, or split the file.'
	},
	// sniffing: what the bytes are, when they are not a data file
	looksLike: '{{name}} looks like $t(issues:kind.{{kind}}) saved with a .{{extension}} name, not an analytics export. $t(issues:advice.{{advice}})',
	isOther: '{{name}} is $t(issues:kind.{{kind}}), not an analytics export. $t(issues:advice.{{advice}})',
	// zips
	zipDamaged: '{{name}}: the zip is incomplete or damaged — download it again.',
	zipEmpty: '{{name}} is an empty zip: there are no files inside. Download the export again.',
	zipTooManyFiles: '{{name}} holds {{files}} files; Chorus opens zips of up to {{limit}}. Unzip it and import the export files themselves.',
	zipEntryUnpackFailed: '{{name}}: {{entry}} is damaged inside the zip (its data cannot be unpacked); download the zip again.',
	zipEntryChecksum: '{{name}}: {{entry}} is damaged inside the zip (checksum mismatch); download the zip again.',
	// workbooks
	readerNotLoaded: '{{name}}: the spreadsheet reader could not be loaded ({{detail}}). Reload the page and try again.',
	workbookPassword:
		'{{name}} is password-protected (encrypted), so Chorus cannot read it. Open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password, clear it), save, and import it again.',
	notWorkbook: '{{name}} is an Office file but not an Excel workbook ({{detail}}). Export the data again as CSV or Excel.',
	workbookDamaged: '{{name}} could not be read as a spreadsheet: it is damaged or incomplete ({{detail}}). Download it again.',
	noSheets: '{{name}} is a workbook with no sheets, so there is nothing to import. Export the data again.',
	sheetsEmpty: '{{name}} has no data: every sheet is empty. Export the data again.'
} as const satisfies Record<string, Template>;

export type FileReason = keyof typeof FILE_REASONS;

function withoutName(text: string): string {
	return text.replace(/^\{\{name\}\}:? /, '');
}

/** `{ a: x }` → `{ 'prefix.a': f(x) }`, keeping the keys' types (so a misspelt code does not compile). */
function grouped<Prefix extends string, Source extends Record<string, unknown>, Value>(
	prefix: Prefix,
	source: Source,
	map: (value: Source[keyof Source]) => Value
): { [Key in keyof Source & string as `${Prefix}.${Key}`]: Value } {
	return Object.fromEntries(Object.entries(source).map(([key, value]) => [`${prefix}.${key}`, map(value as Source[keyof Source])])) as {
		[Key in keyof Source & string as `${Prefix}.${Key}`]: Value;
	};
}

/** The `entry.*` form of a `file.*` failure (the reason listed under an entry's name). */
export function entryCodeOf(fileCode: string): ImportMessageCode {
	const code = fileCode.replace(/^file\./, 'entry.');
	if (!(code in IMPORT_MESSAGES)) throw new Error(`${fileCode} has no entry form`);
	return code as ImportMessageCode;
}

function entryForm(template: Template): Template {
	return typeof template === 'string' ? withoutName(template) : { one: withoutName(template.one), other: withoutName(template.other) };
}

/**
 * Column names given twice on one line: the first three are named with their positions (values
 * `column1`, `first1`, `second1`…, since a RowIssue's values are flat), then how many more.
 */
function duplicateColumns(what: string, shown: number, more = ''): string {
	const items = Array.from({ length: shown }, (_, index) => `“{{column${index + 1}}}” (columns {{first${index + 1}}} and {{second${index + 1}}})`);
	return `{{name}} names ${what} more than once on line {{line}}: ${items.join(', ')}${more}. Chorus read the first of each; if another holds the numbers you want, remove or rename the first in a copy of the file and import that.`;
}

export function duplicateColumnsCode(repeats: number): 'file.duplicateColumns1' | 'file.duplicateColumns2' | 'file.duplicateColumns3' | 'file.duplicateColumnsMore' {
	if (repeats > 3) return 'file.duplicateColumnsMore';
	return repeats === 1 ? 'file.duplicateColumns1' : repeats === 2 ? 'file.duplicateColumns2' : 'file.duplicateColumns3';
}

/** What an importer expected a file to be, in the missing-columns message. */
const FORMAT_NAMES = {
		facebookInsights: 'a Facebook Page Insights export',
	facebookPosts: 'a Facebook post-level Insights export',
	linkedinMetrics: 'a LinkedIn content Metrics sheet',
	linkedinPosts: 'a LinkedIn All posts sheet',
	linkedinFollowers: 'a LinkedIn New followers sheet',
	linkedinDemographics: 'a LinkedIn demographics sheet',
	linkedinVisitors: 'a LinkedIn Visitors export',
	metaFacebookPosts: 'a Meta Business Suite Facebook posts export',
	metaInstagramPosts: 'a Meta Business Suite Instagram posts export',
	metaViewers: 'a Meta Viewers export',
	tiktokOverview: 'a TikTok Overview export',
	tiktokFollowers: 'a TikTok follower history export',
	tiktokViewers: 'a TikTok Viewers export',
	tiktokContent: 'a TikTok Content export',
	wechatUsers: 'a WeChat user analysis export',
	xTweets: 'an X/Twitter per-tweet activity export',
	xContent: 'an X content export',
	xByDay: 'an X/Twitter by-day export',
	xOverview: 'an X account overview export',
} as const;

export type FormatName = keyof typeof FORMAT_NAMES;

export const IMPORT_MESSAGES = {
	...grouped('file', FILE_REASONS, (template): Template => template),
	...grouped('entry', FILE_REASONS, entryForm),

	// the file as a whole
	'file.tooLarge': '{{name}} is {{size}}; Chorus reads files of up to {{limit}}. Export a shorter date range, or split the file.',
	'file.cancelledWhile': 'Import cancelled while {{name}} was being read; nothing from it was imported.',
	'file.cancelledBefore': 'Import cancelled before {{name}} was read.',
	'file.unexpected': '{{name}} could not be read because of an unexpected problem ({{detail}}). Other files are not affected; please report this file.',
	'file.unreadableFromDisk':
		'{{name}} could not be read from disk ({{detail}}). It may have been moved, renamed or deleted after it was chosen; choose it again.',
	'file.workerStopped':
		'{{name}} could not be read: the import worker stopped unexpectedly ({{detail}}). This usually means the browser ran out of memory on a very large file; import fewer or smaller files at a time, and report the problem if it happens again.',
	'worker.notStarted': 'it could not be started: {{detail}}',
	'worker.noReport': 'it finished without reporting on this file',
	'worker.unreadableMessage': 'a message from it could not be read',
	'worker.noDetails': 'no details given',
	'file.unrecognised':
		'Chorus does not recognise the layout of {{name}} (columns: {{columns}}). Map its columns to metrics to import it; the mapping is remembered for files like it.',
	'file.unrecognisedClosest':
		'Chorus does not recognise the layout of {{name}} (columns: {{columns}}). It is closest to {{format}}, but the columns do not match it well enough to read it safely. Map its columns to metrics to import it; the mapping is remembered for files like it.',
	'file.unrecognisedTables': {
		one: 'Chorus does not recognise the layout of {{tables}} table in {{name}} ({{names}}). Map their columns to metrics to import them; each mapping is remembered for files like it.',
		other: 'Chorus does not recognise the layout of {{tables}} tables in {{name}} ({{names}}). Map their columns to metrics to import them; each mapping is remembered for files like it.'
	},
	'file.nothingImportable': '{{name}} contains nothing Chorus can import: {{reasons}}',
	'file.nothingImportableMore': '{{name}} contains nothing Chorus can import: {{reasons}} (and {{more}} more)',
	'file.skippedEntry': '{{entry}} {{reason}}',
	'file.noData': '{{name}} contains no files or sheets with data. Download the export again.',
	'file.hostileZip': '{{name}}: $t(issues:bomb.{{bomb}}) ' + BOMB_TAIL,
	'file.duplicateColumns1': duplicateColumns('a column', 1),
	'file.duplicateColumns2': duplicateColumns('columns', 2),
	'file.duplicateColumns3': duplicateColumns('columns', 3),
	'file.duplicateColumnsMore': duplicateColumns('columns', 3, ' and {{more}} more'),
	'file.undecodable': {
		one: '{{name}} is marked as {{encoding}} text, but {{characters}} character in it is not valid {{encoding}} (the first on line {{line}}) and shows as “\uFFFD”. A program probably saved it in another encoding; if names or texts look wrong, export the file again from the platform.',
		other: '{{name}} is marked as {{encoding}} text, but {{characters}} characters in it are not valid {{encoding}} (the first on line {{line}}) and show as “\uFFFD”. A program probably saved it in another encoding; if names or texts look wrong, export the file again from the platform.'
	},
	'file.headersNoRows':
		'{{name}} has column names (line {{line}}) but no data rows: the export covers a period with no data. Export a longer date range.',

	// entries of a zip or workbook that are skipped on their own
	'entry.password': 'is password-protected; unzip it with the password and import the files inside.',
	'entry.compression': 'is compressed with {{method}}, which Chorus cannot unpack; unzip it yourself and import the file directly.',
	'entry.compressionMethod': 'is compressed with method {{method}}, which Chorus cannot unpack; unzip it yourself and import the file directly.',
	'entry.unpackFailed': 'is damaged inside the zip (its data cannot be unpacked); download the zip again.',
	'entry.checksum': 'is damaged inside the zip (checksum mismatch); download the zip again.',
	'entry.tooManySheets': 'was not read: Chorus reads the first {{limit}} sheets of a workbook.',
	'entry.sheetEmpty': 'is empty.',
	'entry.sheetTooLong': 'has {{rows}} rows, more than the {{limit}} Chorus reads per sheet. Split it into smaller exports (a shorter date range).',

	// what a zip does that real exports never do (file.hostileZip)
	'bomb.entryTooLarge': '{{entry}} would unpack to {{size}}, more than the {{limit}} Chorus reads per file.',
	'bomb.ratio': '{{entry}} would expand {{ratio}}× ({{compressed}} → {{size}}), which real exports never do: this looks like a zip bomb.',
	'bomb.overlap': 'its entries overlap each other, a trick zip bombs use to unpack the same data many times.',
	'bomb.total': 'its files would unpack to {{size}} in total, more than the {{limit}} Chorus unpacks from one zip.',
	'bomb.lies': '{{entry}} unpacks to more than the {{size}} its header declares: the zip is built to mislead.',

	// what a file that is not a data file is (file.looksLike, file.isOther)
	'kind.png': 'a PNG image',
	'kind.jpeg': 'a JPEG image',
	'kind.gif': 'a GIF image',
	'kind.webp': 'a WebP image',
	'kind.video': 'a video or photo (MP4/MOV/HEIC)',
	'kind.pdf': 'a PDF document',
	'kind.gzip': 'a gzip-compressed file',
	'kind.rar': 'a RAR archive',
	'kind.sevenZip': 'a 7-Zip archive',
	'kind.openDocument': 'an OpenDocument text or presentation file',
	'kind.word': 'a Word document',
	'kind.powerPoint': 'a PowerPoint presentation',
	'kind.binary': 'a binary file',
	'kind.html': 'a web page (HTML)',
	'kind.xml': 'an XML document',
	'kind.json': 'a JSON file',
	'advice.reexport': REEXPORT,
	'advice.unpack': 'Chorus opens .zip files only: unpack it first and import the files inside.',
	'advice.nul': `It contains NUL bytes (the first at byte {{byte}}), which never occur in a CSV export. ${REEXPORT}`,
	'advice.controls': `Many of its bytes are control characters, not text. ${REEXPORT}`,
	'advice.html':
		'The download probably failed, or the analytics page itself was saved. Use the platform’s Export button and import the file it downloads.',
	'advice.json':
		'Platform “download your information” archives in JSON format do not carry analytics; export the analytics as CSV or Excel instead.',

	// reading text as CSV
	'row.unclosedQuote': 'A quoted field is never closed (malformed quoting); the rest of the file cannot be read reliably.',
	'row.badQuotes': 'Malformed quoting: a quote appears inside a field that is not quoted properly.',
	'row.csvError': 'CSV could not be read here: {{detail}}.',
	'row.more': {
		one: '…and {{count}} more row with the same problem.',
		other: '…and {{count}} more rows with the same problem.'
	},

	// dates and values
	'row.dateOutside': 'Row skipped: “{{cell}}” in column “{{column}}” $t(issues:outside.{{outside}}).',
	'row.postDateOutside': "Row skipped: the post's date {{day}} $t(issues:outside.{{outside}}).",
	'outside.early': "is before {{limit}}, earlier than any social media analytics: usually a spreadsheet's empty date or a damaged cell",
	'outside.late': "is after {{limit}}, and analytics cannot cover days that have not happened: check the date in the file, and this computer's clock",
	'row.valuesLeftOut': {
		one: '{{count}} value was not a number or had no valid date and was left out.',
		other: '{{count}} values were not a number or had no valid date and were left out.'
	},
	'row.postShape': "Row skipped: the post's {{fields}} could not be read.",
	'row.dateEmpty': 'Row skipped: the “{{column}}” cell is empty.',
	'row.notDate': 'Row skipped: “{{cell}}” in column “{{column}}” is not a date.',
	'row.notNumber': '“{{cell}}” in column “{{column}}” is not a number; that value was left empty.',
	'row.implausible': '“{{cell}}” in column “{{column}}” $t(issues:implausible.{{implausible}}); that value was left empty.',
	'implausible.tooLarge': 'is too large to be a real $t(issues:metricNoun.{{metric}}) figure (more than {{limit}})',
	'implausible.negative': 'is negative, which $t(issues:metricNoun.{{metric}}) cannot be',
	...grouped('metricNoun', METRICS, (metric): Template => metricNoun(metric)),

	// columns an importer needs (unreadable results)
	'file.missingColumns': {
		one: 'This looks like $t(issues:format.{{format}}), but the column {{columns}} is missing (found: {{found}}). Export the file again from the platform without editing it, or map the columns by hand.',
		other: 'This looks like $t(issues:format.{{format}}), but the columns {{columns}} are missing (found: {{found}}). Export the file again from the platform without editing it, or map the columns by hand.'
	},
...grouped('format', FORMAT_NAMES, (text): Template => text),

	// Facebook
	'facebook.noColumns':
		'This Facebook Page Insights export has none of the columns Chorus reads (Lifetime Total Likes, Daily New Likes, Daily Unlikes, Daily Total Reach, Daily Total Impressions, Daily Page Engaged Users). Export the Page data again with “Key metrics” included.',
	'facebook.damagedId': 'Row skipped: the Post ID “{{id}}” was turned into scientific notation by a spreadsheet program, so its digits are lost.',
	'facebook.badId': 'Row skipped: “{{id}}” is not a Facebook post id.',
	'facebook.badDate': 'Row skipped: “{{cell}}” in “Posted” is not a date.',
	'facebook.mentions': {
		one: '{{count}} row about posts that mention the Page (not the Page’s own posts) was left out.',
		other: '{{count}} rows about posts that mention the Page (not the Page’s own posts) were left out.'
	},
	// LinkedIn
	'linkedin.noLink': 'Row skipped: the Post link is empty, and the file has no other id for the post.',
	'linkedin.badDate': 'Row skipped: “{{cell}}” in “{{column}}” is not a date.',
	// Meta Business Suite
	'meta.damagedId':
		'Row skipped: the Post ID “{{id}}” was turned into scientific notation by a spreadsheet program (Excel does this on open), so its digits are lost. Import the file exactly as Meta exported it.',
	'meta.noId': 'Row skipped: the Post ID cell is empty.',
	'meta.badDate': 'Row skipped: “{{cell}}” in “Publish time” is not a date.',
	'meta.unchartedMetric':
		'This Meta Business Suite daily export is for “{{title}}”, which Chorus does not chart. Chorus reads the Follows, Views, Viewers, Reach, Content interactions, Visits and Link clicks exports.',
	'meta.unchartedUnnamed':
		'This Meta Business Suite daily export is for “an unnamed metric”, which Chorus does not chart. Chorus reads the Follows, Views, Viewers, Reach, Content interactions, Visits and Link clicks exports.',
	'meta.platformUnknown':
		'The file does not say whether “{{title}}” is a Facebook or an Instagram number; it was read as Facebook. If it came from Instagram, choose Instagram for it.',
	'meta.territoryAmbiguous':
		'FollowerTopTerritories.csv is written by both Meta and TikTok with the same columns; this one was read as Meta’s. If it is TikTok’s, import the TikTok Followers zip it came in, which tells the two apart.',
	// TikTok
	'tiktok.territoryAmbiguous':
		'FollowerTopTerritories.csv is written by both TikTok and Meta with the same columns; outside its zip it was read as TikTok’s. If it came from Meta, import it from the Meta export it came in.',
	'tiktok.followerActivity':
		'FollowerActivity.csv lists when followers were online, hour by hour, for the last 7 days. Chorus charts daily numbers, so nothing was imported from it; FollowerHistory.csv in the same zip has the follower counts.',
	'tiktok.badLink': 'Row skipped: “{{link}}” is not a TikTok video link, and the file has no other id for the video.',
	'tiktok.badDate': '“{{cell}}” in “Post time” is not a date; the video was kept without a day.',
	// X
	'x.damagedId':
		'Row skipped: the post id “{{id}}” was turned into scientific notation by a spreadsheet program, so its digits are lost. Use the file exactly as X exported it.',
	'x.badId': 'Row skipped: “{{id}}” is not a post id.',
	'x.badDate': 'Row skipped: “{{cell}}” is not a date.',
	// YouTube
	'youtube.damagedId': 'Row skipped: the video id “{{id}}” was mangled by a spreadsheet program.',
	'youtube.noId': 'Row skipped: the Content (video id) cell is empty.',
	'youtube.badDate': '“{{cell}}” in “Video publish time” is not a date; the video was kept without a publish day.',
	'youtube.noKey': 'Row skipped: the “{{column}}” cell is empty.',
	'youtube.notNumber': '“{{cell}}” in column “{{column}}” is not a number.',
	'youtube.noMeasures':
		'This YouTube “{{table}}” table has no Views or Watch time column, so there is nothing to chart. Add Views to the table in YouTube Studio and export again.',
	'youtube.noMetrics':
		"None of this file's columns ({{columns}}) is a YouTube metric Chorus charts. Export a view that shows Views, Watch time, Subscribers, Impressions, Likes, Comments or Shares.",
	'youtube.unsupportedTable':
		'YouTube “{{table}}” tables are not supported. Chorus reads the Content, Date, Geography, Cities, Traffic source, Viewer age, Viewer gender, Subscription status and Device type tabs.',
	'youtube.chartData':
		'Chart data.csv only holds the items drawn in the Studio chart, so it is not the channel total and was not imported. The channel’s daily numbers come from Totals.csv in the same export; import that file (or the whole zip).',
	// breakdowns (audience by country, age…)
	'breakdown.noKey': 'Row skipped: the first cell (the category) is empty.',
	'breakdown.notNumber': '“{{cell}}” in column “{{column}}” is not a number; {{key}} was left out.',
	// not analytics at all
	'notAnalytics.takeout':
		'This is a Google Takeout file (video or channel metadata), not an analytics export: it has no views, watch time or subscribers. In YouTube Studio open Analytics → Advanced mode, then “Export current view” → “Comma-separated values (.csv)”, and import that zip.',
	'notAnalytics.mastodon':
		'This is Mastodon’s list of accounts you follow (Settings → Import and export), not analytics: it has no metrics. Mastodon and Bluesky offer no analytics export, so there is nothing to download instead; track these accounts by hand or with a tool that reads their APIs.',
	// a saved mapping applied to a file
	'mapping.invalid': 'The saved mapping “{{mapping}}” is not valid: {{detail}}',
	'mapping.headerRowMissing': 'The mapping “{{mapping}}” expects column names on row {{row}}, but the file has only {{rows}} rows.',
	'mapping.dateColumnMissing':
		'The date column “{{column}}” of the mapping “{{mapping}}” is not in this file (columns found: {{found}}). Map the file again.',
	'mapping.accountColumnMissing': 'The account column “{{column}}” is not in this file; the rows are not assigned to an account.',
	'mapping.columnMissing': 'The column “{{column}}” (mapped to $t(data:metric.{{metric}}.label)) is not in this file; it was left out.',
	'mapping.noColumns': 'None of the columns the mapping “{{mapping}}” reads are in this file (columns found: {{found}}). Map the file again.',
	'mapping.ambiguousMdy':
		'Dates such as “{{example}}” can be read two ways; Chorus read them as month/day. If that is wrong, set the date format in the mapping.',
	'mapping.ambiguousDmy':
		'Dates such as “{{example}}” can be read two ways; Chorus read them as day/month. If that is wrong, set the date format in the mapping.',
	'mapping.dateEmpty': 'Row skipped: the date (column “{{column}}”) is empty.',
	'mapping.notYmd': 'Row skipped: “{{cell}}” is not a year-month-day date, as the mapping says the column holds.',
	'mapping.notRealDate': 'Row skipped: “{{cell}}” in column “{{column}}” is not a real date.',
	'mapping.dateOutside':
		'Row skipped: the date {{day}} is outside the range analytics data can cover ({{earliest}} to {{latest}}).',
	'mapping.notNumber': '“{{cell}}” in column “{{column}}” is not a number; left empty.',
	'mapping.implausible': '“{{cell}}” in column “{{column}}” $t(issues:implausible.{{implausible}}); left empty.',
	'mapping.runningTotalDrops': 'The running total of $t(data:metric.{{metric}}.label) drops on {{day}}; that day was left empty.',
	'mapping.noRows': 'The file has column names but no data rows.'
} as const satisfies Record<string, Template>;

export type ImportMessageCode = keyof typeof IMPORT_MESSAGES;

/** The English names of things outside this table that messages nest (the data catalogue's metric names). */
export function englishOutside(key: string): string | undefined {
	const metric = /^data:metric\.(\w+)\.label$/.exec(key)?.[1];
	return metric && metric in METRICS ? METRICS[metric as MetricKey].label : undefined;
}

/** A coded message about a file: `fileMessage('file.empty', { name })`. */
export const fileMessage = messageMaker(IMPORT_MESSAGES as Record<ImportMessageCode, Template>, englishOutside);

/** A whole number as English text shows it (`12,345`): messages pass counts both raw (for plurals) and shown. */
export function shownCount(count: number): string {
	return count.toLocaleString('en-US');
}

export type { CodedMessage };

/** A coded message about a file (its values may be nested messages). */
export interface CodedText {
	message: string;
	code: string;
	params: Record<string, MessageParam>;
}

/** A coded message with flat values: what a RowIssue carries. */
export interface RowMessage {
	message: string;
	code: string;
	params: Record<string, string | number>;
}

/**
 * The sample-data generator: a fictitious company's analytics exports, as the platforms write
 * them, for "Try with sample data" and for the benchmark workspaces.
 *
 * ## Usage
 * ```ts
 * const { generateWorkspaceFiles, SAMPLE_PRESET } = await import('$lib/sample');
 * const files = await generateWorkspaceFiles({ ...SAMPLE_PRESET, endDay: todayDay() - 1 });
 * // files: { name, bytes }[], fed to the import pipeline like dropped files
 * ```
 */
import type { DayNumber } from '../domain/days';
import type { AccountRef } from '../domain/model';
import {
	accountRefOf,
	castFor,
	type AudienceSegment,
	type CastMember,
	type CastPlatform,
	type Language,
	type ProductLine,
	type Region
} from './cast';
import type { GeneratedFile, WriterContext } from './context';
import { companyEvents } from './events';
import { facebookFiles, instagramFiles } from './formats/meta';
import { linkedinFiles } from './formats/linkedin';
import { tiktokFiles } from './formats/tiktok';
import { wechatFiles } from './formats/wechat';
import { xFiles } from './formats/x';
import { youtubeFiles } from './formats/youtube';
import { randomFor } from './random';
import { postingWeights, simulateAccount, type AccountSimulation, type WorkspaceWindow } from './simulate';

export type { GeneratedFile } from './context';

export interface WorkspaceOptions {
	/** Same seed and options → byte-identical files. */
	seed: number;
	/** Number of accounts: the first N of the 40-account cast, then numbered copies of it. */
	accounts: number;
	/** Length of the history in years (fractions allowed). */
	years: number;
	/** Last day with data. */
	endDay: DayNumber;
	/**
	 * Exact number of distinct posts the files list. Without it each account posts at its natural
	 * rate. YouTube (≤ 500 rows per table) and TikTok (15 latest videos) keep their natural counts;
	 * X, LinkedIn, Facebook and Instagram accounts are scaled to make up the rest.
	 */
	postsTotal?: number;
	company?: 'contoso';
	/**
	 * Also write exports whose real name and content do not say whose data they are: X Premium's
	 * `account_overview_analytics.csv` for one account. The in-app sample leaves this off so every
	 * file imports without questions; the benchmark turns it on.
	 */
	anonymousFiles?: boolean;
}

/** Options of the in-app sample, minus the end day (the caller passes yesterday). */
export type SamplePreset = Omit<WorkspaceOptions, 'endDay'>;

export const SAMPLE_PRESET: SamplePreset = { seed: 20_240_611, accounts: 40, years: 3, company: 'contoso' };

/** The three benchmark workspaces; add `endDay` to run them. */
export const BENCHMARK_WORKSPACES = {
	small: { seed: 101, accounts: 4, years: 1, company: 'contoso', anonymousFiles: true },
	medium: { seed: 202, accounts: 40, years: 3, company: 'contoso', anonymousFiles: true },
	large: { seed: 303, accounts: 40, years: 10, postsTotal: 300_000, company: 'contoso', anonymousFiles: true }
} as const satisfies Record<string, SamplePreset>;

/**
 * The declared inventory of a sample account: what the app would otherwise ask the user for.
 * Apart from `account`, the fields are named as the app's account edits (db/queries AccountEdit).
 */
export interface SampleAccountProfile {
	/** How the files identify the account: `accountIdOf(account)` is the id the importers give it. */
	account: AccountRef;
	displayName: string;
	/** Left out (not empty) for the accounts nobody owns any more, on purpose. */
	owner?: string;
	segments: AudienceSegment[];
	productLines: ProductLine[];
	regions: Region[];
	languages: Language[];
	purpose: string;
}

export function sampleAccountProfiles(preset: Pick<SamplePreset, 'accounts'> = SAMPLE_PRESET): SampleAccountProfile[] {
	return castFor(preset.accounts).map((member) => ({
		account: accountRefOf(member),
		displayName: member.displayName,
		...(member.owner ? { owner: member.owner } : {}),
		segments: [...member.segments],
		productLines: [...member.productLines],
		regions: [member.region],
		languages: [member.language],
		purpose: member.purpose
	}));
}

const META_INSIGHTS_ZIP = /^Meta Insights - (Facebook|Instagram) - (.+) - \d{4}-\d{2}-\d{2} - \d{4}-\d{2}-\d{2}(?: \(\d+\))?\.zip$/;
const WECHAT_USER_ANALYSIS = /^(.+)_用户分析_\d{8}_\d{8}(?: \(\d+\))?\.csv$/;

/**
 * The account a sample file belongs to when its content cannot say: Meta Business Suite's daily
 * files (bundled as `Meta Insights - <Facebook|Instagram> - <page or username> - <from> - <to>.zip`)
 * and WeChat's `<account>_用户分析_<from>_<to>.csv`. Accepts the file name or a zip entry path
 * (`….zip/Follows.csv`); null for any other name. Lets the sample import set each file's account
 * without asking, as the person would in the preview.
 */
export function sampleAccountOfFile(name: string): AccountRef | null {
	const outer = name.includes('.zip/') ? name.slice(0, name.indexOf('.zip/') + 4) : name;
	const meta = META_INSIGHTS_ZIP.exec(outer);
	if (meta) return meta[1] === 'Facebook' ? { platform: 'facebook', displayName: meta[2] } : { platform: 'instagram', handle: meta[2] };
	const wechat = WECHAT_USER_ANALYSIS.exec(outer);
	if (wechat) return { platform: 'wechat', displayName: wechat[1] };
	return null;
}

const WRITERS: Record<CastPlatform, (context: WriterContext, sim: AccountSimulation) => GeneratedFile[]> = {
	x: xFiles,
	linkedin: linkedinFiles,
	youtube: youtubeFiles,
	facebook: facebookFiles,
	instagram: instagramFiles,
	tiktok: tiktokFiles,
	wechat: wechatFiles
};

/** Posts that the exports of these platforms list, whatever the account publishes. */
const VISIBLE_POST_CAP: Partial<Record<CastPlatform, number>> = { youtube: 500, tiktok: 15, wechat: 0 };

function validate(options: WorkspaceOptions): void {
	const problems: string[] = [];
	if (!Number.isInteger(options.seed)) problems.push('seed must be an integer');
	if (!Number.isInteger(options.accounts) || options.accounts < 1) problems.push('accounts must be a whole number ≥ 1');
	if (!(options.years > 0) || options.years > 30) problems.push('years must be between 0 and 30');
	if (!Number.isInteger(options.endDay)) problems.push('endDay must be a DayNumber (whole days since 1970-01-01)');
	if (options.postsTotal !== undefined && (!Number.isInteger(options.postsTotal) || options.postsTotal < 0)) {
		problems.push('postsTotal must be a whole number ≥ 0');
	}
	if (options.company !== undefined && options.company !== 'contoso') problems.push("company must be 'contoso'");
	if (problems.length > 0) throw new RangeError(`Invalid sample workspace options: ${problems.join('; ')}.`);
}

export function workspaceWindow(years: number, endDay: DayNumber): WorkspaceWindow {
	const length = Math.max(1, Math.round(years * 365.25));
	return { start: endDay - length + 1, end: endDay, length };
}

/** Post counts per account: natural, or scaled so the files list exactly `postsTotal` posts. */
function postCounts(members: readonly CastMember[], weights: readonly Float64Array[], postsTotal: number | undefined): number[] {
	const natural = weights.map((series) => series.reduce((sum, weight) => sum + weight, 0));
	if (postsTotal === undefined) return natural.map((count) => Math.round(count));
	const counts = members.map(() => 0);
	let fixedVisible = 0;
	let scalableNatural = 0;
	members.forEach((member, i) => {
		const cap = VISIBLE_POST_CAP[member.platform];
		if (cap === undefined) {
			scalableNatural += natural[i];
			return;
		}
		counts[i] = Math.round(natural[i]);
		fixedVisible += Math.min(cap, counts[i]);
	});
	const remaining = Math.max(0, postsTotal - fixedVisible);
	if (scalableNatural <= 0) return counts;
	// largest-remainder rounding keeps the total exact
	const shares = members.map((member, i) => (VISIBLE_POST_CAP[member.platform] === undefined ? (remaining * natural[i]) / scalableNatural : 0));
	let assigned = 0;
	shares.forEach((share, i) => {
		if (VISIBLE_POST_CAP[members[i].platform] !== undefined) return;
		counts[i] = Math.floor(share);
		assigned += counts[i];
	});
	const order = shares
		.map((share, i) => ({ i, remainder: share - Math.floor(share) }))
		.filter(({ i }) => VISIBLE_POST_CAP[members[i].platform] === undefined && natural[i] > 0)
		.sort((a, b) => b.remainder - a.remainder || a.i - b.i);
	for (let k = 0; k < remaining - assigned && order.length > 0; k++) counts[order[k % order.length].i]++;
	return counts;
}

/** Browsers save a second download of the same name as `name (1).ext`. */
function withUniqueNames(files: GeneratedFile[]): GeneratedFile[] {
	const seen = new Map<string, number>();
	return files.map((file) => {
		const count = seen.get(file.name) ?? 0;
		seen.set(file.name, count + 1);
		if (count === 0) return file;
		const dot = file.name.lastIndexOf('.');
		return { name: `${file.name.slice(0, dot)} (${count})${file.name.slice(dot)}`, bytes: file.bytes };
	});
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Every export file of a synthetic workspace, in a fixed order. Async so a caller on the main
 * thread stays responsive: it yields between accounts.
 */
export async function generateWorkspaceFiles(options: WorkspaceOptions): Promise<GeneratedFile[]> {
	validate(options);
	const window = workspaceWindow(options.years, options.endDay);
	const events = companyEvents(window.start, window.end);
	const members = castFor(options.accounts);
	const weights = members.map((member) => postingWeights(member, window, events));
	const counts = postCounts(members, weights, options.postsTotal);

	const simulations = new Map<string, AccountSimulation>();
	const context: WriterContext = {
		seed: options.seed,
		window,
		simulations,
		anonymousFiles: options.anonymousFiles ?? false,
		overviewAccountKey: members.find((member) => member.platform === 'x')?.key ?? null
	};
	const files: GeneratedFile[] = [];
	for (let i = 0; i < members.length; i++) {
		const member = members[i];
		const simulation = simulateAccount({
			member,
			window,
			events,
			postCount: counts[i],
			weights: weights[i],
			copySource: member.copiesFrom ? simulations.get(member.copiesFrom) : undefined,
			random: {
				followers: randomFor(options.seed, member.key, 'followers'),
				posts: randomFor(options.seed, member.key, 'posts'),
				daily: randomFor(options.seed, member.key, 'daily')
			}
		});
		simulations.set(member.key, simulation);
		files.push(...WRITERS[member.platform](context, simulation));
		await yieldToEventLoop();
	}
	return withUniqueNames(files);
}

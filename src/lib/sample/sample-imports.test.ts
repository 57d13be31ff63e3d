/**
 * The in-app sample through the real import pipeline: every file recognised, no error issues,
 * and the 40 cast accounts coming out under the ids sampleAccountProfiles names.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { accountIdOf, type AccountRef, type ParsedFile } from '../domain/model';
import { dayFromISO } from '../domain/days';
import { importers } from '../importers';
import { readFiles, type FileOutcome } from '../importers/pipeline';
import { generateWorkspaceFiles, SAMPLE_PRESET, sampleAccountOfFile, sampleAccountProfiles, type GeneratedFile } from './index';

const END_DAY = dayFromISO('2025-11-25')!;
// the import happens the day after the last day of data (TikTok dates carry no year)
const NOW = new Date(Date.UTC(2025, 10, 26, 10, 0, 0));

let files: GeneratedFile[] = [];
let outcomes: FileOutcome[] = [];

beforeAll(async () => {
	files = await generateWorkspaceFiles({ ...SAMPLE_PRESET, endDay: END_DAY });
	outcomes = await readFiles(files, { registry: importers, now: NOW });
}, 600_000);

function parsedTables(): { outcome: FileOutcome; parsed: ParsedFile }[] {
	return outcomes.flatMap((outcome) => (outcome.outcome === 'parsed' ? outcome.parsed.map((parsed) => ({ outcome, parsed })) : []));
}

function refsOf(parsed: ParsedFile): (AccountRef | null)[] {
	return [parsed.account, ...parsed.series.map((entry) => entry.account), ...parsed.posts.map((post) => post.account)];
}

describe('the in-app sample through the import pipeline', () => {
	it('recognises every file and every table in it, with no error issues', () => {
		expect(outcomes).toHaveLength(files.length);
		const problems: string[] = [];
		for (const outcome of outcomes) {
			if (outcome.outcome !== 'parsed') {
				problems.push(`${outcome.name}: ${outcome.outcome}: ${outcome.message}`);
				continue;
			}
			for (const table of outcome.unrecognised) problems.push(`${outcome.name}: no importer for ${table.table.fileName}`);
			for (const skipped of outcome.skipped) problems.push(`${outcome.name}: skipped ${skipped.entry}: ${skipped.reason}`);
		}
		for (const { parsed } of parsedTables()) {
			for (const issue of parsed.issues) if (issue.severity === 'error') problems.push(`${parsed.fileName}:${issue.line ?? ''} ${issue.message}`);
			if (parsed.rowCount === 0) problems.push(`${parsed.fileName}: no data rows read`);
		}
		expect(problems).toEqual([]);
	});

	it('reads the formats the sample is made of', () => {
		const formats = new Set(parsedTables().map(({ parsed }) => parsed.format));
		for (const format of ['x-tweet-activity', 'x-daily-tweet-activity', 'x-account-content', 'youtube-table-data', 'facebook-page-insights', 'meta-facebook-posts', 'meta-facebook-daily', 'meta-instagram-posts', 'meta-instagram-daily', 'linkedin-new-followers', 'linkedin-content-posts', 'tiktok-overview', 'tiktok-follower-history', 'wechat-user-analysis']) {
			expect(formats, format).toContain(format);
		}
	});

	it('yields exactly the 40 cast accounts, naming the anonymous files’ accounts from their names', () => {
		const ids = new Set<string>();
		const needName = new Set<string>();
		for (const { outcome, parsed } of parsedTables()) {
			for (const ref of refsOf(parsed)) {
				const own = ref ? accountIdOf(ref) : null;
				if (own) {
					ids.add(own);
					continue;
				}
				// Meta Business Suite daily files and WeChat downloads name no account in their content
				const named = sampleAccountOfFile(outcome.name);
				expect(named, `${parsed.fileName} names no account`).not.toBeNull();
				ids.add(accountIdOf(named!)!);
				needName.add(parsed.format);
			}
		}
		const profileIds = sampleAccountProfiles(SAMPLE_PRESET).map((profile) => accountIdOf(profile.account)!);
		expect([...ids].sort()).toEqual([...profileIds].sort());
		expect([...needName].every((format) => ['meta-facebook-daily', 'meta-instagram-daily', 'wechat-user-analysis'].includes(format))).toBe(true);
	});

	it('puts posts, daily series and audience breakdowns in', () => {
		const tables = parsedTables().map(({ parsed }) => parsed);
		const posts = tables.reduce((sum, parsed) => sum + parsed.posts.length, 0);
		expect(posts).toBeGreaterThan(10_000);
		expect(tables.some((parsed) => parsed.breakdowns.some((breakdown) => breakdown.dimension === 'industry'))).toBe(true);
		expect(tables.some((parsed) => parsed.platform === 'youtube' && parsed.breakdowns.length > 0)).toBe(true);
		const metrics = new Set(tables.flatMap((parsed) => parsed.series.map((entry) => entry.metric)));
		for (const metric of ['followers', 'followers_gained', 'impressions', 'views', 'engagements'] as const) expect(metrics).toContain(metric);
	});
});

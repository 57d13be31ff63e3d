/**
 * Builders for board tests: small hand-made accounts, and a deterministic synthetic portfolio for
 * timing tests. Only test files import this module.
 */
import { dayFromISO, type DayNumber } from '../days';
import type { MetricKey } from '../metrics';
import { PLATFORMS, type BreakdownDimension, type Platform } from '../model';
import type { AccountInput, BoardAccount, BoardBreakdown, BoardPost, BoardSeries } from './types';

export function day(iso: string): DayNumber {
	const value = dayFromISO(iso);
	if (value === null) throw new Error(`not a date: ${iso}`);
	return value;
}

export function makeAccount(overrides: Partial<BoardAccount> & { id: string }): BoardAccount {
	const [platform, handle] = overrides.id.includes(':') ? overrides.id.split(':', 2) : ['linkedin', overrides.id];
	return {
		platform: (PLATFORMS as readonly string[]).includes(platform) ? (platform as Platform) : 'other',
		handle,
		displayName: handle,
		url: '',
		owner: 'Dana Owner',
		admins: [],
		segments: [],
		productLines: [],
		regions: [],
		languages: [],
		purpose: '',
		notes: '',
		...overrides
	};
}

/** null entries become NaN (a day without data). */
export function makeSeries(metric: MetricKey, startDay: DayNumber, values: (number | null)[]): BoardSeries {
	return { metric, startDay, values: Float64Array.from(values, (value) => (value === null ? NaN : value)) };
}

export function constantSeries(metric: MetricKey, startDay: DayNumber, length: number, value: number): BoardSeries {
	return { metric, startDay, values: new Float64Array(length).fill(value) };
}

let postCounter = 0;

export function makePost(postDay: DayNumber | null, metrics: BoardPost['metrics'] = {}, text = ''): BoardPost {
	postCounter++;
	return { postId: `p${postCounter}`, day: postDay, text: text || `post number ${postCounter}`, metrics };
}

export function makeBreakdown(
	dimension: BreakdownDimension,
	entries: Record<string, number>,
	options: { unit?: 'count' | 'share'; asOf?: DayNumber; measure?: string } = {}
): BoardBreakdown {
	return {
		dimension,
		asOf: options.asOf ?? day('2026-11-01'),
		unit: options.unit ?? 'share',
		measure: options.measure ?? 'followers',
		entries: Object.entries(entries).map(([key, value]) => ({ key, value }))
	};
}

export function makeInput(
	account: Partial<BoardAccount> & { id: string },
	parts: Partial<Omit<AccountInput, 'account'>> = {}
): AccountInput {
	return { account: makeAccount(account), series: parts.series ?? [], posts: parts.posts ?? [], breakdowns: parts.breakdowns ?? [] };
}

/** Mulberry32: a tiny seeded generator, so synthetic portfolios are the same on every run. */
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

const COUNTRIES = ['DE', 'US', 'FR', 'GB', 'JP', 'IN', 'BR', 'ES', 'IT', 'NL', 'PL', 'SE', 'CA', 'AU', 'MX'];
const INDUSTRIES = ['Manufacturing', 'Retail', 'Software', 'Finance', 'Healthcare', 'Education', 'Logistics', 'Energy'];
const FUNCTIONS = ['Engineering', 'Finance', 'Operations', 'Sales', 'Marketing', 'IT', 'Human Resources'];
const SEGMENTS = ['SMB', 'Enterprise', 'Developers', 'Partners', 'Public sector', 'Students'];
const LANGUAGES = ['en', 'de', 'fr', 'ja', 'es'];

function pickSome<T>(random: () => number, items: readonly T[], count: number): T[] {
	const pool = [...items];
	const chosen: T[] = [];
	while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(Math.floor(random() * pool.length), 1)[0]);
	return chosen;
}

function randomShares(random: () => number, keys: readonly string[], count: number): Record<string, number> {
	const chosen = pickSome(random, keys, count);
	const weights = chosen.map(() => 0.2 + random());
	const total = weights.reduce((sum, weight) => sum + weight, 0);
	return Object.fromEntries(chosen.map((key, index) => [key, weights[index] / total]));
}

/**
 * A portfolio like the one in the story behind Chorus: `count` accounts on several platforms, a year
 * of daily followers, impressions and engagements, some dormant, with audience breakdowns.
 */
export function makePortfolio(count: number, today: DayNumber, seed = 7): AccountInput[] {
	const random = seededRandom(seed);
	const platforms: Platform[] = ['linkedin', 'x', 'youtube', 'facebook', 'instagram', 'tiktok', 'blog', 'weibo', 'wechat'];
	const inputs: AccountInput[] = [];
	for (let index = 0; index < count; index++) {
		const platform = platforms[index % platforms.length];
		const dormant = random() < 0.3;
		const days = 365;
		const startDay = today - days + 1;
		const audience = Math.round(200 + random() ** 2 * 50_000);
		const followers = new Float64Array(days);
		const impressions = new Float64Array(days);
		const engagements = new Float64Array(days);
		const postsPublished = new Float64Array(days);
		for (let offset = 0; offset < days; offset++) {
			const active = !dormant || offset < 100;
			followers[offset] = Math.round(audience * (0.8 + (0.2 * offset) / days));
			postsPublished[offset] = active && random() < 0.3 ? 1 : 0;
			impressions[offset] = active ? Math.round(audience * (0.05 + random() * 0.1)) : 0;
			engagements[offset] = Math.round(impressions[offset] * (0.01 + random() * 0.03));
		}
		const posts: BoardPost[] = [];
		for (let offset = 0; offset < days; offset++) {
			if (postsPublished[offset] > 0) posts.push(makePost(startDay + offset, { engagements: engagements[offset] }));
		}
		const breakdowns: BoardBreakdown[] = [
			makeBreakdown('country', randomShares(random, COUNTRIES, 5), { asOf: today - 20 })
		];
		if (platform === 'linkedin') {
			breakdowns.push(makeBreakdown('industry', randomShares(random, INDUSTRIES, 4), { asOf: today - 20 }));
			breakdowns.push(makeBreakdown('job_function', randomShares(random, FUNCTIONS, 4), { asOf: today - 20 }));
		}
		inputs.push({
			account: makeAccount({
				id: `${platform}:account${index}`,
				owner: random() < 0.15 ? '' : `Owner ${index % 12}`,
				segments: pickSome(random, SEGMENTS, 1 + Math.floor(random() * 3)),
				regions: pickSome(random, COUNTRIES, 1 + Math.floor(random() * 2)),
				languages: pickSome(random, LANGUAGES, 1)
			}),
			series: [
				{ metric: 'followers', startDay, values: followers },
				{ metric: 'impressions', startDay, values: impressions },
				{ metric: 'engagements', startDay, values: engagements },
				{ metric: 'posts_published', startDay, values: postsPublished }
			],
			posts,
			breakdowns
		});
	}
	return inputs;
}

/**
 * The unique-reach ESTIMATE: what part of an account's audience the kept accounts do not reach.
 *
 * Exports carry audience shares by category (countries, industries, job functions, …), never the
 * people themselves, so this is an estimate with a range, never a count of individuals.
 *
 * Method
 * 1. Profile: per family of categories (country, industry, …) each account gets a distribution:
 *    breakdown counts become shares; breakdown shares are used as given (percentages divided by 100);
 *    entries such as "Other", and the part a top-N list leaves out, are `unlisted` — audience whose
 *    category is unknown. Declared segments / regions / languages become a uniform distribution over
 *    the declared values; a measured breakdown replaces the declared values of the same family.
 * 2. Coverage of A's category i by the kept set K, in A's audience units (scale_k = N_k ÷ N_A, or 1
 *    when a size is unknown): coverSum_i = Σ_k scale_k·q_k,i and coverMax_i = max_k scale_k·q_k,i.
 *    A kept account that reaches at least as many people of that kind as A does covers the category.
 * 3. Unique share on one family: low = Σ_i max(0, p_i − coverSum_i) (the kept audiences are different
 *    people from one another, so they add up); high = Σ_i max(0, p_i − coverMax_i) + unlisted (they
 *    are the same people, so only the best one counts, and every unlisted category is unique);
 *    mid = the midpoint of the listed low and high, scaled up as if the unlisted part behaved like the
 *    listed part.
 * 4. Data quality widens the range: declared data ±0.15, breakdowns older than 12 months ±0.10,
 *    older than 24 months ±0.20 (on the worst profile involved), clamped to 0..1.
 * 5. Families are combined by averaging low, mid and high over the families where both A and at least
 *    one kept account have a profile. Age and gender are left out by default: they split almost every
 *    audience alike, and would make every account look covered.
 *
 * The overlap of two accounts on a family is the histogram intersection Σ_i min(p_i, q_i): the
 * fraction of A's audience profile that B's profile also covers (symmetric, as both sum to 1).
 */
import type { DayNumber } from '../days';
import type { BreakdownDimension } from '../model';
import { FAMILY_LABELS, categoryOf, familyOfDimension, isUnknownCategory, isWorldwide, type ReachFamily } from './categories';
import { accountLabel, formatCountRange, formatPercent, formatPercentRange, joinWords } from './format';
import { columnOf, type BoardAccount, type BoardBreakdown, type DecisionMap, type Range } from './types';

export const REACH_METHOD_TEXT =
	'Unique reach is an estimate, not a count. The exports give audience shares by category (country, ' +
	'industry, job function, seniority, company size, language), never the people, so Chorus compares ' +
	'audience profiles. For each category an account reaches, it asks whether the accounts in Keep reach ' +
	'at least as many people of that kind; whatever they do not is counted as unique. Declared segments, ' +
	'regions and languages are used as an even spread over the declared values when no export measures ' +
	'them. The range is wide on purpose: how many people follow several accounts cannot be known from ' +
	'aggregate exports, so the low end assumes the kept accounts reach different people from one another ' +
	'and the high end assumes they reach the same people; categories an export leaves out ("Other", ' +
	'top-10 lists) count as unique only at the high end. The range widens further for declared data and ' +
	'for breakdowns older than 12 months. Families of categories are averaged. Overlap between two ' +
	'accounts is the share of their audience profiles that matches, category by category.';

export type ProfileSource = 'measured' | 'declared';

export interface Distribution {
	family: ReachFamily;
	source: ProfileSource;
	/** The breakdown dimension, or the declared field it came from. */
	origin: BreakdownDimension | 'segments' | 'regions' | 'languages';
	asOf: DayNumber | null;
	measure?: string;
	/** Canonical category key → share of the whole audience. */
	shares: Map<string, number>;
	/** Share of the audience in categories the data does not name ("Other", entries cut from a top-N list). */
	unlisted: number;
	labels: Map<string, string>;
}

export interface AudienceProfile {
	accountId: string;
	measured: Partial<Record<ReachFamily, Distribution>>;
	declared: Partial<Record<ReachFamily, Distribution>>;
}

export function distributionFromBreakdown(breakdown: BoardBreakdown): Distribution | null {
	const family = familyOfDimension(breakdown.dimension);
	if (!family) return null;
	const valid = breakdown.entries.filter((entry) => Number.isFinite(entry.value) && entry.value > 0);
	if (valid.length === 0) return null;
	// Instagram and YouTube give percentages, TikTok fractions: any value above 1 means percent
	const percent = breakdown.unit === 'share' && valid.some((entry) => entry.value > 1);
	const values = valid.map((entry) => (percent ? entry.value / 100 : entry.value));
	const total = values.reduce((sum, value) => sum + value, 0);
	// counts are complete by construction; shares above 1 in sum are rounding or multi-valued answers
	const scale = breakdown.unit === 'count' || total > 1 ? 1 / total : 1;
	const shares = new Map<string, number>();
	const labels = new Map<string, string>();
	let unlisted = breakdown.unit === 'count' || total > 1 ? 0 : 1 - total;
	valid.forEach((entry, index) => {
		const share = values[index] * scale;
		if (isUnknownCategory(entry.key)) {
			unlisted += share;
			return;
		}
		const category = categoryOf(family, entry.key);
		shares.set(category.key, (shares.get(category.key) ?? 0) + share);
		if (!labels.has(category.key)) labels.set(category.key, category.label);
	});
	if (shares.size === 0) return null;
	return {
		family,
		source: 'measured',
		origin: breakdown.dimension,
		asOf: breakdown.asOf,
		measure: breakdown.measure,
		shares,
		unlisted: Math.max(0, Math.min(1, unlisted)),
		labels
	};
}

export function declaredDistribution(
	family: ReachFamily,
	origin: 'segments' | 'regions' | 'languages',
	values: readonly string[]
): Distribution | null {
	const labels = new Map<string, string>();
	for (const value of values) {
		if (isUnknownCategory(value) || (origin === 'regions' && isWorldwide(value))) continue;
		const category = categoryOf(family, value);
		if (!labels.has(category.key)) labels.set(category.key, category.label);
	}
	if (labels.size === 0) return null;
	const share = 1 / labels.size;
	return {
		family,
		source: 'declared',
		origin,
		asOf: null,
		shares: new Map([...labels.keys()].map((key) => [key, share])),
		unlisted: 0,
		labels
	};
}

const FOLLOWER_MEASURE = /follow|subscri|fan|member/i;

/** An account's profile: the newest breakdown per family (followers before views), and its declared values. */
export function buildAudienceProfile(account: BoardAccount, breakdowns: readonly BoardBreakdown[]): AudienceProfile {
	const measured: AudienceProfile['measured'] = {};
	const ranked = [...breakdowns].sort(
		(a, b) =>
			b.asOf - a.asOf ||
			Number(FOLLOWER_MEASURE.test(b.measure ?? '')) - Number(FOLLOWER_MEASURE.test(a.measure ?? '')) ||
			Number(b.dimension === 'country') - Number(a.dimension === 'country')
	);
	for (const breakdown of ranked) {
		const family = familyOfDimension(breakdown.dimension);
		if (!family || measured[family]) continue;
		const distribution = distributionFromBreakdown(breakdown);
		if (distribution) measured[family] = distribution;
	}
	const declared: AudienceProfile['declared'] = {};
	const segments = declaredDistribution('segment', 'segments', account.segments);
	const regions = declaredDistribution('geography', 'regions', account.regions);
	const languages = declaredDistribution('language', 'languages', account.languages);
	if (segments) declared.segment = segments;
	if (regions) declared.geography = regions;
	if (languages) declared.language = languages;
	return { accountId: account.id, measured, declared };
}

export interface ReachOptions {
	/** Families compared (default: all but age and gender). */
	families?: readonly ReachFamily[];
	declaredMargin?: number;
	staleMargin?: number;
	veryStaleMargin?: number;
	/** A category enters topUniqueSegments when at least this share of the audience is uncovered. */
	minUniqueSegmentShare?: number;
}

export const DEFAULT_REACH_FAMILIES: readonly ReachFamily[] = [
	'segment',
	'geography',
	'region',
	'city',
	'language',
	'industry',
	'job_function',
	'seniority',
	'company_size'
];

interface PreparedDistribution {
	source: ProfileSource;
	origin: Distribution['origin'];
	asOf: DayNumber | null;
	/** Category indexes within the family, and the shares at those indexes. */
	indexes: Int32Array;
	shares: Float64Array;
	/** Share by family category index (zero where the account has none). */
	dense: Float64Array;
	unlisted: number;
	listed: number;
	/** The part of the range this profile alone adds (declared data, age). */
	margin: number;
	stale: boolean;
}

interface FamilyIndex {
	family: ReachFamily;
	keys: string[];
	labels: string[];
}

/** Everything about the audiences that does not depend on the decisions, prepared once. */
export interface ReachModel {
	today: DayNumber;
	accountIds: string[];
	indexOf: Map<string, number>;
	/** By account index; NaN where unknown. */
	audience: Float64Array;
	families: FamilyIndex[];
	/** [account index][family index]: the profile used (measured, else declared). */
	profiles: (PreparedDistribution | undefined)[][];
	/** [account index][family index]: the declared values, kept for the coverage matrix. */
	declared: (PreparedDistribution | undefined)[][];
	options: Required<ReachOptions>;
}

export function prepareReach(
	profiles: readonly AudienceProfile[],
	audience: Readonly<Record<string, number | null | undefined>>,
	today: DayNumber,
	options: ReachOptions = {}
): ReachModel {
	const settings: Required<ReachOptions> = {
		families: options.families ?? DEFAULT_REACH_FAMILIES,
		declaredMargin: options.declaredMargin ?? 0.15,
		staleMargin: options.staleMargin ?? 0.1,
		veryStaleMargin: options.veryStaleMargin ?? 0.2,
		minUniqueSegmentShare: options.minUniqueSegmentShare ?? 0.02
	};
	const accountIds = profiles.map((profile) => profile.accountId);
	const indexOf = new Map(accountIds.map((id, index) => [id, index]));
	const families: FamilyIndex[] = settings.families.map((family) => ({ family, keys: [], labels: [] }));
	const keyIndexes = families.map(() => new Map<string, number>());

	const register = (familyIndex: number, distribution: Distribution) => {
		for (const key of distribution.shares.keys()) {
			if (keyIndexes[familyIndex].has(key)) continue;
			keyIndexes[familyIndex].set(key, families[familyIndex].keys.length);
			families[familyIndex].keys.push(key);
			families[familyIndex].labels.push(distribution.labels.get(key) ?? key);
		}
	};
	profiles.forEach((profile) =>
		families.forEach(({ family }, familyIndex) => {
			const measured = profile.measured[family];
			const declared = profile.declared[family];
			if (measured) register(familyIndex, measured);
			if (declared) register(familyIndex, declared);
		})
	);

	const prepare = (familyIndex: number, distribution: Distribution | undefined): PreparedDistribution | undefined => {
		if (!distribution) return undefined;
		const keys = [...distribution.shares.keys()];
		const indexes = Int32Array.from(keys, (key) => keyIndexes[familyIndex].get(key)!);
		const shares = Float64Array.from(keys, (key) => distribution.shares.get(key)!);
		const dense = new Float64Array(families[familyIndex].keys.length);
		indexes.forEach((index, position) => (dense[index] = shares[position]));
		const ageDays = distribution.asOf === null ? 0 : today - distribution.asOf;
		let margin = distribution.source === 'declared' ? settings.declaredMargin : 0;
		if (ageDays > 730) margin += settings.veryStaleMargin;
		else if (ageDays > 365) margin += settings.staleMargin;
		return {
			source: distribution.source,
			origin: distribution.origin,
			asOf: distribution.asOf,
			indexes,
			shares,
			dense,
			unlisted: distribution.unlisted,
			listed: shares.reduce((sum, share) => sum + share, 0),
			margin,
			stale: ageDays > 365
		};
	};

	return {
		today,
		accountIds,
		indexOf,
		audience: Float64Array.from(accountIds, (id) => {
			const value = audience[id];
			return value === null || value === undefined || !Number.isFinite(value) || value <= 0 ? NaN : value;
		}),
		families,
		profiles: profiles.map((profile) =>
			families.map(({ family }, familyIndex) =>
				prepare(familyIndex, profile.measured[family] ?? profile.declared[family])
			)
		),
		declared: profiles.map((profile) =>
			families.map(({ family }, familyIndex) => prepare(familyIndex, profile.declared[family]))
		),
		options: settings
	};
}

export interface FamilyBasis {
	family: ReachFamily;
	label: string;
	source: ProfileSource;
	origin: Distribution['origin'];
	asOf: DayNumber | null;
	stale: boolean;
	/** Kept accounts with a profile in this family, and without one. */
	keptWithData: number;
	keptWithoutData: number;
	/** True when an audience size was unknown and accounts were taken to be the same size. */
	sizesAssumed: boolean;
	/** This family's estimate; null when it could not be compared (no kept account has data). */
	uniqueShare: Range | null;
}

export interface UniqueSegment {
	family: ReachFamily;
	key: string;
	label: string;
	source: ProfileSource;
	/** Share of the account's audience in this category. */
	share: number;
	/** Share of the account's audience in this category that the kept accounts do not cover (midpoint). */
	uncovered: number;
}

export type Confidence = 'low' | 'medium' | 'high';

export interface UniqueReachEstimate {
	accountId: string;
	/** The kept accounts it was compared with. */
	against: string[];
	status: 'estimated' | 'nothing-kept' | 'no-data';
	uniqueShare: Range | null;
	/** uniqueShare × audience size; null when the size is unknown. */
	uniqueAudience: Range | null;
	basis: FamilyBasis[];
	notes: string[];
	confidence: Confidence;
	topUniqueSegments: UniqueSegment[];
}

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

function scaleRange(range: Range, factor: number): Range {
	return { low: range.low * factor, mid: range.mid * factor, high: range.high * factor };
}

/**
 * Unique reach of one account against a set of kept accounts (the account itself is ignored if it is
 * in the set). Cheap enough to run for every account each time a card moves.
 */
export function estimateUniqueReach(model: ReachModel, accountId: string, keptIds: Iterable<string>): UniqueReachEstimate {
	const self = model.indexOf.get(accountId);
	const kept: number[] = [];
	for (const id of keptIds) {
		const index = model.indexOf.get(id);
		if (index !== undefined && index !== self && !kept.includes(index)) kept.push(index);
	}
	const against = kept.map((index) => model.accountIds[index]);
	const size = self === undefined ? NaN : model.audience[self];
	const ownProfiles = self === undefined ? [] : model.profiles[self];
	const result: UniqueReachEstimate = {
		accountId,
		against,
		status: 'no-data',
		uniqueShare: null,
		uniqueAudience: null,
		basis: [],
		notes: [],
		confidence: 'low',
		topUniqueSegments: []
	};

	if (kept.length === 0) {
		result.status = 'nothing-kept';
		result.uniqueShare = { low: 1, mid: 1, high: 1 };
		result.uniqueAudience = Number.isNaN(size) ? null : { low: size, mid: size, high: size };
		result.confidence = 'high';
		result.notes.push('No account is in Keep yet, so everything this account reaches counts as unique for now.');
		const segments: UniqueSegment[] = [];
		ownProfiles.forEach((profile, familyIndex) => {
			if (!profile) return;
			profile.indexes.forEach((index, position) =>
				segments.push(segmentOf(model, familyIndex, index, profile.source, profile.shares[position], profile.shares[position]))
			);
		});
		result.topUniqueSegments = topSegments(segments, model.options.minUniqueSegmentShare);
		return result;
	}

	const segments: UniqueSegment[] = [];
	const used: Range[] = [];
	let measuredFresh = 0;
	let anyMeasured = false;
	let anySizesAssumed = false;
	const keptWithoutAnyData = kept.filter((index) => model.profiles[index].every((profile) => !profile));

	ownProfiles.forEach((profile, familyIndex) => {
		if (!profile) return;
		const family = model.families[familyIndex].family;
		const withData = kept.filter((index) => model.profiles[index][familyIndex]);
		const basis: FamilyBasis = {
			family,
			label: FAMILY_LABELS[family],
			source: profile.source,
			origin: profile.origin,
			asOf: profile.asOf,
			stale: profile.stale,
			keptWithData: withData.length,
			keptWithoutData: kept.length - withData.length,
			sizesAssumed: false,
			uniqueShare: null
		};
		result.basis.push(basis);
		// with no kept profile in this family, "not covered" would only mean "not measured"
		if (withData.length === 0 || profile.listed <= 0) return;

		const scales = withData.map((index) => {
			const keptSize = model.audience[index];
			if (Number.isNaN(size) || Number.isNaN(keptSize)) {
				basis.sizesAssumed = true;
				return 1;
			}
			return keptSize / size;
		});
		let uniqueLow = 0;
		let uniqueHigh = 0;
		let margin = profile.margin;
		let allFresh = profile.source === 'measured' && !profile.stale;
		for (const index of withData) {
			const other = model.profiles[index][familyIndex]!;
			margin = Math.max(margin, other.margin);
			if (other.source !== 'measured' || other.stale) allFresh = false;
		}
		for (let position = 0; position < profile.indexes.length; position++) {
			const category = profile.indexes[position];
			const share = profile.shares[position];
			let coverSum = 0;
			let coverMax = 0;
			for (let k = 0; k < withData.length; k++) {
				const cover = scales[k] * model.profiles[withData[k]][familyIndex]!.dense[category];
				coverSum += cover;
				if (cover > coverMax) coverMax = cover;
			}
			const uncoveredLow = Math.max(0, share - coverSum);
			const uncoveredHigh = Math.max(0, share - coverMax);
			uniqueLow += uncoveredLow;
			uniqueHigh += uncoveredHigh;
			segments.push(segmentOf(model, familyIndex, category, profile.source, share, (uncoveredLow + uncoveredHigh) / 2));
		}
		const range: Range = {
			low: clamp01(uniqueLow - margin),
			mid: clamp01((uniqueLow + uniqueHigh) / 2 / profile.listed),
			high: clamp01(uniqueHigh + profile.unlisted + margin)
		};
		basis.uniqueShare = range;
		used.push(range);
		if (basis.sizesAssumed) anySizesAssumed = true;
		if (profile.source === 'measured') anyMeasured = true;
		if (allFresh) measuredFresh++;
	});

	if (keptWithoutAnyData.length > 0) {
		result.notes.push(
			`${keptWithoutAnyData.length} of the ${kept.length} kept accounts have no audience data or declared segments, so their reach is not counted.`
		);
	}
	if (used.length === 0) {
		result.notes.push(
			result.basis.length === 0
				? 'This account has no audience breakdowns and no declared segments, regions or languages.'
				: 'No kept account has audience data in the same categories as this account.'
		);
		return result;
	}

	const average = (pick: (range: Range) => number) => used.reduce((sum, range) => sum + pick(range), 0) / used.length;
	const uniqueShare: Range = { low: average((r) => r.low), mid: average((r) => r.mid), high: average((r) => r.high) };
	result.status = 'estimated';
	result.uniqueShare = uniqueShare;
	result.uniqueAudience = Number.isNaN(size) ? null : scaleRange(uniqueShare, size);
	result.topUniqueSegments = topSegments(segments, model.options.minUniqueSegmentShare);
	const width = uniqueShare.high - uniqueShare.low;
	result.confidence =
		!anyMeasured || width > 0.5 ? 'low' : measuredFresh >= 2 && !anySizesAssumed && width <= 0.3 ? 'high' : 'medium';

	if (!anyMeasured) result.notes.push('Based on declared segments, regions or languages only: a guess, not a measurement.');
	if (result.basis.some((basis) => basis.stale && basis.uniqueShare)) {
		result.notes.push('Some audience breakdowns are more than 12 months old; the range is wider for that.');
	}
	if (anySizesAssumed) {
		result.notes.push('Some audience sizes are unknown; those accounts were taken to be the same size as this one.');
	}
	result.notes.push(
		'How many people follow several of these accounts cannot be known from exports; the range spans both extremes.'
	);
	return result;
}

function segmentOf(
	model: ReachModel,
	familyIndex: number,
	category: number,
	source: ProfileSource,
	share: number,
	uncovered: number
): UniqueSegment {
	const family = model.families[familyIndex];
	return { family: family.family, key: family.keys[category], label: family.labels[category], source, share, uncovered };
}

function topSegments(segments: UniqueSegment[], minimum: number, count = 5): UniqueSegment[] {
	return segments
		.filter((segment) => segment.uncovered >= minimum)
		.sort((a, b) => b.uncovered - a.uncovered || a.label.localeCompare(b.label))
		.slice(0, count);
}

/** Every account's unique reach against the accounts currently in Keep. */
export function estimateAllUniqueReach(model: ReachModel, decisions: DecisionMap): Record<string, UniqueReachEstimate> {
	const kept = model.accountIds.filter((id) => columnOf(decisions, id) === 'keep');
	const estimates: Record<string, UniqueReachEstimate> = {};
	for (const id of model.accountIds) estimates[id] = estimateUniqueReach(model, id, kept);
	return estimates;
}

export interface PairOverlap {
	a: string;
	b: string;
	overlap: Range;
	families: ReachFamily[];
}

export interface OverlapMatrix {
	accountIds: string[];
	/** Symmetric; null on the diagonal and where two accounts share no family with data. */
	cells: (PairOverlap | null)[][];
}

/** The histogram intersection of two profiles on every family both have, averaged, as a range. */
export function pairOverlap(model: ReachModel, a: string, b: string): PairOverlap | null {
	const first = model.indexOf.get(a);
	const second = model.indexOf.get(b);
	if (first === undefined || second === undefined || first === second) return null;
	const ranges: Range[] = [];
	const families: ReachFamily[] = [];
	model.families.forEach(({ family }, familyIndex) => {
		const p = model.profiles[first][familyIndex];
		const q = model.profiles[second][familyIndex];
		if (!p || !q) return;
		let intersection = 0;
		for (let position = 0; position < p.indexes.length; position++) {
			intersection += Math.min(p.shares[position], q.dense[p.indexes[position]]);
		}
		// the unlisted parts may or may not be the same categories
		const unknown = Math.min(p.unlisted, q.unlisted);
		const margin = Math.max(p.margin, q.margin);
		ranges.push({
			low: clamp01(intersection - margin),
			mid: clamp01(intersection + unknown / 2),
			high: clamp01(intersection + unknown + margin)
		});
		families.push(family);
	});
	if (ranges.length === 0) return null;
	const average = (pick: (range: Range) => number) => ranges.reduce((sum, range) => sum + pick(range), 0) / ranges.length;
	return { a, b, overlap: { low: average((r) => r.low), mid: average((r) => r.mid), high: average((r) => r.high) }, families };
}

export function overlapMatrix(model: ReachModel): OverlapMatrix {
	const count = model.accountIds.length;
	const cells: (PairOverlap | null)[][] = Array.from({ length: count }, () => new Array<PairOverlap | null>(count).fill(null));
	for (let i = 0; i < count; i++) {
		for (let j = i + 1; j < count; j++) {
			const pair = pairOverlap(model, model.accountIds[i], model.accountIds[j]);
			if (!pair) continue;
			cells[i][j] = pair;
			cells[j][i] = { ...pair, a: pair.b, b: pair.a };
		}
	}
	return { accountIds: [...model.accountIds], cells };
}

/** The card's answer to "what does this account reach that the accounts in Keep do not?". */
export function reachAnswer(estimate: UniqueReachEstimate, account: Pick<BoardAccount, 'id' | 'platform' | 'handle' | 'displayName'>): string {
	const name = accountLabel(account);
	const named = estimate.topUniqueSegments
		.slice(0, 3)
		.map((segment) => `${segment.label} (${segment.source === 'declared' ? 'declared' : `${formatPercent(segment.uncovered)} of its audience`})`);
	if (estimate.status === 'nothing-kept') {
		return `Nothing is in Keep yet, so everything ${name} reaches counts as unique for now.`;
	}
	if (estimate.status === 'no-data' || !estimate.uniqueShare) {
		return `Cannot tell what ${name} reaches that the kept accounts do not: there is no audience data or declared segment to compare.`;
	}
	const people = estimate.uniqueAudience ? ` (about ${formatCountRange(estimate.uniqueAudience)} people)` : '';
	const share = `an estimated ${formatPercentRange(estimate.uniqueShare)} of its audience${people}`;
	if (named.length === 0) return `${name} reaches little that the kept accounts do not: ${share}.`;
	return `${name} reaches ${joinWords(named)} that the kept accounts do not: ${share}.`;
}

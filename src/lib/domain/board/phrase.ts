/**
 * Words the board core hands to the screen as data: a message code and its values, never a
 * finished sentence. The interface words each code in the active language (t(`board:phrase.${code}`))
 * and formats each value for that language (counts, percentages, account names, lists). The core
 * still writes its English sentences beside them for the exports' defaults, logs and tests.
 */
import type { DayNumber } from '../days';
import type { Platform } from '../model';
import type { ReachFamily } from './categories';
import type { Range } from './types';

/** An audience category as the board names it: the UI can name ISO countries and languages in any language. */
export interface CategoryRef {
	family: ReachFamily;
	key: string;
	/** The English name (or the text as written, for declared segments). */
	label: string;
}

export type PhraseValue =
	/** Text shown as it is (a segment someone typed, a shared word). */
	| { text: string }
	| { count: number }
	| { percent: number }
	| { percentRange: Pick<Range, 'low' | 'high'> }
	| { countRange: Pick<Range, 'low' | 'high'> }
	/** Posts per week and other small rates: one decimal. */
	| { rate: number }
	| { day: DayNumber }
	| { account: string }
	| { accounts: readonly string[] }
	| { texts: readonly string[] }
	| { categories: readonly CategoryRef[] }
	| { platform: Platform }
	| { phrase: Phrase };

export interface Phrase {
	code: PhraseCode;
	/** Chooses the plural form, where the words depend on a number. */
	count?: number;
	values?: Record<string, PhraseValue>;
}

/** Every code the core uses; phrase.test.ts checks each has a message in every language. */
export const PHRASE_CODES = [
	'silence.none',
	'silence.days',
	'silence.months',
	'audience.followers',
	'audience.subscribers',
	'audience.unknown',
	'reason.tiny',
	'reason.tinyWith',
	'reason.onlyChannel',
	'reason.uniqueReach',
	'reason.uniqueReachIn',
	'reason.coveredOne',
	'reason.coveredAll',
	'reason.noData',
	'reason.samePlatformProfile',
	'reason.samePlatformSegments',
	'reason.bigger',
	'reason.postsMore',
	'reason.lastPostToday',
	'reason.lastPostDays',
	'reason.lastPostTodayRate',
	'reason.lastPostDaysRate',
	'reason.engagementSteady',
	'reason.engagementUp',
	'reason.engagementDown',
	'reason.engagementUnknown',
	'reason.outOfReach',
	'reason.noRule',
	'caution.noOwner',
	'caution.duplicate',
	'caution.handOver',
	'caution.revive',
	'caution.reviveOrHandOver',
	'problem.noTarget',
	'problem.targetMissing',
	'problem.targetRetired',
	'problem.targetCircle',
	'problem.targetMerged'
] as const;
export type PhraseCode = (typeof PHRASE_CODES)[number];

export const phrase = (code: PhraseCode, values?: Record<string, PhraseValue>, count?: number): Phrase =>
	count === undefined ? { code, ...(values ? { values } : {}) } : { code, count, ...(values ? { values } : {}) };

/**
 * Audience categories compared across platforms. The same country reaches us as "DE" (TikTok
 * territories), "Germany" (Facebook, YouTube) or a declared "germany"; the same language as "de" or
 * "German". Each category gets one canonical key so profiles from different exports meet.
 */
import type { BreakdownDimension } from '../model';

/** Groups of comparable categories. Declared regions and measured countries share 'geography'. */
export const REACH_FAMILIES = [
	'segment',
	'geography',
	'region',
	'city',
	'language',
	'industry',
	'job_function',
	'seniority',
	'company_size',
	'age',
	'gender'
] as const;
export type ReachFamily = (typeof REACH_FAMILIES)[number];

export const FAMILY_LABELS: Record<ReachFamily, string> = {
	segment: 'Customer segment',
	geography: 'Country',
	region: 'Region',
	city: 'City / metro area',
	language: 'Language',
	industry: 'Industry',
	job_function: 'Job function',
	seniority: 'Seniority',
	company_size: 'Company size',
	age: 'Age',
	gender: 'Gender'
};

/**
 * Which family a breakdown dimension belongs to. Traffic source, device and subscription status
 * describe how people watch, not who they are, so they say nothing about reaching customers.
 */
export function familyOfDimension(dimension: BreakdownDimension): ReachFamily | null {
	switch (dimension) {
		case 'country':
		case 'territory':
			return 'geography';
		case 'region':
		case 'city':
		case 'language':
		case 'industry':
		case 'job_function':
		case 'seniority':
		case 'company_size':
		case 'age':
		case 'gender':
			return dimension;
		default:
			return null;
	}
}

/** Entries that name no category: their share is unknown audience, not a category two accounts share. */
const UNKNOWN_KEYS = new Set([
	'',
	'-',
	'—',
	'?',
	'n/a',
	'none',
	'null',
	'undefined',
	'unknown',
	'other',
	'others',
	'(other)',
	'not set',
	'(not set)',
	'not specified',
	'unspecified',
	'rest of world',
	'rest of the world',
	'other countries',
	'other territories',
	'other languages',
	'others (countries)',
	'total'
]);

/** Declared regions that mean "everywhere": they describe no distribution, so they are not profiled. */
const WORLDWIDE = new Set(['global', 'worldwide', 'international', 'world', 'all', 'all regions', 'all countries']);

export function plainKey(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[‐‑‒–—―]/g, '-')
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.trim();
}

export function isUnknownCategory(text: string): boolean {
	return UNKNOWN_KEYS.has(plainKey(text));
}

export function isWorldwide(text: string): boolean {
	return WORLDWIDE.has(plainKey(text));
}

// Codes Intl knows that are not countries people live in.
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ', 'XA', 'XB', 'AA']);
const COUNTRY_ALIASES: Record<string, string> = {
	usa: 'US',
	'u.s.': 'US',
	'u.s.a.': 'US',
	'united states of america': 'US',
	america: 'US',
	uk: 'GB',
	'u.k.': 'GB',
	'great britain': 'GB',
	britain: 'GB',
	england: 'GB',
	turkey: 'TR',
	turkiye: 'TR',
	'czech republic': 'CZ',
	korea: 'KR',
	'republic of korea': 'KR',
	'korea, republic of': 'KR',
	russia: 'RU',
	'russian federation': 'RU',
	uae: 'AE',
	'hong kong': 'HK',
	macau: 'MO',
	macao: 'MO',
	burma: 'MM',
	'ivory coast': 'CI',
	holland: 'NL',
	'the netherlands': 'NL',
	'mainland china': 'CN',
	"people's republic of china": 'CN',
	vietnam: 'VN',
	'viet nam': 'VN'
};

interface NameTable {
	byName: Map<string, string>;
	names: Map<string, string>;
}

let countryTable: NameTable | null = null;
let languageTable: NameTable | null = null;

function letterPairs(upper: boolean): string[] {
	const codes: string[] = [];
	for (let a = 0; a < 26; a++) {
		for (let b = 0; b < 26; b++) {
			const code = String.fromCharCode(97 + a, 97 + b);
			codes.push(upper ? code.toUpperCase() : code);
		}
	}
	return codes;
}

function buildTable(type: 'region' | 'language'): NameTable {
	const byName = new Map<string, string>();
	const names = new Map<string, string>();
	let display: Intl.DisplayNames | null = null;
	try {
		display = new Intl.DisplayNames(['en'], { type });
	} catch {
		// an engine without Intl.DisplayNames: codes and names simply stay as written
	}
	if (display) {
		for (const code of letterPairs(type === 'region')) {
			if (NOT_COUNTRIES.has(code)) continue;
			let name: string | undefined;
			try {
				name = display.of(code);
			} catch {
				continue;
			}
			if (!name || name === code || /unknown|pseudo/i.test(name)) continue;
			names.set(code, name);
			byName.set(plainKey(name), code);
			// "Myanmar (Burma)", "Hong Kong SAR China": also the plain name
			const short = name.replace(/\s*\(.*\)$/, '').replace(/\s+SAR China$/, '');
			if (short !== name && !byName.has(plainKey(short))) byName.set(plainKey(short), code);
		}
	}
	if (type === 'region') for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) byName.set(alias, code);
	return { byName, names };
}

/** "DE", "de", "Germany", "USA" → an ISO 3166 code; null for names it does not know (English names only). */
export function countryCode(text: string): string | null {
	countryTable ??= buildTable('region');
	const trimmed = text.trim();
	if (/^[A-Za-z]{2}$/.test(trimmed) && countryTable.names.has(trimmed.toUpperCase())) return trimmed.toUpperCase();
	return countryTable.byName.get(plainKey(trimmed)) ?? null;
}

/** "de", "de-DE", "German" → "de". */
export function languageCode(text: string): string | null {
	languageTable ??= buildTable('language');
	const trimmed = text.trim();
	const base = /^([A-Za-z]{2})(?:[-_][A-Za-z0-9]+)*$/.exec(trimmed);
	if (base && languageTable.names.has(base[1].toLowerCase())) return base[1].toLowerCase();
	const key = plainKey(trimmed);
	return languageTable.byName.get(key) ?? languageTable.byName.get(key.replace(/\s*\(.*\)$/, '')) ?? null;
}

export interface Category {
	/** Canonical key within its family. */
	key: string;
	/** How to show it: the English name for known codes, else the text as first seen. */
	label: string;
}

export function categoryOf(family: ReachFamily, text: string): Category {
	const trimmed = text.trim().replace(/\s+/g, ' ');
	if (family === 'geography') {
		const code = countryCode(trimmed);
		if (code) return { key: code, label: countryTable?.names.get(code) ?? trimmed };
	}
	if (family === 'language') {
		const code = languageCode(trimmed);
		if (code) return { key: code, label: languageTable?.names.get(code) ?? trimmed };
	}
	return { key: plainKey(trimmed), label: trimmed };
}

/**
 * The fictitious company behind the sample: Contoso, with ERP, CRM and Analytics product lines in
 * the Global, DACH, China and Nordics regions, and 40 accounts on seven platforms. Each account
 * is cast for a role on the consolidation board: thriving, dormant, duplicated, regional-only.
 */
import type { AccountRef, Platform } from '../domain/model';

export type CastPlatform = Extract<Platform, 'x' | 'linkedin' | 'youtube' | 'facebook' | 'instagram' | 'tiktok' | 'wechat'>;
export type Region = 'Global' | 'DACH' | 'China' | 'Nordics';
export type ProductLine = 'ERP' | 'CRM' | 'Analytics';
export type Language = 'en' | 'de' | 'sv' | 'zh';
export type AudienceSegment = 'end users' | 'buyers' | 'solution partners';
/** What an account mostly posts; drives the mix of post kinds. */
export type Voice = 'corporate' | 'product' | 'news' | 'support' | 'careers' | 'events' | 'partners' | 'learning' | 'regional';
export type EventKind = 'connect' | 'erp-release' | 'crm-release' | 'analytics-launch' | 'consolidation' | 'china-summit';
/** Keys into audiences.ts: who follows the account (LinkedIn demographics, YouTube geography, TikTok territories). */
export type AudienceMix =
	| 'corporate'
	| 'erp'
	| 'crm'
	| 'analytics'
	| 'support'
	| 'dach'
	| 'nordics'
	| 'partners'
	| 'careers'
	| 'learning'
	| 'chinese'
	| 'china'
	| 'tiktok-global'
	| 'tiktok-dach'
	| 'tiktok-nordics';

export interface CastMember {
	/** Stable key, `platform:name`; seeds every random stream of the account. */
	key: string;
	platform: CastPlatform;
	/** Handle (X, Instagram, TikTok), vanity name (LinkedIn) or the name the files carry (YouTube channel, Facebook page, WeChat account). */
	name: string;
	displayName: string;
	region: Region;
	language: Language;
	productLines: ProductLine[];
	owner?: string;
	segments: AudienceSegment[];
	purpose: string;
	voice: Voice;
	/** Followers / subscribers on the last day. */
	audienceAtEnd: number;
	/** Audience growth factor per year (0.9 = shrinking 10 % a year). */
	growthPerYear: number;
	/** For accounts that absorbed another at the consolidation point: growth before it and the step it brought. */
	beforeConsolidation?: { growthPerYear: number; jump: number };
	/** Created inside the window, this many days before its end. */
	launchedDaysBeforeEnd?: number;
	/** Dormant: the last post was this many days before the end. */
	quietDaysBeforeEnd?: number;
	/** 'retired': stopped posting at the consolidation point (its audience moved elsewhere). */
	retiredAtConsolidation?: boolean;
	postsPerWeek: number;
	/** Mean engagements ÷ impressions (views on video platforms). */
	engagementRate: number;
	events: EventKind[];
	/** How strongly posting clusters around events (events teams post mostly then). */
	eventFocus?: number;
	/** Key of the account whose posts this one re-posts word for word. */
	copiesFrom?: string;
	audience: AudienceMix;
	exports?: {
		/** Two exports of this account overlap in time somewhere (exercises the overlap-merge rule). */
		overlap?: boolean;
		/** Also an X Premium content export for the last 90 days. */
		premiumContent?: boolean;
		/** YouTube: also a Geography export. */
		geography?: boolean;
		/** Runs sponsored posts around events (LinkedIn / Facebook paid columns). */
		paid?: boolean;
	};
}

/** Days before the end of the data at which Contoso merged its ERP tutorial channel into Contoso Learning. */
export const CONSOLIDATION_DAYS_BEFORE_END = 540;
/** Days before the end at which Contoso Analytics Copilot launched (the one-off launch event). */
export const ANALYTICS_LAUNCH_DAYS_BEFORE_END = 300;

const ALL_PRODUCTS: ProductLine[] = ['ERP', 'CRM', 'Analytics'];
const OWNERS = {
	corporate: 'Anna Berg (Corporate Communications)',
	erp: 'Priya Nair (ERP Product Marketing)',
	crm: 'Marcus Johnson (CRM Product Marketing)',
	analytics: 'Elena Rossi (Analytics Product Marketing)',
	support: 'Tom Becker (Customer Support)',
	dach: 'Lukas Meier (DACH Marketing)',
	nordics: 'Sofia Lindqvist (Nordics Sales)',
	china: 'Wei Zhang (Greater China Marketing)',
	events: 'Grace Kim (Events)',
	careers: 'Jonas Weber (Talent Acquisition)',
	partners: 'Olivia Brown (Partner Marketing)',
	learning: 'Daniel Fischer (Learning & Enablement)',
	social: 'Maya Patel (Social Media)'
};

type MemberSpec = Omit<CastMember, 'key'>;

/**
 * Order matters: a workspace with N accounts takes the first N, so the first four already show
 * four platforms and the main stories (steady X, big LinkedIn page, the ×10 channel, a regional page).
 */
const SPECS: MemberSpec[] = [
	{
		platform: 'x', name: 'ContosoERP', displayName: 'Contoso ERP', region: 'Global', language: 'en', productLines: ['ERP'],
		owner: OWNERS.erp, segments: ['end users', 'buyers'], purpose: 'ERP product news, release notes and customer stories',
		voice: 'product', audienceAtEnd: 21_500, growthPerYear: 1.18, postsPerWeek: 6, engagementRate: 0.021,
		events: ['connect', 'erp-release', 'consolidation'], audience: 'erp', exports: { overlap: true, premiumContent: true }
	},
	{
		platform: 'linkedin', name: 'contoso', displayName: 'Contoso', region: 'Global', language: 'en', productLines: ALL_PRODUCTS,
		owner: OWNERS.corporate, segments: ['buyers', 'end users', 'solution partners'],
		purpose: 'Corporate news, thought leadership and hiring', voice: 'corporate', audienceAtEnd: 184_000, growthPerYear: 1.35,
		postsPerWeek: 5, engagementRate: 0.045, events: ['connect', 'erp-release', 'crm-release', 'analytics-launch'],
		audience: 'corporate', exports: { overlap: true, paid: true }
	},
	{
		platform: 'youtube', name: 'Contoso Learning', displayName: 'Contoso Learning', region: 'Global', language: 'en',
		productLines: ALL_PRODUCTS, owner: OWNERS.learning, segments: ['end users'],
		purpose: 'Tutorials for every product; took over the ERP tutorial channel at the consolidation',
		voice: 'learning', audienceAtEnd: 86_000, growthPerYear: 2.2, beforeConsolidation: { growthPerYear: 1.25, jump: 2.2 },
		postsPerWeek: 2, engagementRate: 0.04, events: ['connect', 'erp-release', 'analytics-launch', 'consolidation'],
		audience: 'learning', exports: { geography: true, overlap: true }
	},
	{
		platform: 'facebook', name: 'Contoso Germany', displayName: 'Contoso Germany', region: 'DACH', language: 'de',
		productLines: ['ERP', 'CRM'], owner: OWNERS.dach, segments: ['buyers', 'end users'],
		purpose: 'German-language news and events for customers in Germany, Austria and Switzerland', voice: 'regional',
		audienceAtEnd: 12_400, growthPerYear: 1.08, postsPerWeek: 3, engagementRate: 0.028, events: ['connect', 'erp-release'],
		audience: 'dach', exports: { overlap: true }
	},
	{
		platform: 'x', name: 'ContosoERP_News', displayName: 'Contoso ERP News', region: 'Global', language: 'en', productLines: ['ERP'],
		segments: ['end users', 'buyers'], purpose: 'ERP news feed; re-posts most @ContosoERP posts word for word', voice: 'news',
		audienceAtEnd: 3_900, growthPerYear: 1.05, postsPerWeek: 5, engagementRate: 0.012, events: ['erp-release'],
		copiesFrom: 'x:ContosoERP', audience: 'erp', exports: { premiumContent: true }
	},
	{
		platform: 'x', name: 'Contoso', displayName: 'Contoso', region: 'Global', language: 'en', productLines: ALL_PRODUCTS,
		owner: OWNERS.corporate, segments: ['buyers', 'end users'], purpose: 'Corporate news and brand', voice: 'corporate',
		audienceAtEnd: 48_000, growthPerYear: 1.12, postsPerWeek: 7, engagementRate: 0.018,
		events: ['connect', 'erp-release', 'crm-release', 'analytics-launch'], audience: 'corporate'
	},
	{
		platform: 'x', name: 'ContosoCRM', displayName: 'Contoso CRM', region: 'Global', language: 'en', productLines: ['CRM'],
		owner: OWNERS.crm, segments: ['buyers'], purpose: 'CRM product news for sales leaders', voice: 'product',
		audienceAtEnd: 14_800, growthPerYear: 1.06, postsPerWeek: 5, engagementRate: 0.017, events: ['connect', 'crm-release'],
		audience: 'crm'
	},
	{
		platform: 'x', name: 'ContosoAnalytics', displayName: 'Contoso Analytics', region: 'Global', language: 'en',
		productLines: ['Analytics'], owner: OWNERS.analytics, segments: ['end users', 'buyers'],
		purpose: 'Analytics product news, tips and the Copilot launch', voice: 'product', audienceAtEnd: 9_600, growthPerYear: 1.55,
		postsPerWeek: 6, engagementRate: 0.03, events: ['connect', 'analytics-launch'], audience: 'analytics'
	},
	{
		platform: 'x', name: 'ContosoSupport', displayName: 'Contoso Support', region: 'Global', language: 'en',
		productLines: ALL_PRODUCTS, owner: OWNERS.support, segments: ['end users'],
		purpose: 'Customer support: replies, maintenance and outage notices', voice: 'support', audienceAtEnd: 7_200,
		growthPerYear: 1.1, postsPerWeek: 12, engagementRate: 0.012, events: [], audience: 'support'
	},
	{
		platform: 'x', name: 'ContosoDACH', displayName: 'Contoso DACH', region: 'DACH', language: 'de', productLines: ['ERP', 'CRM'],
		owner: OWNERS.dach, segments: ['buyers', 'end users'], purpose: 'German-language news for DACH customers', voice: 'regional',
		audienceAtEnd: 4_300, growthPerYear: 1.07, postsPerWeek: 4, engagementRate: 0.02, events: ['connect', 'erp-release'],
		audience: 'dach'
	},
	{
		platform: 'x', name: 'ContosoNordics', displayName: 'Contoso Nordics', region: 'Nordics', language: 'sv', productLines: ['ERP'],
		segments: ['buyers'], purpose: 'Nordic customer news (nobody has posted since the team left)', voice: 'regional',
		audienceAtEnd: 640, growthPerYear: 0.93, quietDaysBeforeEnd: 430, postsPerWeek: 2, engagementRate: 0.01,
		events: ['connect'], audience: 'nordics'
	},
	{
		platform: 'x', name: 'ContosoEvents', displayName: 'Contoso Events', region: 'Global', language: 'en', productLines: ALL_PRODUCTS,
		owner: OWNERS.events, segments: ['buyers', 'solution partners'], purpose: 'Contoso Connect and webinars', voice: 'events',
		audienceAtEnd: 5_200, growthPerYear: 1.1, postsPerWeek: 1.5, engagementRate: 0.02, events: ['connect'], eventFocus: 5,
		audience: 'corporate'
	},
	{
		platform: 'linkedin', name: 'contoso-erp', displayName: 'Contoso ERP', region: 'Global', language: 'en', productLines: ['ERP'],
		owner: OWNERS.erp, segments: ['buyers', 'end users'], purpose: 'ERP showcase page', voice: 'product', audienceAtEnd: 38_500,
		growthPerYear: 1.22, postsPerWeek: 3, engagementRate: 0.038, events: ['connect', 'erp-release', 'consolidation'],
		audience: 'erp', exports: { paid: true }
	},
	{
		platform: 'linkedin', name: 'contoso-crm', displayName: 'Contoso CRM', region: 'Global', language: 'en', productLines: ['CRM'],
		owner: OWNERS.crm, segments: ['buyers'], purpose: 'CRM showcase page for sales and marketing leaders', voice: 'product',
		audienceAtEnd: 22_100, growthPerYear: 1.15, postsPerWeek: 3, engagementRate: 0.034, events: ['connect', 'crm-release'],
		audience: 'crm'
	},
	{
		platform: 'linkedin', name: 'contoso-analytics', displayName: 'Contoso Analytics', region: 'Global', language: 'en',
		productLines: ['Analytics'], owner: OWNERS.analytics, segments: ['end users', 'buyers'],
		purpose: 'Analytics showcase page for data teams', voice: 'product', audienceAtEnd: 15_800, growthPerYear: 1.6,
		postsPerWeek: 3, engagementRate: 0.05, events: ['connect', 'analytics-launch'], audience: 'analytics'
	},
	{
		platform: 'linkedin', name: 'contoso-dach', displayName: 'Contoso DACH', region: 'DACH', language: 'de',
		productLines: ['ERP', 'CRM'], owner: OWNERS.dach, segments: ['buyers'], purpose: 'German-language page for DACH decision makers',
		voice: 'regional', audienceAtEnd: 9_400, growthPerYear: 1.12, postsPerWeek: 2, engagementRate: 0.04,
		events: ['connect', 'erp-release'], audience: 'dach'
	},
	{
		platform: 'linkedin', name: 'contoso-nordics', displayName: 'Contoso Nordics', region: 'Nordics', language: 'sv',
		productLines: ['ERP'], owner: OWNERS.nordics, segments: ['buyers'], purpose: 'Nordic customer and event news',
		voice: 'regional', audienceAtEnd: 1_150, growthPerYear: 0.97, quietDaysBeforeEnd: 240, postsPerWeek: 1,
		engagementRate: 0.03, events: ['connect'], audience: 'nordics'
	},
	{
		platform: 'linkedin', name: 'contoso-partners', displayName: 'Contoso Partner Network', region: 'Global', language: 'en',
		productLines: ALL_PRODUCTS, owner: OWNERS.partners, segments: ['solution partners'],
		purpose: 'Partner recruitment, enablement and partner success stories', voice: 'partners', audienceAtEnd: 7_600,
		growthPerYear: 1.2, postsPerWeek: 2, engagementRate: 0.042, events: ['connect'], audience: 'partners'
	},
	{
		platform: 'youtube', name: 'Contoso ERP Tutorials', displayName: 'Contoso ERP Tutorials', region: 'Global', language: 'en',
		productLines: ['ERP'], segments: ['end users'], purpose: 'ERP how-to videos; retired when Contoso Learning took over',
		voice: 'learning', audienceAtEnd: 9_100, growthPerYear: 0.88, beforeConsolidation: { growthPerYear: 1.2, jump: 1 },
		retiredAtConsolidation: true, postsPerWeek: 1.5, engagementRate: 0.035, events: ['erp-release', 'consolidation'],
		audience: 'learning'
	},
	{
		platform: 'youtube', name: 'Contoso DACH', displayName: 'Contoso DACH', region: 'DACH', language: 'de', productLines: ['ERP', 'CRM'],
		owner: OWNERS.dach, segments: ['end users', 'buyers'], purpose: 'German-language webinars and product tours', voice: 'regional',
		audienceAtEnd: 6_800, growthPerYear: 1.12, postsPerWeek: 0.7, engagementRate: 0.03, events: ['connect', 'erp-release'],
		audience: 'dach', exports: { geography: true }
	},
	{
		platform: 'youtube', name: 'Contoso 中文', displayName: 'Contoso 中文', region: 'China', language: 'zh',
		productLines: ['ERP', 'Analytics'], owner: OWNERS.china, segments: ['end users', 'buyers'],
		purpose: 'Chinese-language tutorials for Taiwan, Hong Kong, Singapore and Malaysia', voice: 'learning',
		audienceAtEnd: 5_400, growthPerYear: 1.3, postsPerWeek: 0.8, engagementRate: 0.03, events: ['china-summit'],
		audience: 'chinese', exports: { geography: true }
	},
	{
		platform: 'youtube', name: 'Contoso Nordics', displayName: 'Contoso Nordics', region: 'Nordics', language: 'sv',
		productLines: ['ERP'], owner: OWNERS.nordics, segments: ['end users'], purpose: 'Swedish product tours', voice: 'regional',
		audienceAtEnd: 430, growthPerYear: 1.02, postsPerWeek: 0.3, engagementRate: 0.02, events: [], audience: 'nordics'
	},
	{
		platform: 'youtube', name: 'Contoso Events', displayName: 'Contoso Events', region: 'Global', language: 'en',
		productLines: ALL_PRODUCTS, owner: OWNERS.events, segments: ['buyers', 'solution partners'],
		purpose: 'Keynotes and session recordings from Contoso Connect', voice: 'events', audienceAtEnd: 11_200, growthPerYear: 1.15,
		postsPerWeek: 0.5, engagementRate: 0.02, events: ['connect'], eventFocus: 6, audience: 'learning'
	},
	{
		platform: 'facebook', name: 'Contoso', displayName: 'Contoso', region: 'Global', language: 'en', productLines: ALL_PRODUCTS,
		owner: OWNERS.corporate, segments: ['end users', 'buyers'], purpose: 'Global brand page', voice: 'corporate',
		audienceAtEnd: 72_000, growthPerYear: 1.03, postsPerWeek: 4, engagementRate: 0.015,
		events: ['connect', 'erp-release', 'crm-release', 'analytics-launch'], audience: 'corporate', exports: { paid: true }
	},
	{
		platform: 'facebook', name: 'Contoso Nordics', displayName: 'Contoso Nordics', region: 'Nordics', language: 'sv',
		productLines: ['ERP'], segments: ['buyers'], purpose: 'Nordic page (abandoned)', voice: 'regional', audienceAtEnd: 890,
		growthPerYear: 0.95, quietDaysBeforeEnd: 270, postsPerWeek: 1, engagementRate: 0.012, events: ['connect'],
		audience: 'nordics'
	},
	{
		platform: 'facebook', name: 'Contoso CRM', displayName: 'Contoso CRM', region: 'Global', language: 'en', productLines: ['CRM'],
		owner: OWNERS.crm, segments: ['buyers'], purpose: 'CRM news and webinars', voice: 'product', audienceAtEnd: 8_300,
		growthPerYear: 1.01, postsPerWeek: 2, engagementRate: 0.014, events: ['crm-release'], audience: 'crm'
	},
	{
		platform: 'facebook', name: 'Contoso Careers', displayName: 'Contoso Careers', region: 'Global', language: 'en',
		productLines: ALL_PRODUCTS, owner: OWNERS.careers, segments: [], purpose: 'Employer branding and job ads', voice: 'careers',
		audienceAtEnd: 15_600, growthPerYear: 1.1, postsPerWeek: 3, engagementRate: 0.025, events: ['connect'], audience: 'careers'
	},
	{
		platform: 'facebook', name: 'Contoso Partners', displayName: 'Contoso Partners', region: 'Global', language: 'en',
		productLines: ALL_PRODUCTS, owner: OWNERS.partners, segments: ['solution partners'], purpose: 'Partner community page',
		voice: 'partners', audienceAtEnd: 3_100, growthPerYear: 1.04, postsPerWeek: 1.5, engagementRate: 0.02, events: ['connect'],
		audience: 'partners'
	},
	{
		platform: 'facebook', name: 'Contoso Events', displayName: 'Contoso Events', region: 'Global', language: 'en',
		productLines: ALL_PRODUCTS, owner: OWNERS.events, segments: ['buyers', 'solution partners'],
		purpose: 'Contoso Connect announcements and photos', voice: 'events', audienceAtEnd: 4_700, growthPerYear: 1.06,
		postsPerWeek: 1, engagementRate: 0.02, events: ['connect'], eventFocus: 5, audience: 'corporate'
	},
	{
		platform: 'instagram', name: 'contoso', displayName: 'Contoso', region: 'Global', language: 'en', productLines: ALL_PRODUCTS,
		owner: OWNERS.corporate, segments: ['end users'], purpose: 'Brand, culture and behind the scenes', voice: 'corporate',
		audienceAtEnd: 26_000, growthPerYear: 1.28, postsPerWeek: 3, engagementRate: 0.045, events: ['connect', 'analytics-launch'],
		audience: 'corporate'
	},
	{
		platform: 'instagram', name: 'contoso.dach', displayName: 'Contoso DACH', region: 'DACH', language: 'de',
		productLines: ['ERP', 'CRM'], owner: OWNERS.dach, segments: ['end users'], purpose: 'German-language brand account',
		voice: 'regional', audienceAtEnd: 3_700, growthPerYear: 1.15, postsPerWeek: 2, engagementRate: 0.04, events: ['connect'],
		audience: 'dach'
	},
	{
		platform: 'instagram', name: 'contoso.careers', displayName: 'Contoso Careers', region: 'Global', language: 'en',
		productLines: ALL_PRODUCTS, owner: OWNERS.careers, segments: [], purpose: 'Life at Contoso and open roles', voice: 'careers',
		audienceAtEnd: 8_800, growthPerYear: 1.3, postsPerWeek: 3, engagementRate: 0.055, events: ['connect'], audience: 'careers'
	},
	{
		platform: 'instagram', name: 'contoso.events', displayName: 'Contoso Events', region: 'Global', language: 'en',
		productLines: ALL_PRODUCTS, owner: OWNERS.events, segments: ['buyers', 'solution partners'],
		purpose: 'Contoso Connect photos and stories', voice: 'events', audienceAtEnd: 2_900, growthPerYear: 1.1, postsPerWeek: 0.8,
		engagementRate: 0.04, events: ['connect'], eventFocus: 6, audience: 'corporate'
	},
	{
		platform: 'instagram', name: 'contoso.nordics', displayName: 'Contoso Nordics', region: 'Nordics', language: 'sv',
		productLines: ['ERP'], segments: ['end users'], purpose: 'Nordic brand account (abandoned)', voice: 'regional',
		audienceAtEnd: 310, growthPerYear: 0.94, quietDaysBeforeEnd: 365, postsPerWeek: 0.8, engagementRate: 0.035, events: [],
		audience: 'nordics'
	},
	{
		platform: 'tiktok', name: 'contoso', displayName: 'Contoso', region: 'Global', language: 'en', productLines: ALL_PRODUCTS,
		owner: OWNERS.social, segments: ['end users'], purpose: 'Short videos: tips, office life, launches', voice: 'corporate',
		audienceAtEnd: 41_000, growthPerYear: 2.6, launchedDaysBeforeEnd: 900, postsPerWeek: 3, engagementRate: 0.065,
		events: ['connect', 'analytics-launch'], audience: 'tiktok-global'
	},
	{
		platform: 'tiktok', name: 'contosocareers', displayName: 'Contoso Careers', region: 'Global', language: 'en',
		productLines: ALL_PRODUCTS, owner: OWNERS.careers, segments: [], purpose: 'Day-in-the-life videos for recruiting',
		voice: 'careers', audienceAtEnd: 6_200, growthPerYear: 2.0, launchedDaysBeforeEnd: 620, postsPerWeek: 2,
		engagementRate: 0.07, events: ['connect'], audience: 'tiktok-global'
	},
	{
		platform: 'tiktok', name: 'contoso_dach', displayName: 'Contoso DACH', region: 'DACH', language: 'de', productLines: ['ERP'],
		owner: OWNERS.dach, segments: ['end users'], purpose: 'German-language short videos', voice: 'regional',
		audienceAtEnd: 1_900, growthPerYear: 1.8, launchedDaysBeforeEnd: 480, postsPerWeek: 1.5, engagementRate: 0.05,
		events: ['connect'], audience: 'tiktok-dach'
	},
	{
		platform: 'tiktok', name: 'contoso.nordics', displayName: 'Contoso Nordics', region: 'Nordics', language: 'sv',
		productLines: ['ERP'], segments: ['end users'], purpose: 'Nordic short videos (a trial that stopped)', voice: 'regional',
		audienceAtEnd: 140, growthPerYear: 1.2, launchedDaysBeforeEnd: 400, quietDaysBeforeEnd: 200, postsPerWeek: 1,
		engagementRate: 0.04, events: [], audience: 'tiktok-nordics'
	},
	{
		platform: 'wechat', name: 'Contoso中国', displayName: 'Contoso中国', region: 'China', language: 'zh', productLines: ALL_PRODUCTS,
		owner: OWNERS.china, segments: ['buyers', 'end users'],
		purpose: 'Official account for mainland China: news, events and service (the only account that reaches China)',
		voice: 'regional', audienceAtEnd: 58_000, growthPerYear: 1.45, postsPerWeek: 3, engagementRate: 0.03,
		events: ['china-summit', 'connect'], audience: 'china', exports: { overlap: true }
	},
	{
		platform: 'wechat', name: 'Contoso企业服务', displayName: 'Contoso企业服务', region: 'China', language: 'zh', productLines: ['ERP'],
		segments: ['end users'], purpose: 'ERP customer-service account; its followers largely also follow Contoso中国',
		voice: 'support', audienceAtEnd: 9_700, growthPerYear: 1.1, postsPerWeek: 1, engagementRate: 0.03, events: ['china-summit'],
		audience: 'china'
	}
];

export const CONTOSO_CAST: readonly CastMember[] = SPECS.map((spec) => ({ ...spec, key: `${spec.platform}:${spec.name}` }));

/**
 * The first `count` members; beyond the 40 of the cast, copies of it with a running number
 * (`ContosoERP2`, `Contoso Learning 2`) so benchmarks can ask for any size.
 */
export function castFor(count: number): CastMember[] {
	const members: CastMember[] = [];
	for (let i = 0; i < count; i++) {
		const base = CONTOSO_CAST[i % CONTOSO_CAST.length];
		const round = Math.floor(i / CONTOSO_CAST.length);
		if (round === 0) {
			members.push(base);
			continue;
		}
		const suffix = String(round + 1);
		const spaced = /\s/.test(base.name) || base.platform === 'wechat';
		const name = spaced ? `${base.name} ${suffix}` : `${base.name}${suffix}`;
		members.push({
			...base,
			key: `${base.platform}:${name}`,
			name,
			displayName: `${base.displayName} ${suffix}`,
			copiesFrom: base.copiesFrom ? `${base.copiesFrom}${spaced ? ' ' : ''}${suffix}` : undefined
		});
	}
	return members;
}

/** What the files say about whose data they are, as the importers will read it. */
export function accountRefOf(member: CastMember): AccountRef {
	switch (member.platform) {
		case 'x':
		case 'instagram':
		case 'tiktok':
		case 'linkedin':
			return { platform: member.platform, handle: member.name };
		default:
			return { platform: member.platform, displayName: member.name };
	}
}

/**
 * Post texts: customer stories, product announcements, tips, event posts, job ads, support
 * replies, in English, German, Swedish and Chinese, shaped for each platform (an X post with a
 * t.co link, a LinkedIn post in paragraphs, an Instagram caption with "link in bio", a YouTube
 * title). Event posts share their core sentence across accounts so one event shows up everywhere.
 */
import { weekdayOfDay, type DayNumber } from '../domain/days';
import { abbreviatedDate } from './calendar';
import type { CastMember, Language, ProductLine } from './cast';
import type { CompanyEvent } from './events';
import type { Random } from './random';

export type PostKind =
	| 'story'
	| 'announcement'
	| 'tip'
	| 'webinar'
	| 'event'
	| 'hiring'
	| 'culture'
	| 'support'
	| 'reply'
	| 'partner'
	| 'news'
	| 'tutorial';

export interface PostCopy {
	/** The full post text as the platform stores it (may contain line breaks and quotes). */
	text: string;
	/** One line: a YouTube video title, LinkedIn's "Post title", a headline. */
	title: string;
}

export const CUSTOMERS = [
	'Fabrikam',
	'Northwind Traders',
	'Tailspin Toys',
	'Wingtip Toys',
	'Adventure Works',
	'Litware',
	'Woodgrove Bank',
	'Proseware',
	'Fourth Coffee',
	'Alpine Ski House',
	'Coho Winery',
	'Trey Research',
	'Wide World Importers',
	'Lucerne Publishing',
	"Margie's Travel",
	'Blue Yonder Airlines',
	'Humongous Insurance',
	'Relecloud',
	'Southridge Video',
	'VanArsdel',
	'Lamna Healthcare',
	'Consolidated Messenger',
	'City Power & Light',
	'A. Datum Corporation',
	'Tailwind Traders',
	'Best For You Organics',
	'First Up Consultants',
	'Nod Publishers'
] as const;

const PARTNERS = ['Graphic Design Institute Consulting', 'Bellows Solutions', 'Datum Partners', 'Northwind Consulting', 'Proseware Digital', 'Woodgrove IT', 'Lucerne Advisory', 'Trey Systems'];
const PEOPLE = ['Amira', 'Ben', 'Chen', 'Diego', 'Elif', 'Farah', 'Gustav', 'Hana', 'Ivan', 'Jana', 'Kofi', 'Lena', 'Mateo', 'Nora', 'Omar', 'Pia'];
const CITIES = ['Seattle', 'Munich', 'Dublin', 'Bengaluru', 'Stockholm', 'Singapore', 'Toronto', 'Berlin', 'Shanghai', 'Vienna', 'Zurich', 'London'];
const EMOJI = ['🚀', '🎉', '📈', '💡', '👉', '✅', '🙌', '📅'];

const FEATURES: Record<ProductLine, Record<Language, readonly string[]>> = {
	ERP: {
		en: ['automated bank reconciliation', 'multi-entity consolidation', 'a redesigned purchase-order app', 'real-time stock across warehouses', 'e-invoicing for 30 countries', 'a faster month-end close checklist', 'supplier risk scores', 'intercompany netting'],
		de: ['automatischer Bankabgleich', 'Konsolidierung über mehrere Gesellschaften', 'die neue Bestell-App', 'Lagerbestände in Echtzeit', 'E-Rechnung nach XRechnung', 'ein schnellerer Monatsabschluss'],
		sv: ['automatisk bankavstämning', 'koncernkonsolidering', 'lagersaldo i realtid', 'e-faktura via Peppol', 'snabbare månadsbokslut'],
		zh: ['自动银行对账', '多实体合并报表', '实时库存', '电子发票', '月结清单']
	},
	CRM: {
		en: ['AI-suggested next steps', 'a new pipeline board', 'shared inboxes for sales teams', 'quote templates with approvals', 'forecasting by territory', 'meeting notes that write themselves'],
		de: ['KI-Vorschläge für nächste Schritte', 'das neue Pipeline-Board', 'Angebotsvorlagen mit Freigabe', 'Forecasts nach Vertriebsgebiet'],
		sv: ['AI-förslag på nästa steg', 'en ny pipelinevy', 'offertmallar med godkännande'],
		zh: ['智能下一步建议', '全新销售漏斗看板', '报价审批模板']
	},
	Analytics: {
		en: ['natural-language questions', 'scheduled PDF reports', 'a refreshed dashboard gallery', 'row-level security', 'live connectors for 60 sources', 'anomaly alerts'],
		de: ['Fragen in natürlicher Sprache', 'geplante PDF-Berichte', 'Zeilenebenen-Sicherheit', 'Live-Konnektoren für 60 Quellen'],
		sv: ['frågor på vanlig svenska', 'schemalagda PDF-rapporter', 'avvikelselarm'],
		zh: ['自然语言问答', '定时PDF报表', '异常预警', '60种数据源实时连接']
	}
};

const PROCESSES: Record<Language, readonly string[]> = {
	en: ['month-end close', 'order-to-cash', 'quote approval', 'inventory counts', 'forecast cycles', 'board reporting'],
	de: ['den Monatsabschluss', 'die Auftragsabwicklung', 'die Inventur', 'das Reporting'],
	sv: ['månadsbokslutet', 'orderflödet', 'inventeringen', 'rapporteringen'],
	zh: ['月末结账', '订单到收款流程', '库存盘点', '管理报表']
};

const QUOTES = [
	'We finally see every order in one place',
	'Our sales team stopped living in spreadsheets',
	'Closing the books is boring now, in a good way',
	'The dashboards answered questions we had stopped asking'
];
const ROLES = ['CFO', 'COO', 'head of sales', 'IT director', 'controller', 'supply chain lead'];
const TIPS: Record<ProductLine, readonly string[]> = {
	ERP: ['save a view for the filters you set every morning', 'press Ctrl+K to jump to any vendor or item', 'attach the delivery note to the receipt so the invoice matches itself', 'use recurring journals for accruals'],
	CRM: ['pin your top 10 deals to the pipeline board', 'log calls from your phone with the share button', 'set a reminder when a quote has been opened twice'],
	Analytics: ['ask "which region grew fastest last quarter?" in the search box', 'subscribe to a dashboard to get it as a PDF every Monday', 'use a date slicer instead of copying a report per month']
};
const WEBINAR_TOPICS = ['closing the books in three days', 'what is new in this release', 'moving from spreadsheets', 'AI in finance, without the hype', 'running a multi-country rollout', 'pipeline hygiene for sales managers'];
const JOB_ROLES = ['a senior backend engineer', 'a product designer', 'a solution architect', 'an account executive', 'a data scientist', 'a customer success manager', 'a working student in marketing'];
const WEEKDAYS_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function capitalised(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

function productName(product: ProductLine): string {
	return `Contoso ${product}`;
}

/** Which product an event is about (Connect and the summits cover the account's own products). */
const EVENT_PRODUCT: Partial<Record<CompanyEvent['kind'], ProductLine>> = {
	'erp-release': 'ERP',
	'crm-release': 'CRM',
	'analytics-launch': 'Analytics',
	consolidation: 'ERP'
};
const EVENT_TAG: Record<CompanyEvent['kind'], string | null> = {
	connect: '#ContosoConnect',
	'erp-release': '#WhatsNew',
	'crm-release': '#WhatsNew',
	'analytics-launch': '#AI',
	consolidation: '#ContosoLearning',
	'china-summit': null
};

function hashtagsFor(member: CastMember, kind: PostKind, product: ProductLine, event: CompanyEvent | null, random: Random): string[] {
	const tags = [`#${product}`];
	if (member.productLines.length > 1 && random.chance(0.2)) tags.push(`#${another(member.productLines, product, random)}`);
	if (event) {
		const tag = EVENT_TAG[event.kind];
		if (tag) tags.push(tag);
	}
	if (kind === 'story') tags.push('#CustomerStory');
	if (kind === 'hiring' || kind === 'culture') tags.push('#ContosoCareers', '#LifeAtContoso');
	if (kind === 'tip') tags.push(`#${product}Tips`);
	if (kind === 'partner') tags.push('#ContosoPartners');
	if (member.language === 'de' && random.chance(0.5)) tags.push(random.pick(['#Mittelstand', '#Digitalisierung']));
	if (member.language === 'sv' && random.chance(0.5)) tags.push('#Digitalisering');
	if (member.language === 'zh') tags.push('#数字化转型');
	return tags.slice(0, 4);
}

interface Message {
	headline: string;
	detail: string;
	cta: string;
}

function eventMessage(event: CompanyEvent, day: DayNumber, language: Language, feature: string, feature2: string): Message {
	const offset = day - event.day;
	const { year, city } = event;
	switch (event.kind) {
		case 'connect':
			if (language === 'de') {
				if (offset < 0) return { headline: `Noch ${-offset} Tage bis Contoso Connect ${year} in ${city}.`, detail: 'Agenda und Anmeldung:', cta: 'Jetzt anmelden' };
				if (offset === 0) return { headline: `Contoso Connect ${year} startet heute in ${city}!`, detail: 'Die Keynote läuft um 10:00 Uhr Ortszeit.', cta: 'Live dabei sein' };
				return { headline: `Danke, ${city}! Die Keynote von Contoso Connect ${year} gibt es jetzt zum Nachschauen.`, detail: '', cta: 'Zur Aufzeichnung' };
			}
			if (language === 'sv') {
				if (offset <= 0) return { headline: `Contoso Connect ${year} i ${city}${offset === 0 ? ' börjar idag' : ` om ${-offset} dagar`}!`, detail: 'Keynote kl. 10:00 lokal tid.', cta: 'Anmälan' };
				return { headline: `Tack ${city}! Keynoten från Contoso Connect ${year} finns nu att se i efterhand.`, detail: '', cta: 'Se den här' };
			}
			if (offset < 0) return { headline: `${-offset} days to Contoso Connect ${year} in ${city}.`, detail: 'The agenda is live: 120 sessions, 3 keynotes, 1 party.', cta: 'Register' };
			if (offset === 0) return { headline: `Contoso Connect ${year} starts today in ${city}!`, detail: 'Keynote at 10:00 local time: what comes next for ERP, CRM and Analytics.', cta: 'Watch live' };
			return { headline: `Thank you, ${city}! The Contoso Connect ${year} keynote is now on demand.`, detail: 'Catch up on the announcements you missed.', cta: 'Watch the recording' };
		case 'erp-release':
			if (language === 'de') return { headline: `Contoso ERP ${year} Release Wave 1 ist da: ${feature}, ${feature2} und mehr.`, detail: '', cta: 'Alle Neuerungen' };
			if (language === 'sv') return { headline: `Contoso ERP ${year} release wave 1 rullas ut: ${feature} och mer.`, detail: '', cta: 'Läs mer' };
			if (language === 'zh') return { headline: `Contoso ERP ${year} 第一波更新发布：${feature}、${feature2}等。`, detail: '', cta: '了解更多' };
			return { headline: `Contoso ERP ${year} release wave 1 is rolling out: ${feature}, ${feature2} and more.`, detail: 'Your sandbox gets it first, production follows over four weeks.', cta: "What's new" };
		case 'crm-release':
			return { headline: `Contoso CRM ${year}.2 is here: ${feature}.`, detail: 'Available to every plan, no add-on needed.', cta: 'See the release notes' };
		case 'analytics-launch':
			if (language === 'de') return { headline: 'Das ist Contoso Analytics Copilot: Fragen in natürlicher Sprache stellen, Diagramm zurückbekommen.', detail: '', cta: 'Jetzt testen' };
			if (language === 'zh') return { headline: 'Contoso Analytics Copilot 正式发布：用自然语言提问，直接获得图表。', detail: '', cta: '立即体验' };
			return { headline: 'Meet Contoso Analytics Copilot: ask your data a question in plain language and get a chart back.', detail: 'Now in preview for every Analytics customer.', cta: 'Try it' };
		case 'consolidation':
			return { headline: 'All ERP tutorials now live on Contoso Learning.', detail: 'One channel, a new lesson every week, every product.', cta: 'Subscribe there' };
		case 'china-summit':
			if (language === 'zh') return { headline: `Contoso ${year} 中国数字化峰会在${city}举行。`, detail: '', cta: '查看回放' };
			return { headline: `Contoso China Digital Summit ${year} in ${city}.`, detail: '', cta: 'Watch the replay' };
	}
}

/** One of several message builders; only the chosen one runs (hundreds of thousands of posts). */
function oneOf(random: Random, builders: readonly (() => Message)[]): Message {
	return builders[Math.floor(random.next() * builders.length)]();
}

/** A second, different item from a list. */
function another<T>(items: readonly T[], first: T, random: Random): T {
	const index = items.indexOf(first);
	return items[(index + 1 + Math.floor(random.next() * (items.length - 1))) % items.length];
}

function englishMessage(kind: PostKind, product: ProductLine, day: DayNumber, random: Random): Message {
	const features = FEATURES[product].en;
	const feature = random.pick(features);
	const feature2 = another(features, feature, random);
	const customer = random.pick(CUSTOMERS);
	const name = productName(product);
	switch (kind) {
		case 'story': {
			const before = random.int(8, 15);
			return oneOf(random, [
				() => ({ headline: `How ${customer} cut ${random.pick(PROCESSES.en)} from ${before} days to ${random.int(2, before - 4)} with ${name}.`, detail: `"${random.pick(QUOTES)}," says their ${random.pick(ROLES)}.`, cta: 'Read the story' }),
				() => ({ headline: `${customer} now runs ${random.int(3, 40)} sites on ${name}.`, detail: `The rollout took ${random.int(4, 14)} months, country by country.`, cta: 'Full story' }),
				() => ({ headline: `Customer story: ${customer} grew ${random.pick(['repeat orders', 'win rates', 'on-time deliveries', 'forecast accuracy'])} by ${random.int(8, 45)}% after moving to ${name}.`, detail: '', cta: 'How they did it' }),
				() => ({ headline: `"${random.pick(QUOTES)}." The ${random.pick(ROLES)} of ${customer} on year one with ${name}.`, detail: '', cta: 'Watch the interview' })
			]);
		}
		case 'announcement':
			return oneOf(random, [
				() => ({ headline: `New in ${name}: ${feature}.`, detail: `Rolling out to all regions over the next ${random.int(2, 6)} weeks.`, cta: 'Learn more' }),
				() => ({ headline: `${capitalised(feature)} is now generally available in ${name}.`, detail: '', cta: 'Docs' }),
				() => ({ headline: `${name} update: ${feature} and ${feature2}.`, detail: 'Thanks to everyone who tested the preview.', cta: 'Release notes' }),
				() => ({ headline: `Preview: ${feature} is coming to ${name} next month.`, detail: 'Sign up to try it early.', cta: 'Join the preview' })
			]);
		case 'tip':
		case 'tutorial':
			return { headline: `${name} tip: ${random.pick(TIPS[product])}.`, detail: '', cta: 'More tips' };
		case 'webinar':
			return { headline: `Webinar on ${WEEKDAYS_EN[(weekdayOfDay(day) + random.int(2, 4)) % 5]}: ${random.pick(WEBINAR_TOPICS)}.`, detail: `With product experts from ${name} and ${customer}.`, cta: 'Save your seat' };
		case 'hiring':
			return { headline: `We're hiring ${random.pick(JOB_ROLES)} in ${random.pick(CITIES)}.`, detail: 'Hybrid, with a team that ships every two weeks.', cta: 'Apply' };
		case 'culture':
			return oneOf(random, [
				() => ({ headline: `Meet ${random.pick(PEOPLE)}, who joined our ${random.pick(CITIES)} office ${random.int(2, 9)} years ago as an intern.`, detail: 'Today she leads the team that builds our mobile apps.', cta: 'More stories' }),
				() => ({ headline: `Volunteer day in ${random.pick(CITIES)}: ${random.int(20, 140)} Contosians planted trees, painted a school and fixed bikes.`, detail: '', cta: 'See the photos' })
			]);
		case 'support':
			return oneOf(random, [
				() => ({ headline: `Heads-up: planned maintenance for ${name} Cloud on ${abbreviatedDate(day + random.int(2, 6))}, 02:00–04:00 UTC.`, detail: '', cta: 'Status page' }),
				() => ({ headline: `Resolved: some ${name} users saw slow ${random.pick(['report loading', 'sign-ins', 'exports', 'sync'])} this morning. Sorry for the trouble.`, detail: '', cta: 'Incident report' }),
				() => ({ headline: `Known issue: ${random.pick(['PDF exports time out for very large reports', 'the mobile app logs out after an update', 'some webhooks fire twice'])}. A fix is on its way.`, detail: '', cta: 'Workaround' })
			]);
		case 'reply': {
			const handle = `${random.pick(['jo', 'sam', 'alex', 'kim', 'lee', 'max', 'ana'])}_${random.pick(['finance', 'ops', 'it', 'sales'])}${random.int(1, 99)}`;
			return oneOf(random, [
				() => ({ headline: `@${handle} Sorry about that! Please DM us your ticket number and we'll take a look.`, detail: '', cta: '' }),
				() => ({ headline: `@${handle} Thanks for the kind words, we'll pass them on to the team!`, detail: '', cta: '' }),
				() => ({ headline: `@${handle} That is on the roadmap for ${name}. Follow the release notes for updates.`, detail: '', cta: '' })
			]);
		}
		case 'partner': {
			const partner = random.pick(PARTNERS);
			return oneOf(random, [
				() => ({ headline: `Welcome ${partner} to the Contoso Partner Network!`, detail: `They specialise in ${name} rollouts for ${random.pick(['manufacturers', 'retailers', 'wholesalers', 'banks'])}.`, cta: 'Find a partner' }),
				() => ({ headline: `Partner spotlight: how ${partner} rolled out ${name} for ${customer} in ${random.int(3, 9)} months.`, detail: '', cta: 'Read the case' }),
				() => ({ headline: `New partner training: ${random.pick(WEBINAR_TOPICS)}.`, detail: 'Free for every partner tier.', cta: 'Enrol' })
			]);
		}
		case 'news':
			return { headline: `ERP news roundup: ${feature}, ${feature2} and a customer story from ${customer}.`, detail: '', cta: 'All news' };
		case 'event':
			return { headline: `Contoso Connect: ${random.pick(WEBINAR_TOPICS)}.`, detail: '', cta: 'Agenda' };
	}
}

function germanMessage(kind: PostKind, product: ProductLine, random: Random): Message {
	const feature = random.pick(FEATURES[product].de);
	const customer = random.pick(CUSTOMERS);
	const name = productName(product);
	switch (kind) {
		case 'story':
		case 'partner':
			return oneOf(random, [
				() => ({ headline: `Wie ${customer} ${random.pick(PROCESSES.de)} mit ${name} um ${random.int(30, 70)} % beschleunigt hat.`, detail: `„${random.pick(['Endlich sehen wir alle Aufträge an einem Ort', 'Der Monatsabschluss ist jetzt langweilig, im besten Sinne'])}“, sagt der ${random.pick(['CFO', 'IT-Leiter', 'Controller'])}.`, cta: 'Zur Story' }),
				() => ({ headline: `${customer} arbeitet jetzt an ${random.int(3, 25)} Standorten mit ${name}.`, detail: '', cta: 'Mehr erfahren' })
			]);
		case 'announcement':
		case 'news':
			return { headline: `Neu in ${name}: ${feature}.`, detail: 'Ab sofort für alle Kundinnen und Kunden in Deutschland, Österreich und der Schweiz.', cta: 'Alle Details' };
		case 'webinar':
		case 'event':
			return { headline: `Webinar am ${['Dienstag', 'Mittwoch', 'Donnerstag'][random.int(0, 2)]}: ${random.pick(['Monatsabschluss in drei Tagen', 'Neues im aktuellen Release', 'Von Excel zu ERP'])}.`, detail: '', cta: 'Jetzt anmelden' };
		case 'hiring':
		case 'culture':
			return { headline: `Wir suchen ${random.pick(['eine Solution Architektin (m/w/d)', 'einen Account Executive (m/w/d)', 'Werkstudierende im Marketing'])} in ${random.pick(['München', 'Berlin', 'Wien', 'Zürich'])}.`, detail: '', cta: 'Bewerben' };
		default:
			return { headline: `${name}-Tipp: ${random.pick(['Gespeicherte Ansichten sparen jeden Morgen Zeit', 'Mit Strg+K springen Sie zu jedem Artikel', 'Wiederkehrende Buchungen für Abgrenzungen nutzen'])}.`, detail: '', cta: 'Mehr Tipps' };
	}
}

function swedishMessage(kind: PostKind, product: ProductLine, random: Random): Message {
	const customer = random.pick(CUSTOMERS);
	const name = productName(product);
	switch (kind) {
		case 'story':
			return { headline: `Så kortade ${customer} ${random.pick(PROCESSES.sv)} med ${random.int(30, 60)} % med ${name}.`, detail: '', cta: 'Läs kundcaset' };
		case 'announcement':
		case 'news':
			return { headline: `Nytt i ${name}: ${random.pick(FEATURES[product].sv)}.`, detail: '', cta: 'Läs mer' };
		case 'webinar':
		case 'event':
			return { headline: `Webbinarium på ${random.pick(['tisdag', 'onsdag', 'torsdag'])}: ${random.pick(['bokslut på tre dagar', 'nyheterna i releasen', 'från Excel till ERP'])}.`, detail: '', cta: 'Anmäl dig' };
		default:
			return { headline: `Tips: ${random.pick(['spara en vy med dina vanligaste filter', 'tryck Ctrl+K för att hitta en leverantör direkt'])}.`, detail: '', cta: 'Fler tips' };
	}
}

function chineseMessage(kind: PostKind, product: ProductLine, random: Random): Message {
	const feature = random.pick(FEATURES[product].zh);
	const name = productName(product);
	switch (kind) {
		case 'story':
			return { headline: `${random.pick(CUSTOMERS)}如何借助${name}将${random.pick(PROCESSES.zh)}时间缩短${random.int(30, 70)}%`, detail: '', cta: '阅读案例' };
		case 'announcement':
		case 'news':
			return { headline: `${name}新功能：${feature}`, detail: '', cta: '了解更多' };
		case 'webinar':
		case 'event':
			return { headline: `直播预告：${random.pick(['三天完成月结', '新版本功能解读', '从Excel到ERP'])}`, detail: '', cta: '预约直播' };
		default:
			return { headline: `${name}教程：${feature}（第${random.int(1, 30)}课）`, detail: '', cta: '' };
	}
}

function youtubeTitle(member: CastMember, kind: PostKind, product: ProductLine, message: Message, random: Random): string {
	const name = productName(product);
	if (member.language === 'zh' || kind === 'event') return message.headline.replace(/[.。]$/, '');
	if (member.language !== 'en') return message.headline.replace(/[.]$/, '');
	const feature = random.pick(FEATURES[product].en);
	switch (kind) {
		case 'tutorial':
		case 'tip':
			return random.pick([
				`${name} tutorial: ${feature} in ${random.int(5, 15)} minutes`,
				`How to set up ${feature} in ${name}`,
				`${name} for beginners, part ${random.int(1, 24)}: ${feature}`,
				`${capitalised(random.pick(TIPS[product]))} #Shorts`
			]);
		case 'story':
			return `${random.pick(CUSTOMERS)} customer story | ${name}`;
		case 'webinar':
			return `Webinar recording: ${random.pick(WEBINAR_TOPICS)}`;
		default:
			return message.headline.replace(/[.]$/, '');
	}
}

function lowerTags(tags: readonly string[]): string {
	return tags.map((tag) => tag.toLowerCase()).join(' ');
}

/**
 * The text of one post. Deterministic in `random`, which the caller seeds per (account, post), so a
 * post's text can be rebuilt for any file that lists it.
 */
export function writePostCopy(
	member: CastMember,
	kind: PostKind,
	event: CompanyEvent | null,
	day: DayNumber,
	random: Random
): PostCopy {
	const language = member.language;
	const product = (event && EVENT_PRODUCT[event.kind]) || random.pick(member.productLines);
	const features = FEATURES[product][language];
	let message: Message;
	if (event) {
		const feature = random.pick(features);
		message = eventMessage(event, day, language, feature, another(features, feature, random));
	} else if (language === 'de') message = germanMessage(kind, product, random);
	else if (language === 'sv') message = swedishMessage(kind, product, random);
	else if (language === 'zh') message = chineseMessage(kind, product, random);
	else message = englishMessage(kind, product, day, random);

	const tags = hashtagsFor(member, kind, product, event, random);
	const emoji = random.chance(0.3) ? `${random.pick(EMOJI)} ` : '';
	const { headline, detail, cta } = message;

	switch (member.platform) {
		case 'x': {
			if (kind === 'reply') return { text: headline, title: headline };
			const link = cta ? ` https://t.co/${random.token(10, 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ0123456789')}` : '';
			const body = detail && random.chance(0.5) ? `${headline}${random.chance(0.3) ? '\n\n' : ' '}${detail}` : headline;
			const text = `${emoji}${body}${link} ${tags.slice(0, 3).join(' ')}`.trim();
			return { text: text.length > 280 ? `${emoji}${headline}${link}`.slice(0, 280) : text, title: headline };
		}
		case 'linkedin': {
			const link = `https://lnkd.in/${random.token(7, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}`;
			const parts = [headline, detail, cta ? `${cta}: ${link}` : link, tags.join(' ')].filter((part) => part !== '');
			return { text: parts.join('\n\n'), title: headline };
		}
		case 'facebook': {
			const slug = headline
				.toLowerCase()
				.replace(/[^a-z0-9]+/g, '-')
				.slice(0, 48)
				.replace(/^-+|-+[^-]*$/g, '');
			const url = `https://contoso.com/${language === 'en' ? '' : `${language}/`}${slug}`;
			const text = `${headline}${emoji ? ` ${emoji.trim()}` : ''}${detail ? `\n\n${detail}` : ''}${cta ? `\n${cta}: ${url}` : ''}${tags.length ? `\n\n${tags.join(' ')}` : ''}`;
			return { text, title: headline };
		}
		case 'instagram': {
			const bio = { en: 'Link in bio.', de: 'Link in der Bio.', sv: 'Länk i bio.', zh: '链接见主页。' }[language];
			const text = `${headline} ${emoji}`.trim() + `${detail ? `\n\n${detail}` : ''}\n\n${bio}\n.\n.\n${tags.join(' ')} #contoso`;
			return { text, title: headline };
		}
		case 'tiktok': {
			const hook = random.pick(
				language === 'de'
					? ['POV: ', 'Kurz erklärt: ', '']
					: language === 'sv'
						? ['Snabbtips: ', '']
						: ['POV: ', 'Tell me you work in finance without telling me: ', 'Day in the life: ', '', '']
			);
			const text = `${hook}${headline} ${lowerTags(tags)} #fyp #worklife`;
			return { text, title: text };
		}
		case 'youtube': {
			const title = youtubeTitle(member, kind, product, message, random);
			return { text: title, title };
		}
		case 'wechat':
			return { text: headline, title: headline };
	}
}

import { describe, expect, it } from 'vitest';
import { dayFromISO } from '../days';
import {
	checkDraft,
	cleanDraft,
	compareItems,
	distinctValues,
	draftOf,
	emptyDraft,
	isFilterActive,
	itemMatchesFilter,
	splitList,
	webLink,
	type ItemDraft,
	type ItemFilter,
	type PlannedItem
} from './items';

const DAY = dayFromISO('2021-11-22')!;

function item(fields: Partial<PlannedItem> = {}): PlannedItem {
	return {
		id: 'a',
		title: 'How Fabrikam closes the books in 3 days',
		angle: 'both',
		segments: ['buyers', 'End users'],
		productLines: ['ERP'],
		accountIds: ['x:contosoerp', 'linkedin:contoso'],
		owner: 'Jana',
		status: 'planned',
		day: DAY,
		notes: '',
		link: '',
		linkedPostIds: [],
		createdAt: '2021-11-01T10:00:00.000Z',
		updatedAt: '2021-11-01T10:00:00.000Z',
		...fields
	};
}

describe('drafts', () => {
	it('starts an undated draft as an idea and a dated one as planned', () => {
		expect(emptyDraft()).toMatchObject({ status: 'idea', day: null, angle: 'story' });
		expect(emptyDraft(DAY)).toMatchObject({ status: 'planned', day: DAY });
	});

	it('reads unknown stored angle and status as the defaults instead of passing them on', () => {
		const draft = draftOf(item({ angle: 'tutorial', status: 'archived' }));
		expect(draft.angle).toBe('story');
		expect(draft.status).toBe('idea');
	});

	it('cleans text, lists (case-insensitive, first spelling kept) and duplicate accounts', () => {
		const draft: ItemDraft = {
			...emptyDraft(DAY),
			title: '  Fabrikam   story ',
			segments: [' buyers', 'Buyers', '', 'end users '],
			productLines: ['ERP', 'erp', 'CRM'],
			accountIds: ['x:a', 'x:a', ' ', 'x:b'],
			owner: ' Jana  K ',
			notes: 'line 1\r\nline 2\n',
			link: ' https://example.com/a '
		};
		expect(cleanDraft(draft)).toEqual({
			...draft,
			title: 'Fabrikam story',
			segments: ['buyers', 'end users'],
			productLines: ['ERP', 'CRM'],
			accountIds: ['x:a', 'x:b'],
			owner: 'Jana K',
			notes: 'line 1\nline 2',
			link: 'https://example.com/a'
		});
	});

	it('splits typed lists on commas and semicolons, Latin or full-width', () => {
		expect(splitList('end users, buyers;solution partners，Buyers；')).toEqual(['end users', 'buyers', 'solution partners']);
	});

	it.each<[string, Partial<ItemDraft>, string[]]>([
		['a complete planned item', {}, []],
		['no title', { title: '  ' }, ['title:titleMissing']],
		['a title too long', { title: 'x'.repeat(201) }, ['title:titleTooLong']],
		['planned without a date', { day: null }, ['day:plannedNeedsDay']],
		['published without a date', { day: null, status: 'published' }, ['day:publishedNeedsDay']],
		['an undated idea', { day: null, status: 'idea' }, []],
		['a day that is not a whole number', { day: 1.5 }, ['day:dayInvalid']],
		['a link that is not a web address', { link: 'intranet/story' }, ['link:link']],
		['a javascript: link', { link: 'javascript:alert(1)' }, ['link:link']],
		['an unknown angle', { angle: 'tutorial' as ItemDraft['angle'] }, ['angle:angle']],
		['an unknown status', { status: 'archived' as ItemDraft['status'] }, ['status:status']]
	])('checks %s', (_name, fields, expected) => {
		const draft: ItemDraft = { ...emptyDraft(DAY), title: 'Fabrikam story', link: 'https://example.com/story', ...fields };
		expect(checkDraft(draft).map((problem) => `${problem.field}:${problem.code}`)).toEqual(expected);
	});

	it('gives a problem its values for the interface to word, and an English message for the database layer', () => {
		const [problem] = checkDraft({ ...emptyDraft(DAY), title: 'x'.repeat(201) });
		expect(problem).toMatchObject({ code: 'titleTooLong', params: { max: 200 } });
		expect(problem.message).toMatch(/under 200 characters/);
	});

	it('accepts only http and https links', () => {
		expect(webLink('https://example.com/a?b=1')?.href).toBe('https://example.com/a?b=1');
		expect(webLink('http://intranet.local/x')?.hostname).toBe('intranet.local');
		expect(webLink('mailto:team@example.com')).toBeNull();
		expect(webLink('')).toBeNull();
	});
});

describe('filters', () => {
	it.each<[string, ItemFilter, boolean]>([
		['no filter', {}, true],
		['one of its accounts', { accountId: 'linkedin:contoso' }, true],
		['another account', { accountId: 'x:contosocrm' }, false],
		['a segment, whatever the case', { segment: 'end users' }, true],
		['a segment it does not serve', { segment: 'solution partners' }, false],
		['its product line', { productLine: 'erp' }, true],
		['another product line', { productLine: 'CRM' }, false],
		['its owner', { owner: 'jana' }, true],
		['another owner', { owner: 'Ben' }, false],
		['its status', { status: 'planned' }, true],
		['another status', { status: 'idea' }, false],
		['all of them at once', { accountId: 'x:contosoerp', segment: 'buyers', productLine: 'ERP', owner: 'Jana', status: 'planned' }, true]
	])('%s', (_name, filter, expected) => {
		expect(itemMatchesFilter(item(), filter)).toBe(expected);
	});

	it('knows when a filter narrows the view', () => {
		expect(isFilterActive({})).toBe(false);
		expect(isFilterActive({ owner: '' })).toBe(false);
		expect(isFilterActive({ status: 'idea' })).toBe(true);
	});
});

describe('ordering and values', () => {
	it('orders by day with undated items last, then by title', () => {
		const items = [
			item({ id: '1', day: null, title: 'A' }),
			item({ id: '2', day: DAY + 1, title: 'A' }),
			item({ id: '3', day: DAY, title: 'B' }),
			item({ id: '4', day: DAY, title: 'A' })
		];
		expect(items.sort(compareItems).map((one) => one.id)).toEqual(['4', '3', '2', '1']);
	});

	it('collects distinct values from several sources, sorted without regard to case', () => {
		expect(distinctValues(['buyers', 'End users'], ['end users', 'Analysts'], [])).toEqual(['Analysts', 'buyers', 'End users']);
	});
});

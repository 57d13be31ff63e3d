import { describe, expect, it } from 'vitest';
import { dayFromISO } from '../../domain/days';
import { DEFAULT_VIEW, parseViewQuery, queryString, viewQuery, type ViewState } from './view-query';

const day = (iso: string) => dayFromISO(iso)!;

describe('view ↔ query', () => {
	it('an empty query is the default view, and the default view is an empty query', () => {
		expect(parseViewQuery(new URLSearchParams())).toEqual(DEFAULT_VIEW);
		expect(queryString(viewQuery({ ...DEFAULT_VIEW }))).toBe('');
	});

	it('a full view survives the round trip', () => {
		const view: ViewState = {
			preset: 'custom',
			custom: { from: day('2023-02-01'), to: day('2024-01-31') },
			grain: 'month',
			metric: 'impressions',
			platforms: [],
			accounts: ['x:acme', 'linkedin:acme corp'],
			layout: 'accounts',
			rolling: [7, 90],
			yearOverYear: true
		};
		const params = viewQuery(view);
		expect(params.get('range')).toBe('custom');
		expect(params.get('from')).toBe('2023-02-01');
		expect(params.get('accounts')).toBe('x:acme,linkedin:acme corp');
		expect(parseViewQuery(new URLSearchParams(params.toString()))).toEqual(view);
	});

	it.each([
		['range=12m', { preset: 'last-12-months' }],
		['range=ytd&grain=day', { preset: 'year-to-date', grain: 'day' }],
		['platforms=x,linkedin,myspace', { platforms: ['x', 'linkedin'] }],
		['rolling=none', { rolling: [] }],
		['rolling=28,7,7,14', { rolling: [7, 28] }],
		['layout=stacked&yoy=1', { layout: 'stacked', yearOverYear: true }]
	] as const)('reads %s', (query, expected) => {
		expect(parseViewQuery(new URLSearchParams(query))).toEqual({ ...DEFAULT_VIEW, ...expected });
	});

	it.each([
		'range=forever',
		'range=custom&from=2024-02-30&to=2024-03-01',
		'range=custom',
		'grain=fortnight',
		'metric=__proto__',
		'metric=toString',
		'layout=pie',
		'rolling=5',
		'yoy=yes'
	])('falls back to the default for the unreadable %s', (query) => {
		expect(parseViewQuery(new URLSearchParams(query))).toEqual(DEFAULT_VIEW);
	});

	it('orders a reversed custom range and keeps unrelated parameters such as the account id', () => {
		const view = parseViewQuery(new URLSearchParams('range=custom&from=2024-05-01&to=2024-01-01'));
		expect(view.custom).toEqual({ from: day('2024-01-01'), to: day('2024-05-01') });
		const params = viewQuery({ ...view, grain: 'quarter' }, new URLSearchParams('id=x:acme&grain=day'));
		expect(params.toString()).toBe('id=x%3Aacme&range=custom&from=2024-01-01&to=2024-05-01&grain=quarter');
	});

	it('chosen accounts win over chosen platforms in the query', () => {
		const params = viewQuery({ ...DEFAULT_VIEW, accounts: ['x:acme'], platforms: ['x'] });
		expect(params.has('platforms')).toBe(false);
		expect(params.get('accounts')).toBe('x:acme');
	});
});

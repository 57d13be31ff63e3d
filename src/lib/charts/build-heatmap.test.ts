import { describe, expect, it } from 'vitest';
import { postingHeatmap } from '../domain/analytics/cadence';
import type { AnalyticsPost } from '../domain/analytics/types';
import { dayFromISO } from '../domain/days';
import { buildHeatmapGrid } from './build-heatmap';

let id = 0;
const post = (publishedAt: string | null, engagements?: number, date?: string): AnalyticsPost => ({
	postId: String(++id),
	accountId: 'x:a',
	publishedAt,
	day: dayFromISO(date ?? publishedAt ?? '')!,
	text: '',
	metrics: engagements === undefined ? {} : { engagements }
});

// Mondays 09:xx: 5 posts (median 30); Tuesdays 10:xx: 5 posts (median 10); Wednesday 08:00: 1 post
const posts = [
	...['2024-03-18', '2024-03-25', '2024-04-01', '2024-04-08', '2024-04-15'].map((d, i) => post(`${d}T09:00`, [10, 20, 30, 40, 50][i])),
	...['2024-03-19', '2024-03-26', '2024-04-02', '2024-04-09', '2024-04-16'].map((d) => post(`${d}T10:15`, 10)),
	post('2024-03-20T08:00', 500),
	post(null, 5, '2024-03-21')
];

describe('buildHeatmapGrid', () => {
	const grid = buildHeatmapGrid(postingHeatmap(posts), { theme: 'light' });

	it('lays out 7 weekdays × 24 hours', () => {
		expect(grid.rows.map((row) => row.weekday)).toEqual([0, 1, 2, 3, 4, 5, 6]);
		expect(grid.hours[0]).toBe('00');
		expect(grid.rows.every((row) => row.cells.length === 24)).toBe(true);
	});

	it('colours reliable cells from lowest to highest median', () => {
		const monday = grid.rows[0].cells[9];
		const tuesday = grid.rows[1].cells[10];
		expect(monday).toMatchObject({ value: 30, n: 5, reliable: true, background: '#662506', color: '#ffffff', text: '30', from: '09:00', to: '09:59' });
		expect(tuesday).toMatchObject({ value: 10, reliable: true, background: '#FFFFE5', color: '#1b1f24' });
		expect(grid.legend).toMatchObject({ min: 10, max: 30 });
	});

	it('mutes a cell with too few posts instead of letting one post light it up', () => {
		const wednesday = grid.rows[2].cells[8];
		expect(wednesday).toMatchObject({ value: 500, n: 1, reliable: false, background: '#eef1f5', text: 'n=1' });
		expect(grid.minSample).toBe(5);
		expect(grid.rows[6].cells[0]).toMatchObject({ value: null, n: 0, reliable: false, text: '', from: '00:00', to: '00:59' });
	});

	it('notes posts without a time and can show posting counts instead', () => {
		expect(grid).toMatchObject({ measure: 'median', withoutTime: 1 });
		const counts = buildHeatmapGrid(postingHeatmap(posts), { theme: 'dark', measure: 'posts' });
		expect(counts.rows[2].cells[8]).toMatchObject({ value: 1, reliable: true, text: '1' });
		expect(counts.rows[6].cells[0]).toMatchObject({ value: 0, reliable: true });
		expect(counts.measure).toBe('posts');
	});
});

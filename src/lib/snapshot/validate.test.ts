import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapshotContentSchema, snapshotEnvelopeSchema, type SnapshotContent } from '../schemas/snapshot';
import { encodeContent } from './codec';
import { largeWorkspace, smallWorkspace } from './test-workspaces';
import { validateContent, validateEnvelope } from './validate';

/** Content as a file holds it after JSON.parse: plain JSON, nothing shared with the source. */
function contentJson(): Record<string, unknown> & SnapshotContent {
	return JSON.parse(JSON.stringify(encodeContent(largeWorkspace({ accounts: 3, years: 1, posts: 60, exportsPerYear: 2, seed: 7 }))));
}

/** Zod's own verdict on the same value: success, or its issues. */
function zodVerdict(value: unknown) {
	const result = snapshotContentSchema.safeParse(value);
	return result.success ? { success: true, data: result.data } : { success: false, issues: result.error.issues };
}

describe('validateContent', () => {
	it('accepts valid content with the same output as Zod, the bulk arrays included', () => {
		const content = contentJson();
		const fast = validateContent(content);
		expect(fast.success).toBe(true);
		expect(fast).toEqual(zodVerdict(content));
		expect(validateContent(JSON.parse(JSON.stringify(encodeContent(smallWorkspace()))))).toEqual(zodVerdict(encodeContent(smallWorkspace())));
	});

	const BAD_VALUES = [null, 1.5, -1, 0, '', 'x', 'facebook', true, [], {}, 1e300, 2 ** 60];

	it('gives exactly Zod’s verdict and messages when any one bulk value is replaced', () => {
		const content = contentJson();
		const layer = content.postLayers[1];
		const columns = Object.keys(layer.posts).filter((name) => name !== 'metrics');
		const metrics = Object.keys(layer.posts.metrics);
		fc.assert(
			fc.property(
				fc.constantFrom('series', 'column', 'metric'),
				fc.nat(),
				fc.nat(),
				fc.constantFrom(...BAD_VALUES),
				(where, pick, index, value) => {
					const copy = structuredClone(content);
					let target: unknown[];
					if (where === 'series') target = copy.seriesLayers[pick % copy.seriesLayers.length].values;
					else if (where === 'column') target = (copy.postLayers[1].posts as unknown as Record<string, unknown[]>)[columns[pick % columns.length]];
					else target = copy.postLayers[1].posts.metrics[metrics[pick % metrics.length] as keyof typeof layer.posts.metrics]!;
					target[index % target.length] = value;
					expect(validateContent(copy)).toEqual(zodVerdict(copy));
				}
			),
			{ numRuns: 150 }
		);
	});

	it.each([
		['a column one entry short', (content: SnapshotContent) => content.postLayers[0].posts.text.pop()],
		['an unknown column', (content: SnapshotContent) => Object.assign(content.postLayers[0].posts, { views: [] })],
		['an unknown metric', (content: SnapshotContent) => Object.assign(content.postLayers[0].posts.metrics, { hearts: content.postLayers[0].posts.postId.map(() => 1) })],
		['an empty series', (content: SnapshotContent) => (content.seriesLayers[0].values = [])],
		['a series that is not a list', (content: SnapshotContent) => Object.assign(content.seriesLayers[0], { values: { 0: 1 } })],
		['a wrong layer id', (content: SnapshotContent) => (content.seriesLayers[0].id = 'x')],
		['an unknown field in a record', (content: SnapshotContent) => Object.assign(content.accounts[0], { extra: 1 })],
		['posts that are not columns', (content: SnapshotContent) => Object.assign(content.postLayers[0], { posts: [] })]
	])('refuses %s with Zod’s own issues', (_name, damage) => {
		const content = contentJson();
		damage(content);
		const fast = validateContent(content);
		expect(fast.success).toBe(false);
		expect(fast).toEqual(zodVerdict(content));
	});
});

describe('validateEnvelope', () => {
	it('is Zod’s envelope verdict, for a good head and a bad one', () => {
		const content = contentJson();
		const head = {
			format: 'chorus-snapshot',
			formatVersion: 1,
			app: { name: 'Chorus', version: '1.0.0' },
			exportedAt: '2024-03-09T12:00:00.000Z',
			summary: {
				accounts: [],
				platforms: [],
				firstDay: null,
				lastDay: null,
				counts: Object.fromEntries(
					['accounts', 'imports', 'series', 'seriesValues', 'seriesLayers', 'posts', 'postVersions', 'breakdowns', 'decisions', 'decisionHistory', 'annotations', 'northStars', 'mappingPresets', 'calendarItems', 'tagRules', 'postTags'].map((key) => [key, 0])
				)
			},
			contentSha256: '0'.repeat(64)
		};
		for (const envelope of [{ ...head, content }, { ...head, contentSha256: 'nope', content }, { ...head, content: { ...content, accounts: 'none' } }]) {
			const zod = snapshotEnvelopeSchema.safeParse(envelope);
			expect(validateEnvelope(envelope)).toEqual(zod.success ? { success: true, data: zod.data } : { success: false, issues: zod.error.issues });
		}
		expect(validateEnvelope({ ...head, content }).success).toBe(true);
	});
});

import { describe, expect, it } from 'vitest';
import { SNAPSHOT_FORMAT_VERSION } from '../schemas/snapshot';
import { MIGRATIONS, migrateEnvelope, type SnapshotEnvelopeJson } from './migrations';

const step = (to: number, mark: string) => (envelope: SnapshotEnvelopeJson) => ({
	...envelope,
	formatVersion: to,
	steps: [...((envelope.steps as string[]) ?? []), mark]
});

describe('migrateEnvelope', () => {
	it('runs every step from the file’s version up to the current one, in order', () => {
		const result = migrateEnvelope({ formatVersion: 1 }, { 1: step(2, 'one'), 2: step(3, 'two'), 3: step(4, 'three') }, 4);
		expect(result).toEqual({ ok: true, envelope: { formatVersion: 4, steps: ['one', 'two', 'three'] } });
	});

	it('starts where the file is and leaves a current file as it is', () => {
		const chain = { 1: step(2, 'one'), 2: step(3, 'two') };
		expect(migrateEnvelope({ formatVersion: 2 }, chain, 3)).toEqual({ ok: true, envelope: { formatVersion: 3, steps: ['two'] } });
		const current = { formatVersion: 3 };
		expect(migrateEnvelope(current, chain, 3)).toEqual({ ok: true, envelope: current });
	});

	it('reports the missing step, or a step that does not advance by exactly one', () => {
		expect(migrateEnvelope({ formatVersion: 1 }, { 1: step(2, 'one') }, 3)).toEqual({ ok: false, missingStep: 2 });
		expect(migrateEnvelope({ formatVersion: 1 }, { 1: step(3, 'skips') }, 3)).toEqual({ ok: false, missingStep: 1 });
	});

	it('has a step for every released version before the current one', () => {
		for (let version = 1; version < SNAPSHOT_FORMAT_VERSION; version++) expect(MIGRATIONS[version], `step ${version}`).toBeTypeOf('function');
		expect(Object.keys(MIGRATIONS).map(Number).every((version) => version < SNAPSHOT_FORMAT_VERSION)).toBe(true);
	});
});

import { describe, expect, it } from 'vitest';
import { operationFraction } from './snapshots.svelte';

describe('snapshot progress', () => {
	it('runs from 0 to 1 over the phases of the operation, in order', () => {
		const save = (phase: 'collecting' | 'encoding' | 'hashing' | 'compressing', fraction: number) => operationFraction('snapshot-save', { phase, fraction });
		expect(save('collecting', 0)).toBe(0);
		expect(save('encoding', 0.5)).toBeCloseTo(0.375);
		expect(save('compressing', 1)).toBe(1);
		const steps = [save('collecting', 0.5), save('encoding', 0), save('hashing', 0), save('compressing', 0.25), save('compressing', 0.75)];
		expect(steps).toEqual([...steps].sort((a, b) => a! - b!));
	});

	it('never leaves 0..1, and says nothing for a phase the operation does not list', () => {
		expect(operationFraction('snapshot-open', { phase: 'decoding', fraction: 7 })).toBe(1);
		expect(operationFraction('snapshot-open', { phase: 'reading', fraction: -1 })).toBe(0);
		expect(operationFraction('snapshot-open', { phase: 'writing', fraction: 0.5 })).toBeNull();
		expect(operationFraction('unknown', { phase: 'writing', fraction: 0.5 })).toBeNull();
	});

	it('spans Replace over its one phase, the write, which reports its records as it goes', () => {
		expect(operationFraction('snapshot-replace', { phase: 'writing', fraction: 0.25 })).toBe(0.25);
		expect(operationFraction('snapshot-replace', { phase: 'collecting', fraction: 0 })).toBeNull();
	});
});

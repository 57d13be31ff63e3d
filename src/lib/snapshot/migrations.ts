/**
 * Older snapshot formats, upgraded step by step to the current one. The chain is append-only:
 * when the format changes, SNAPSHOT_FORMAT_VERSION goes up by one, a step `n → n + 1` is added
 * here, and a fixture of the released version n stays in tests/fixtures/snapshots/ forever, so a
 * test proves every file ever written still opens. A released step is never edited.
 *
 * A step receives the whole envelope of version n as parsed JSON (checked only for the fields every
 * version shares, and with its checksum already verified) and returns the envelope of version
 * n + 1, summary included. The result of the last step is validated against the current schema.
 */
import { SNAPSHOT_FORMAT_VERSION } from '../schemas/snapshot';

export type SnapshotEnvelopeJson = Record<string, unknown> & { formatVersion: number };

export type SnapshotMigration = (envelope: SnapshotEnvelopeJson) => SnapshotEnvelopeJson;

/** `MIGRATIONS[n]` turns a version-n envelope into a version-(n + 1) one. Version 1 is the first format. */
export const MIGRATIONS: Readonly<Record<number, SnapshotMigration>> = {};

export type MigrationResult = { ok: true; envelope: SnapshotEnvelopeJson } | { ok: false; missingStep: number };

/** Runs the steps from the envelope's version up to `target`. */
export function migrateEnvelope(
	envelope: SnapshotEnvelopeJson,
	chain: Readonly<Record<number, SnapshotMigration>> = MIGRATIONS,
	target: number = SNAPSHOT_FORMAT_VERSION
): MigrationResult {
	let current = envelope;
	while (current.formatVersion < target) {
		const from = current.formatVersion;
		const step = chain[from];
		if (!step) return { ok: false, missingStep: from };
		current = step(current);
		if (current.formatVersion !== from + 1) return { ok: false, missingStep: from };
	}
	return { ok: true, envelope: current };
}

/**
 * Messages between the page and the snapshot worker. The worker reads and writes the workspace
 * itself (IndexedDB works in workers), so a large workspace never crosses to the page and back:
 * only the file's bytes, summaries, previews and progress do.
 */
import type { WorkspaceTables } from '../schemas/db-records';
import type { SnapshotHead, SnapshotSummary } from '../schemas/snapshot';
import type { SnapshotFailureKind } from './messages';
import type { MergePreview, MergeResolutions } from './merge';
import type { CodedMessage } from '../domain/coded-message';

export type SnapshotPhase =
	| 'collecting'
	| 'encoding'
	| 'hashing'
	| 'compressing'
	| 'reading'
	| 'inflating'
	| 'validating'
	| 'decoding'
	| 'comparing'
	| 'writing';

export interface ExportRequest {
	type: 'export';
	requestId: number;
	appVersion: string;
	/** Epoch ms. */
	exportedAt: number;
	title?: string;
	author?: string;
}

export interface OpenRequest {
	type: 'open';
	requestId: number;
	file: Blob;
	fileName: string;
	/** Send the decoded tables back, for viewing the snapshot read-only. */
	includeTables: boolean;
}

export interface PreviewMergeRequest {
	type: 'preview-merge';
	requestId: number;
}

export interface ApplyRequest {
	type: 'apply';
	requestId: number;
	mode: 'replace' | 'merge';
	resolutions: MergeResolutions;
}

export type SnapshotRequest = ExportRequest | OpenRequest | PreviewMergeRequest | ApplyRequest;

export interface ExportedSnapshot {
	bytes: Uint8Array;
	/** A file name to offer: `chorus-2024-03-09.chorus.json.gz`, with the title when there is one. */
	fileName: string;
	summary: SnapshotSummary;
}

export interface OpenedSnapshotInfo {
	fileName: string;
	head: SnapshotHead;
	sourceFormatVersion: number;
	summary: SnapshotSummary;
	warnings: string[];
	/** The warnings with codes and values, for the active language (issueText). */
	codedWarnings: CodedMessage[];
	tables?: WorkspaceTables;
}

export type ApplyOutcome = { counts: Record<string, number> };

export type SnapshotResponse =
	| { type: 'progress'; requestId: number; phase: SnapshotPhase; fraction: number }
	| { type: 'exported'; requestId: number; result: ExportedSnapshot }
	| { type: 'opened'; requestId: number; result: OpenedSnapshotInfo }
	| { type: 'merge-preview'; requestId: number; result: MergePreview }
	| { type: 'applied'; requestId: number; result: ApplyOutcome }
	| ({ type: 'failed'; requestId: number; kind: SnapshotFailureKind | 'storage' | 'no-snapshot' | 'changed' | 'crashed' } & CodedMessage);

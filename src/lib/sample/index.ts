/** Public entry of the sample-data generator; lazy-load it (`await import('$lib/sample')`). */
export {
	BENCHMARK_WORKSPACES,
	SAMPLE_PRESET,
	generateWorkspaceFiles,
	sampleAccountOfFile,
	sampleAccountProfiles,
	workspaceWindow,
	type GeneratedFile,
	type SampleAccountProfile,
	type SamplePreset,
	type WorkspaceOptions
} from './generate';
export type { AudienceSegment, Language, ProductLine, Region } from './cast';

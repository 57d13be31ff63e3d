/**
 * A saved column mapping for an export layout no importer knows. The user maps a file once; the
 * preset is stored and turned into an importer (mapping.ts `presetImporter`) so the next file with
 * the same header set imports without asking. Presets come back from storage and snapshot files,
 * so they are validated, never trusted.
 */
import { z } from 'zod';
import { METRICS, type MetricKey, type MetricSemantics } from '../domain/metrics';
import { PLATFORMS } from '../domain/model';

const METRIC_KEY_VALUES = Object.keys(METRICS) as [MetricKey, ...MetricKey[]];

/**
 * How the date column is written. 'auto' decides once per file from the values (a part above 12
 * tells day from month); the explicit orders exist because `03/04/2024` alone cannot tell.
 */
export const DATE_FORMATS = ['auto', 'ymd', 'mdy', 'dmy'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

const SEMANTICS = ['level', 'flow', 'unique', 'ratio'] as const satisfies readonly MetricSemantics[];

const columnName = z.string().trim().min(1, 'A column name is empty.');

export const mappingColumnSchema = z.object({
	/**
	 * The column's header as mapping.ts `columnKeys` names it: the trimmed header text, with ` #2`,
	 * ` #3` appended when a header repeats (so each column can be named).
	 */
	header: columnName,
	metric: z.enum(METRIC_KEY_VALUES),
	/**
	 * How the column's numbers behave, when it differs from the metric's own: 'level' on a flow
	 * metric means a running total (cumulative views) that is turned into per-day amounts.
	 * Absent: as the metric catalogue says.
	 */
	semantics: z.enum(SEMANTICS).optional()
});
export type MappingColumn = z.infer<typeof mappingColumnSchema>;

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export const mappingPresetSchema = z
	.object({
		id: z.string().min(1),
		name: z.string().trim().min(1, 'Give the mapping a name.').max(120),
		/** headerSignature() of the header row: which files this preset applies to. */
		signature: z.string().min(1),
		platform: z.enum(PLATFORMS),
		/** Index of the header row in the table's rows (0 = first row; preambles push it down). */
		headerRow: z.number().int().min(0),
		dateColumn: columnName,
		dateFormat: z.enum(DATE_FORMATS),
		/** A column naming the account on each row (several accounts in one file). */
		accountColumn: columnName.optional(),
		/** The account the whole file belongs to, when the file does not say. */
		fixedAccount: z.object({ platform: z.enum(PLATFORMS), handle: z.string().trim().min(1).transform((h) => h.replace(/^@/, '')) }).optional(),
		columns: z.array(mappingColumnSchema).min(1, 'Map at least one column to a metric.'),
		createdAt: z.iso.datetime({ offset: true })
	})
	.superRefine((preset, context) => {
		const seenHeaders = new Set<string>();
		const seenMetrics = new Map<MetricKey, string>();
		preset.columns.forEach((column, index) => {
			const key = column.header.trim().toLowerCase();
			if (seenHeaders.has(key))
				context.addIssue({ code: 'custom', path: ['columns', index, 'header'], message: `The column “${column.header}” is mapped twice.` });
			seenHeaders.add(key);
			const other = seenMetrics.get(column.metric);
			if (other !== undefined)
				context.addIssue({
					code: 'custom',
					path: ['columns', index, 'metric'],
					message: `Both “${other}” and “${column.header}” are mapped to ${METRICS[column.metric].label}; keep one, or the two would overwrite each other day by day.`
				});
			else seenMetrics.set(column.metric, column.header);
			if (sameName(column.header, preset.dateColumn))
				context.addIssue({ code: 'custom', path: ['columns', index, 'header'], message: `“${column.header}” is the date column and cannot also be a metric.` });
			if (preset.accountColumn !== undefined && sameName(column.header, preset.accountColumn))
				context.addIssue({ code: 'custom', path: ['columns', index, 'header'], message: `“${column.header}” is the account column and cannot also be a metric.` });
			const own = METRICS[column.metric].semantics;
			if (column.semantics !== undefined && column.semantics !== own && !(column.semantics === 'level' && own === 'flow'))
				context.addIssue({
					code: 'custom',
					path: ['columns', index, 'semantics'],
					message: `${METRICS[column.metric].label} is a ${own} metric; a “${column.semantics}” column cannot be converted to it (only a running total can become daily amounts).`
				});
		});
		if (preset.accountColumn !== undefined && preset.fixedAccount !== undefined)
			context.addIssue({ code: 'custom', path: ['fixedAccount'], message: 'Choose either an account column or one account for the whole file, not both.' });
		if (preset.accountColumn !== undefined && sameName(preset.accountColumn, preset.dateColumn))
			context.addIssue({ code: 'custom', path: ['accountColumn'], message: 'The account column cannot be the date column.' });
	});

export type MappingPreset = z.infer<typeof mappingPresetSchema>;

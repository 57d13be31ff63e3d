/**
 * Tag rules (story / product / any topic, by keyword, hashtag or post type) and manual per-post
 * tags. The `tagRules` table stores loose records, so every rule is checked here on the way out;
 * manual tags live in `postTags` under `${accountId}|${postId}` and replace the rules' tags for that
 * post (an empty list means "no tags" on purpose; no record means "use the rules").
 */
import { z } from 'zod';
import type { TagRule } from '../domain/analytics/topics';
import { postTagRecordSchema } from '../schemas/db-records';
import type { ChorusDatabase } from './database';
import { StoredDataError } from './errors';
import { newId } from './ids';
import { countWorkspaceChange } from './meta';

export const storedTagRuleSchema = z.object({
	id: z.string().min(1),
	label: z.string(),
	kind: z.enum(['keyword', 'hashtag', 'postType']),
	pattern: z.string(),
	caseSensitive: z.boolean().optional(),
	/** Position in the list people see and in which tags are given. */
	order: z.number()
});
export type StoredTagRule = z.infer<typeof storedTagRuleSchema> & TagRule;

export type TagRuleInput = Omit<TagRule, 'id'> & { id?: string; order?: number };

export async function listTagRules(database: ChorusDatabase): Promise<StoredTagRule[]> {
	const records = await database.tagRules.toArray();
	return records
		.map((record) => {
			const result = storedTagRuleSchema.safeParse(record);
			if (result.success) return result.data;
			const issue = result.error.issues[0];
			throw new StoredDataError('tagRules', record.id, `${issue.path.join('.') || 'record'}: ${issue.message}`);
		})
		.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

/** Adds a rule (at the end of the list) or replaces the rule with the same id; returns its id. */
export async function saveTagRule(database: ChorusDatabase, input: TagRuleInput): Promise<string> {
	return database.transaction('rw', database.tagRules, database.meta, async () => {
		const id = input.id ?? newId();
		let order = input.order;
		if (order === undefined) {
			const existing = await database.tagRules.get(id);
			const parsed = existing ? storedTagRuleSchema.safeParse(existing) : null;
			if (parsed?.success) order = parsed.data.order;
			else {
				const all = await database.tagRules.toArray();
				order = all.reduce((max, record) => Math.max(max, typeof record.order === 'number' ? record.order : 0), 0) + 1;
			}
		}
		const record = storedTagRuleSchema.parse({
			id,
			label: input.label.trim(),
			kind: input.kind,
			pattern: input.pattern,
			...(input.caseSensitive === undefined ? {} : { caseSensitive: input.caseSensitive }),
			order
		});
		await database.tagRules.put(record);
		await countWorkspaceChange(database);
		return id;
	});
}

export async function deleteTagRule(database: ChorusDatabase, id: string): Promise<boolean> {
	return database.transaction('rw', database.tagRules, database.meta, async () => {
		if (!(await database.tagRules.get(id))) return false;
		await database.tagRules.delete(id);
		await countWorkspaceChange(database);
		return true;
	});
}

export function postTagKey(accountId: string, postId: string): string {
	return `${accountId}|${postId}`;
}

/** An account's manual tags, by post id. Posts without a record follow the rules. */
export async function listPostTags(database: ChorusDatabase, accountId: string): Promise<Map<string, string[]>> {
	const prefix = `${accountId}|`;
	const records = await database.postTags.where('key').startsWith(prefix).toArray();
	const tags = new Map<string, string[]>();
	for (const record of records) {
		const result = postTagRecordSchema.safeParse(record);
		if (!result.success) {
			const issue = result.error.issues[0];
			throw new StoredDataError('postTags', record.key, `${issue.path.join('.') || 'record'}: ${issue.message}`);
		}
		tags.set(result.data.key.slice(prefix.length), result.data.tags);
	}
	return tags;
}

/**
 * Sets a post's manual tags (trimmed, each once). `null` removes them, so the rules decide again;
 * an empty list keeps "no tags" on purpose.
 */
export async function setPostTags(
	database: ChorusDatabase,
	accountId: string,
	postId: string,
	tags: readonly string[] | null
): Promise<void> {
	const key = postTagKey(accountId, postId);
	await database.transaction('rw', database.postTags, database.meta, async () => {
		if (tags === null) await database.postTags.delete(key);
		else {
			const clean = [...new Set(tags.map((tag) => tag.trim()).filter((tag) => tag !== ''))];
			await database.postTags.put(postTagRecordSchema.parse({ key, tags: clean }));
		}
		await countWorkspaceChange(database);
	});
}

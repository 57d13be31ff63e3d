/** Words the board shows for its columns and suggestions. */
import { accountLabel, platformLabel, type BoardAccount, type BoardColumn, type Suggestion, type TrendDirection } from '$lib/domain/board';

export const COLUMN_LABELS: Record<BoardColumn, string> = {
	undecided: 'Undecided',
	keep: 'Keep',
	merge: 'Merge',
	retire: 'Retire'
};

export const SUGGESTION_LABELS: Record<Suggestion, string> = {
	keep: 'Keep',
	merge: 'Merge',
	retire: 'Retire',
	review: 'Review'
};

export const TREND_WORDS: Record<TrendDirection, string> = {
	up: '↗ rising',
	flat: '→ steady',
	down: '↘ falling',
	unknown: 'trend unknown'
};


/**
 * How the board names each account: "@handle" as everywhere, with the platform added where two
 * accounts would otherwise read the same ("@contoso (LinkedIn)", "@contoso (TikTok)").
 */
export function distinctLabels(
	accounts: readonly Pick<BoardAccount, 'id' | 'platform' | 'handle' | 'displayName'>[]
): ReadonlyMap<string, string> {
	const plain = accounts.map((account) => accountLabel(account));
	const seen = new Map<string, number>();
	// handles are case-insensitive: @Contoso and @contoso read as the same name
	for (const label of plain) seen.set(label.toLowerCase(), (seen.get(label.toLowerCase()) ?? 0) + 1);
	return new Map(
		accounts.map((account, index) => [
			account.id,
			seen.get(plain[index].toLowerCase())! > 1 ? `${plain[index]} (${platformLabel(account.platform)})` : plain[index]
		])
	);
}

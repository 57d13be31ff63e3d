/** How the board names accounts. The words for columns, suggestions and trends are in ./words. */
import { accountLabel, type BoardAccount } from '$lib/domain/board';
import { platformLabel } from '$lib/i18n/labels';

/**
 * How the board names each account: "@handle" as everywhere, with the platform added where two
 * accounts would otherwise read the same ("@contoso (LinkedIn)", "@contoso (TikTok)"). The platform
 * is named in the active language, so a caller in $derived follows a language switch.
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

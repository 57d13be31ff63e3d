import { MediaQuery } from 'svelte/reactivity';

export type ThemeChoice = 'system' | 'light' | 'dark';
const STORAGE_KEY = 'chorus.theme';

function readChoice(): ThemeChoice {
	try {
		const stored = localStorage.getItem(STORAGE_KEY);
		// data read back from storage is never trusted
		return stored === 'light' || stored === 'dark' ? stored : 'system';
	} catch {
		return 'system';
	}
}

/** Light/dark theme: follows the system unless the user picked one; the choice is remembered. */
class ThemeState {
	#prefersDark = new MediaQuery('prefers-color-scheme: dark', false);
	choice = $state<ThemeChoice>('system');
	resolved = $derived<'light' | 'dark'>(
		this.choice === 'system' ? (this.#prefersDark.current ? 'dark' : 'light') : this.choice
	);

	load() {
		this.choice = readChoice();
	}

	set(choice: ThemeChoice) {
		this.choice = choice;
		try {
			if (choice === 'system') localStorage.removeItem(STORAGE_KEY);
			else localStorage.setItem(STORAGE_KEY, choice);
		} catch {
			// private mode or storage disabled: the choice lasts for this visit only
		}
	}
}

export const theme = new ThemeState();

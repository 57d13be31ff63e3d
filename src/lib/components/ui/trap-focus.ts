/**
 * Keeps Tab and Shift+Tab cycling inside a modal dialog. `showModal()` makes the page behind inert,
 * but Chromium and Firefox still let Tab leave the last control for the browser's own toolbar;
 * wrapping around keeps keyboard users in the dialog until they close it (Escape, or a button).
 */
import type { Attachment } from 'svelte/attachments';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

function focusables(container: HTMLElement): HTMLElement[] {
	return Array.from(container.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
		(element) => element.getClientRects().length > 0 && !element.closest('[inert]')
	);
}

export const trapFocus: Attachment<HTMLElement> = (container) => {
	const keydown = (event: KeyboardEvent) => {
		if (event.key !== 'Tab') return;
		const elements = focusables(container);
		if (elements.length === 0) return;
		const first = elements[0];
		const last = elements[elements.length - 1];
		const active = document.activeElement;
		if (event.shiftKey && (active === first || !container.contains(active))) {
			event.preventDefault();
			last.focus();
		} else if (!event.shiftKey && (active === last || !container.contains(active))) {
			event.preventDefault();
			first.focus();
		}
	};
	container.addEventListener('keydown', keydown);
	return () => container.removeEventListener('keydown', keydown);
};

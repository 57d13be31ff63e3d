/**
 * Browser-side names the calendar's components share: the drag payload type, and the `data-field`
 * hook the item dialog uses to put focus on a field with a problem. Machine strings, the same in
 * every language.
 */

/** The drag payload's type: only calendar items can be dropped on a day. */
export const ITEM_DRAG_TYPE = 'application/x-chorus-calendar-item';

/** Focuses the control marked `data-field="<field>"` inside `root`. */
export function focusField(root: HTMLElement | undefined, field: string): void {
	root?.querySelector<HTMLElement>(`[data-field="${field}"]`)?.focus();
}

/** Which planned files carry data to import, kept out of the markup (status codes are not words). */
import type { DataPlan, PlannedItem } from '$lib/db/import-plan';

export function isData(item: PlannedItem | undefined): item is DataPlan {
	return item?.status === 'ready' || item?.status === 'needs-account';
}

export function needsAccount(item: PlannedItem | undefined): boolean {
	return item?.status === 'needs-account';
}

/**
 * The plain values of the record shapes (db-records.ts), without Zod: what storage's read path and
 * the merge need at run time. A module that imports a value from db-records builds every Zod schema
 * when it loads (and brings Zod into its bundle), so the code that opens the dashboard imports these
 * from here; db-records re-exports them, so the shapes are still defined in one place.
 *
 * Pure: no Zod, no Dexie.
 */

/** Slots in one year of a merged series record: day-of-year 0..365 (slot 365 only used in leap years). */
export const YEAR_SLOTS = 366;

export const ACCOUNT_LIST_FIELDS = ['admins', 'segments', 'productLines', 'regions', 'languages'] as const;
export type AccountListField = (typeof ACCOUNT_LIST_FIELDS)[number];

export const BOARD_COLUMNS = ['undecided', 'keep', 'merge', 'retire'] as const;

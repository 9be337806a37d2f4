/** Answers of the registers' routes as the pages read them (server: routes/admin/schemas.ts). */
export type { SheetCounts, SheetRow, GridHead, GridSheet } from '../../shared/sheet';

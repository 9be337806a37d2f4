/** The counts of one grid's sheet (一表), in the order of the printed form. */
export const SHEET_COUNTS = [
  'compounds',
  'buildings',
  'houses',
  'ownerOccupied',
  'rented',
  'vacant',
  'shopHouses',
  'residents',
  'permanent',
  'temporary',
  'lodging',
  'registeredElsewhere',
  'partyMembers',
  'rentals',
  'shops',
  'firms',
  'partyOrganisations',
] as const;
export type SheetCount = (typeof SHEET_COUNTS)[number];

/** One sheet's figures, one row of the summary, one grid's whole sheet: what the server answers and the pages read. */
export type SheetCounts = Record<SheetCount, number>;
export interface SheetRow extends SheetCounts {
  documentId: string;
  code: string;
  name: string;
}
export interface GridHead {
  role: string;
  name: string;
  /** masked (138****5678); the raw value only through reveal */
  phone: string | null;
  building: string | null;
  unit: string | null;
}
export interface GridSheet extends SheetRow {
  level: string;
  community: string | null;
  heads: GridHead[];
  compoundNames: string[];
}

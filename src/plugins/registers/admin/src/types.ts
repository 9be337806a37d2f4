/** Answers of the registers' routes as the pages read them (server: routes/admin/schemas.ts). */
export interface SheetCounts {
  compounds: number;
  buildings: number;
  houses: number;
  ownerOccupied: number;
  rented: number;
  vacant: number;
  shopHouses: number;
  residents: number;
  permanent: number;
  temporary: number;
  lodging: number;
  registeredElsewhere: number;
  partyMembers: number;
  rentals: number;
  shops: number;
  firms: number;
  partyOrganisations: number;
}
export interface SheetRow extends SheetCounts {
  documentId: string;
  code: string;
  name: string;
}
export interface GridHead {
  role: string;
  name: string;
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

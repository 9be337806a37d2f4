/** The answer of GET /registers/map (RFC 7946 GeoJSON, WGS-84) and of GET /registers/map/areas. */
export interface Feature<P> {
  type: 'Feature';
  id: string;
  geometry: { type: string; coordinates: unknown };
  properties: P;
}
export interface Collection<P> {
  type: 'FeatureCollection';
  features: Array<Feature<P>>;
}
export interface GridProps {
  name: string;
  code: string;
  level: string;
  heads: Record<string, string[]>;
}
export interface BranchProps {
  kind: 'community_branch' | 'service_centre' | 'compound_group' | 'member_household';
  name: string | null;
}
export interface HouseProps {
  use: 'owner_occupied' | 'rented' | 'vacant' | 'shop';
  houses: number;
  label: string;
}
export interface CaseProps {
  status: string;
  urgency: 'ok' | 'warning' | 'overdue' | null;
  title: string;
}
export interface MapData {
  crs: 'WGS-84';
  within: { documentId: string; kind: string; name: string } | null;
  layers: {
    grids?: Collection<GridProps>;
    branches?: Collection<BranchProps>;
    houses?: Collection<HouseProps>;
    cases?: Collection<CaseProps>;
  };
}
export interface MapArea {
  documentId: string;
  kind: 'county_committee' | 'street_committee' | 'community_branch' | 'grid';
  name: string;
  parent: string | null;
}
export type LayerName = 'grids' | 'branches' | 'houses' | 'cases';

import type { StyleSpecification } from 'maplibre-gl';

/**
 * The map's style: a plain background and nothing fetched — no tiles, no glyphs, no sprites, so the
 * map works on a county intranet with no internet. Our GeoJSON layers are added on top; names are
 * HTML labels (the browser's own CJK fonts), not MapLibre text, so no glyph file is needed.
 */
export const OFFLINE_STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#f3f1ea' } }],
};

/** Weishi county town (尉氏县城), WGS-84: where an empty map opens. */
export const WEISHI: [number, number] = [114.19, 34.41];

/** CJK text MapLibre might render later uses the browser's fonts (fonts-noto-cjk), never a glyph server. */
export const LOCAL_CJK_FONTS = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif';

/** 四色图: the colours of house uses (自住 / 出租 / 空置 / 商铺) and of the other layers. */
export const USE_COLOURS = {
  owner_occupied: '#2e7d32',
  rented: '#f9a825',
  vacant: '#9e9e9e',
  shop: '#1565c0',
} as const;
export const BRANCH_COLOURS = {
  community_branch: '#c62828',
  service_centre: '#ad1457',
  compound_group: '#ef6c00',
  member_household: '#fbc02d',
} as const;
export const URGENCY_COLOURS = { ok: '#43a047', warning: '#fb8c00', overdue: '#d32f2f', none: '#5e35b1' } as const;
export const GRID_COLOUR = '#3949ab';

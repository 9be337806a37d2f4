import { useEffect } from 'react';
import { Marker, type Map as MapLibre } from 'maplibre-gl';
import { centreOf, type Boundary } from '../../../shared/boundary';
import type { Collection, GridProps } from './types';

/**
 * Grid names on the 网格划分图 as HTML labels at each grid's centre: the browser draws the Chinese
 * with its own fonts, so no glyph file is needed (and none is fetched).
 */
export function useGridLabels(map: MapLibre | null, grids: Collection<GridProps> | undefined) {
  useEffect(() => {
    if (!map || !grids) return undefined;
    const markers = grids.features.flatMap((f) => {
      const centre = centreOf([f.geometry as unknown as Boundary]);
      if (!centre) return [];
      const label = document.createElement('div');
      label.textContent = f.properties.name;
      const head = f.properties.heads.grid_head?.[0];
      if (head) label.title = head;
      label.setAttribute('data-testid', 'maps-grid-label');
      label.style.cssText =
        'font-size:11px;color:#1a237e;background:rgba(255,255,255,.8);padding:1px 4px;border-radius:3px;white-space:nowrap;pointer-events:none';
      return [new Marker({ element: label }).setLngLat(centre).addTo(map)];
    });
    return () => markers.forEach((m) => m.remove());
  }, [map, grids]);
}

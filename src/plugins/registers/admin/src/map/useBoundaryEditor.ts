import { useEffect, useRef } from 'react';
import { Marker, type GeoJSONSource, type Map as MapLibre, type MapMouseEvent } from 'maplibre-gl';
import type { MultiPolygonGeometry } from '../../../shared/boundary';
import { canAdd, canClose, draw, shapesOf, type DrawAction, type Drawing, type Shapes } from './drawing';
import { GRID_COLOUR } from './style';

const SOURCE = 'boundary';
export const CORNER_TEST_ID = 'boundary-corner';

/** The boundary's source and its three layers (area, edges, the dashed closing edge), added once the style is loaded. */
export function addBoundaryLayers(map: MapLibre, shapes: Shapes) {
  map.addSource(SOURCE, { type: 'geojson', data: shapes });
  map.addLayer({
    id: 'boundary-area',
    type: 'fill',
    source: SOURCE,
    filter: ['==', ['get', 'part'], 'area'],
    paint: { 'fill-color': GRID_COLOUR, 'fill-opacity': 0.2 },
  });
  map.addLayer({
    id: 'boundary-path',
    type: 'line',
    source: SOURCE,
    filter: ['==', ['get', 'part'], 'path'],
    paint: { 'line-color': GRID_COLOUR, 'line-width': 2 },
  });
  map.addLayer({
    id: 'boundary-closing',
    type: 'line',
    source: SOURCE,
    filter: ['==', ['get', 'part'], 'closing'],
    paint: { 'line-color': GRID_COLOUR, 'line-width': 2, 'line-dasharray': [2, 2] },
  });
  // a double click would add two corners and zoom in: drawing needs single clicks only
  map.doubleClickZoom.disable();
}

const setShapes = (map: MapLibre, shapes: Shapes) =>
  (map.getSource(SOURCE) as GeoJSONSource | undefined)?.setData(shapes);

function cornerElement(first: boolean, closable: boolean): HTMLDivElement {
  const el = document.createElement('div');
  el.setAttribute('data-testid', CORNER_TEST_ID);
  const size = first ? 14 : 12;
  el.style.cssText = `width:${size}px;height:${size}px;border-radius:50%;box-sizing:border-box;background:${
    first ? GRID_COLOUR : '#fff'
  };border:2px solid ${first ? '#fff' : GRID_COLOUR};box-shadow:0 0 0 1px ${GRID_COLOUR};cursor:${
    closable ? 'pointer' : 'move'
  }`;
  return el;
}

/**
 * Binds a drawing to the map: map clicks add corners while the ring is open, each corner is a handle
 * that can be dragged (the shape follows the pointer, the move is applied on release), and a click
 * on the first corner closes the ring. `apply` receives every action; the caller owns the drawing.
 */
export function useBoundaryEditor(
  map: MapLibre | null,
  drawing: Drawing,
  apply: (action: DrawAction) => void,
  { editable, multi }: { editable: boolean; multi: MultiPolygonGeometry | null },
) {
  const latest = useRef(drawing);
  latest.current = drawing;
  const act = useRef(apply);
  act.current = apply;

  useEffect(() => {
    if (map) setShapes(map, shapesOf(drawing, multi));
  }, [map, drawing, multi]);

  const adding = editable && !multi && canAdd(drawing);
  useEffect(() => {
    if (!map || !adding) return undefined;
    const add = (e: MapMouseEvent) => {
      // a click on a corner handle is that handle's, not a new corner
      if ((e.originalEvent.target as Element | null)?.closest?.('.maplibregl-marker')) return;
      act.current({ type: 'add', at: [e.lngLat.lng, e.lngLat.lat] });
    };
    map.getCanvas().style.cursor = 'crosshair';
    map.on('click', add);
    return () => {
      map.off('click', add);
      map.getCanvas().style.cursor = '';
    };
  }, [map, adding]);

  useEffect(() => {
    if (!map || multi) return undefined;
    const closable = editable && canClose(drawing);
    const markers = drawing.corners.map((p, i) => {
      const el = cornerElement(i === 0, i === 0 && closable);
      const marker = new Marker({ element: el, draggable: editable }).setLngLat(p).addTo(map);
      let dragged = false;
      const at = () => {
        const { lng, lat } = marker.getLngLat();
        return [lng, lat] as [number, number];
      };
      marker.on('dragstart', () => {
        dragged = true;
      });
      marker.on('drag', () => setShapes(map, shapesOf(draw(latest.current, { type: 'move', index: i, to: at() }))));
      marker.on('dragend', () => act.current({ type: 'move', index: i, to: at() }));
      if (i === 0 && closable)
        el.addEventListener('click', (e) => {
          e.stopPropagation();
          if (!dragged) act.current({ type: 'close' });
          dragged = false;
        });
      return marker;
    });
    return () => markers.forEach((m) => m.remove());
  }, [map, drawing, editable, multi]);
}

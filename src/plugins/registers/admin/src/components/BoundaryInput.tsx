import { forwardRef, useCallback, useEffect, useRef, useState } from 'react';
import { Box, Button, Field, Flex, Typography } from '@strapi/design-system';
import { Marker, type GeoJSONSource, type Map as MapLibre, type MapMouseEvent } from 'maplibre-gl';
import {
  MAX_VERTICES,
  boundaryProblem,
  cornersOf,
  polygonOf,
  type Boundary,
  type Position,
} from '../../../shared/boundary';
import { useT } from '../hooks/useT';
import { MapCanvas } from '../map/MapCanvas';
import { GRID_COLOUR } from '../map/style';

/** What the Content Manager hands a custom field's input (Strapi 5: the field's props plus useField). */
interface Props {
  name: string;
  value?: unknown;
  onChange: (name: string, value: unknown) => void;
  label?: string;
  hint?: string;
  error?: string;
  required?: boolean;
  disabled?: boolean;
}

const EMPTY = { type: 'FeatureCollection' as const, features: [] };
const asGeoJson = (corners: Position[]) => {
  const polygon = polygonOf(corners);
  return (polygon ? { type: 'Feature', geometry: polygon, properties: {} } : EMPTY) as unknown as GeoJSON.GeoJSON;
};

/**
 * 网格边界 in the grid's edit view: click the map to add a corner, drag a corner to move it, undo the
 * last one or clear them all. The field holds an RFC 7946 Polygon in WGS-84 ([longitude, latitude]);
 * the server checks it again on save (400 naming `boundary`).
 */
const BoundaryInput = forwardRef<HTMLDivElement, Props>(
  ({ name, value, onChange, label, hint, error, required, disabled }, ref) => {
    const t = useT();
    const [corners, setCorners] = useState<Position[]>(() => cornersOf(value as Boundary | null));
    const [map, setMap] = useState<MapLibre | null>(null);
    const markers = useRef<Marker[]>([]);
    const latest = useRef(corners);
    latest.current = corners;
    const stored = value && typeof value === 'object' ? (value as Boundary) : null;
    const multi = stored?.type === 'MultiPolygon';

    const commit = useCallback(
      (next: Position[]) => {
        setCorners(next);
        onChange(name, polygonOf(next));
      },
      [name, onChange],
    );

    // the map: the polygon as a source; clicks add corners
    const ready = useCallback((m: MapLibre) => {
      m.addSource('boundary', { type: 'geojson', data: asGeoJson(latest.current) });
      m.addLayer({
        id: 'boundary-fill',
        type: 'fill',
        source: 'boundary',
        paint: { 'fill-color': GRID_COLOUR, 'fill-opacity': 0.2 },
      });
      m.addLayer({
        id: 'boundary-line',
        type: 'line',
        source: 'boundary',
        paint: { 'line-color': GRID_COLOUR, 'line-width': 2 },
      });
      const polygon = polygonOf(latest.current);
      if (polygon) {
        const ring = polygon.coordinates[0];
        const xs = ring.map((p) => p[0]);
        const ys = ring.map((p) => p[1]);
        m.fitBounds(
          [
            [Math.min(...xs), Math.min(...ys)],
            [Math.max(...xs), Math.max(...ys)],
          ],
          { padding: 60, duration: 0, maxZoom: 18 },
        );
      } else m.setZoom(15);
      setMap(m);
    }, []);

    useEffect(() => {
      if (!map || disabled || multi) return undefined;
      const add = (e: MapMouseEvent) => {
        if (latest.current.length >= MAX_VERTICES) return;
        commit([...latest.current, [e.lngLat.lng, e.lngLat.lat]]);
      };
      map.on('click', add);
      return () => {
        map.off('click', add);
      };
    }, [map, disabled, multi, commit]);

    // the corners as draggable handles; the polygon follows them
    useEffect(() => {
      if (!map) return;
      (map.getSource('boundary') as GeoJSONSource | undefined)?.setData(asGeoJson(corners));
      markers.current.forEach((m) => m.remove());
      markers.current = corners.map((p, i) => {
        const handle = document.createElement('div');
        handle.setAttribute('data-testid', 'boundary-corner');
        handle.style.cssText = `width:12px;height:12px;border-radius:6px;background:#fff;border:2px solid ${GRID_COLOUR};cursor:move`;
        const marker = new Marker({ element: handle, draggable: !disabled && !multi }).setLngLat(p).addTo(map);
        marker.on('dragend', () => {
          const { lng, lat } = marker.getLngLat();
          commit(latest.current.map((q, j) => (j === i ? [lng, lat] : q)));
        });
        return marker;
      });
    }, [map, corners, disabled, multi, commit]);

    const polygon = polygonOf(corners);
    const problem = polygon ? boundaryProblem(polygon) : null;
    return (
      <Field.Root name={name} error={error} hint={hint} required={required} ref={ref}>
        <Field.Label>{label ?? t('maps.boundary.label')}</Field.Label>
        <Box paddingTop={1} paddingBottom={1}>
          <MapCanvas height={360} onReady={ready} testId="boundary-map" />
        </Box>
        <Flex gap={2} wrap="wrap" alignItems="center">
          <Button
            variant="tertiary"
            disabled={disabled || multi || !corners.length}
            onClick={() => commit(corners.slice(0, -1))}
          >
            {t('maps.boundary.undo')}
          </Button>
          <Button variant="danger-light" disabled={disabled || !corners.length} onClick={() => commit([])}>
            {t('maps.boundary.clear')}
          </Button>
          <Typography variant="pi" textColor="neutral600" data-testid="boundary-status">
            {multi
              ? t('maps.boundary.multi')
              : corners.length < 3
                ? t('maps.boundary.start', { n: corners.length })
                : t('maps.boundary.corners', { n: corners.length })}
          </Typography>
          {problem ? <Typography textColor="danger600">{problem}</Typography> : null}
        </Flex>
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    );
  },
);
BoundaryInput.displayName = 'BoundaryInput';

export default BoundaryInput;

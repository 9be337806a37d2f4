import { forwardRef, useCallback, useEffect, useRef, useState } from 'react';
import { Box, Button, Field, Flex, Typography } from '@strapi/design-system';
import type { Map as MapLibre } from 'maplibre-gl';
import { boundaryProblem, boundsOf, type Boundary, type MultiPolygonGeometry } from '../../../shared/boundary';
import { useT } from '../hooks/useT';
import { MapCanvas } from '../map/MapCanvas';
import { canClose, draw, drawingOf, shapesOf, valueOf, type DrawAction, type Drawing } from '../map/drawing';
import { addBoundaryLayers, useBoundaryEditor } from '../map/useBoundaryEditor';

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

const storedOf = (value: unknown): Boundary | null =>
  value && typeof value === 'object' && !boundaryProblem(value) ? (value as Boundary) : null;

/**
 * 网格边界 in the grid's edit view (the buttons and the hint above the map, so both are in sight while
 * drawing): click the map to add corners, drag a corner to move it, undo the
 * last one, close the ring (完成, or a click on the first corner), clear. The form holds an RFC 7946
 * Polygon in WGS-84 ([longitude, latitude]), closed, as soon as there are three corners; the
 * Content Manager's Save stores it and the server checks it again (400 naming `boundary`).
 */
const BoundaryInput = forwardRef<HTMLDivElement, Props>(
  ({ name, value, onChange, label, hint, error, required, disabled }, ref) => {
    const t = useT();
    const [drawing, setDrawing] = useState<Drawing>(() => drawingOf(storedOf(value)));
    const [map, setMap] = useState<MapLibre | null>(null);
    const latest = useRef(drawing);
    latest.current = drawing;
    const stored = storedOf(value);
    const multi = stored?.type === 'MultiPolygon' ? (stored as MultiPolygonGeometry) : null;
    const multiRef = useRef(multi);
    multiRef.current = multi;
    const editable = !disabled;

    // The form's value changed from outside (saved, reloaded, discarded): draw what it now holds.
    const emitted = useRef(JSON.stringify(value ?? null));
    useEffect(() => {
      const json = JSON.stringify(value ?? null);
      if (json === emitted.current) return;
      emitted.current = json;
      setDrawing(drawingOf(storedOf(value)));
    }, [value]);

    const apply = useCallback(
      (action: DrawAction) => {
        const next = draw(latest.current, action);
        if (next === latest.current) return;
        latest.current = next;
        setDrawing(next);
        const nextValue = valueOf(next);
        const json = JSON.stringify(nextValue);
        if (json === emitted.current) return; // closing the ring does not change what is stored
        emitted.current = json;
        onChange(name, nextValue);
      },
      [name, onChange],
    );

    const ready = useCallback((m: MapLibre) => {
      addBoundaryLayers(m, shapesOf(latest.current, multiRef.current));
      const shown = multiRef.current ?? valueOf(latest.current);
      const box = shown ? boundsOf([shown]) : null;
      if (box) m.fitBounds(box, { padding: 60, duration: 0, maxZoom: 18 });
      else m.setZoom(15);
      setMap(m);
    }, []);

    useBoundaryEditor(map, drawing, apply, { editable, multi });

    const n = drawing.corners.length;
    const status = multi
      ? t('maps.boundary.multi')
      : drawing.closed
        ? t('maps.boundary.closed', { n })
        : n === 0
          ? t('maps.boundary.empty')
          : n < 3
            ? t('maps.boundary.tooFew', { n })
            : t('maps.boundary.open', { n });
    return (
      <Field.Root name={name} error={error} hint={hint} required={required} ref={ref}>
        <Field.Label>{label ?? t('maps.boundary.label')}</Field.Label>
        <Flex gap={2} wrap="wrap" alignItems="center">
          <Button variant="tertiary" disabled={!editable || !!multi || n === 0} onClick={() => apply({ type: 'undo' })}>
            {t('maps.boundary.undo')}
          </Button>
          <Button
            variant="danger-light"
            disabled={!editable || (n === 0 && !multi)}
            onClick={() => apply({ type: 'clear' })}
          >
            {t('maps.boundary.clear')}
          </Button>
          <Button
            variant="secondary"
            disabled={!editable || !!multi || !canClose(drawing)}
            onClick={() => apply({ type: 'close' })}
          >
            {t('maps.boundary.finish')}
          </Button>
        </Flex>
        <Box paddingTop={1}>
          <Typography
            variant="pi"
            textColor={drawing.closed ? 'success600' : 'neutral700'}
            role="status"
            aria-live="polite"
            data-testid="boundary-status"
            data-state={multi ? 'multi' : drawing.closed ? 'closed' : n === 0 ? 'empty' : 'open'}
          >
            {status}
          </Typography>
        </Box>
        <Box paddingTop={2} paddingBottom={1}>
          <MapCanvas height={360} onReady={ready} testId="boundary-map" />
        </Box>
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    );
  },
);
BoundaryInput.displayName = 'BoundaryInput';

export default BoundaryInput;

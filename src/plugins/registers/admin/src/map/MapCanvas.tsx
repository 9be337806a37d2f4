import { useEffect, useRef, useState } from 'react';
import { Map as MapLibre, setWorkerUrl } from 'maplibre-gl';
import styled from 'styled-components';
import { LOCAL_CJK_FONTS, OFFLINE_STYLE, WEISHI } from './style';

// The rules of maplibre-gl.css the map needs (the plugin bundle ships no CSS files), copied as they are:
// only the canvas is absolutely placed, its container stays in the flow at the frame's width. The
// admin's global reset says `canvas { max-width: 100% }`; an absolutely placed container has no width,
// so the canvas shrank to 0 px wide and every click fell on the frame instead (issue 16).
const Frame = styled.div`
  position: relative;
  width: 100%;
  border: 1px solid ${({ theme }) => theme.colors.neutral200};
  border-radius: 4px;
  overflow: hidden;
  -webkit-tap-highlight-color: rgb(0 0 0 / 0);
  .maplibregl-canvas {
    position: absolute;
    left: 0;
    top: 0;
    max-width: none;
  }
  .maplibregl-canvas:focus {
    outline: none;
  }
  .maplibregl-canvas-container.maplibregl-interactive {
    cursor: grab;
    user-select: none;
  }
  .maplibregl-canvas-container.maplibregl-interactive:active {
    cursor: grabbing;
  }
  .maplibregl-canvas-container.maplibregl-touch-drag-pan.maplibregl-touch-zoom-rotate,
  .maplibregl-canvas-container.maplibregl-touch-drag-pan.maplibregl-touch-zoom-rotate .maplibregl-canvas {
    touch-action: none;
  }
  .maplibregl-marker {
    position: absolute;
    top: 0;
    left: 0;
    will-change: transform;
  }
`;

declare global {
  interface Window {
    strapi?: { backendURL?: string };
  }
}

let workerSet = false;
/** MapLibre's worker comes from this server (GET /registers/map/worker.mjs), never from a CDN. */
function serveWorkerLocally() {
  if (workerSet) return;
  setWorkerUrl(`${window.strapi?.backendURL ?? ''}/registers/map/worker.mjs`);
  workerSet = true;
}

/** A MapLibre map on the offline style; `onReady` gets it once its style is loaded. */
export const MapCanvas = ({
  height,
  onReady,
  testId,
}: {
  height: number;
  onReady: (map: MapLibre) => void | (() => void);
  testId?: string;
}) => {
  const box = useRef<HTMLDivElement>(null);
  const [loaded, setLoaded] = useState(false);
  const ready = useRef(onReady);
  ready.current = onReady;
  useEffect(() => {
    if (!box.current) return undefined;
    serveWorkerLocally();
    const map = new MapLibre({
      container: box.current,
      style: OFFLINE_STYLE,
      center: WEISHI,
      zoom: 13,
      attributionControl: false,
      localIdeographFontFamily: LOCAL_CJK_FONTS,
    });
    // The Content Manager may lay the field out after the map measured its box: follow the box's size.
    const resize = new ResizeObserver(() => map.resize());
    resize.observe(box.current);
    let cleanup: void | (() => void);
    map.on('load', () => {
      cleanup = ready.current(map);
      setLoaded(true);
    });
    return () => {
      resize.disconnect();
      if (cleanup) cleanup();
      map.remove();
    };
  }, []);
  return <Frame ref={box} style={{ height }} data-testid={testId} data-loaded={loaded} />;
};

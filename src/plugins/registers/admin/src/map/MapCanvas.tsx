import { useEffect, useRef, useState } from 'react';
import { Map as MapLibre, setWorkerUrl } from 'maplibre-gl';
import styled from 'styled-components';
import { LOCAL_CJK_FONTS, OFFLINE_STYLE, WEISHI } from './style';

// The few rules of maplibre-gl.css the map needs (the plugin bundle does not ship CSS files).
const Frame = styled.div`
  position: relative;
  width: 100%;
  border: 1px solid ${({ theme }) => theme.colors.neutral200};
  border-radius: 4px;
  overflow: hidden;
  .maplibregl-canvas-container,
  .maplibregl-canvas {
    position: absolute;
    left: 0;
    top: 0;
  }
  .maplibregl-canvas:focus {
    outline: none;
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
    // The Content Manager lays the field out after the map measured its box (a 0 × 0 canvas that
    // takes no clicks): follow the box's size.
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

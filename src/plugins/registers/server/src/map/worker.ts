import { createReadStream } from 'fs';
import path from 'path';

/**
 * MapLibre draws in a web worker that it loads by URL. The admin bundle cannot carry it (Vite moves
 * MapLibre's code, and the worker's relative URL breaks), and the security policy allows scripts from
 * this origin only: the app serves the worker file of the pinned maplibre-gl itself. No map code or
 * tile ever comes from the internet.
 */
const file = () =>
  path.join(path.dirname(require.resolve('maplibre-gl/package.json')), 'dist', 'maplibre-gl-worker.mjs');

export const workerScript = () => createReadStream(file());

import { mapAnswer } from '../../map/geojson';
import { mapQuery } from '../../map/query';
import { r } from './route';

// 三图: GeoJSON layers (RFC 7946, WGS-84) within the caller's organisation (action `map`).
export default [{ ...r('GET', '/map', 'map.layers', 'map'), request: { query: mapQuery.shape }, response: mapAnswer }];

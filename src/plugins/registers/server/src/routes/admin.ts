import registers from './admin/registers';
import io from './admin/io';
import map from './admin/map';

// Admin routes: every one needs an admin session and one of ACTIONS (permissions.ts), within the
// caller's organisation. One file per area: the registers (lists, reveal, grid sheet), Excel in and
// out, and the map layers.
export default {
  type: 'admin' as const,
  routes: [...registers, ...io, ...map],
};

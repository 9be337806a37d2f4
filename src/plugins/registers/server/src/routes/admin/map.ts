import type { AdminRoute } from './route';

export default [] as AdminRoute[];

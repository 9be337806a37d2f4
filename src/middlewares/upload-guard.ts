import { uploadGuard } from '../packages/kit/server';

/** After strapi::body: uploads are judged by their bytes; /uploads answers are nosniff downloads unless image/PDF. */
export default () => uploadGuard();

import type { Core } from '@strapi/strapi';
import { UPLOAD_ALLOWED_MIME } from '../src/packages/kit/server/upload-types';
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
      jwt: { expiresIn: '7d' },
    },
  },
  // Strapi's own upload check uses the same allow-list as global::upload-guard (which also refuses
  // what has no signature to verify, e.g. HTML or SVG named .png).
  upload: { config: { security: { allowedTypes: UPLOAD_ALLOWED_MIME } } },
  // Our domain plugins, loaded from their built dist/ (npm run build builds them first).
  'star-scoring': { enabled: true, resolve: './src/plugins/star-scoring' },
  'double-report': { enabled: true, resolve: './src/plugins/double-report' },
  deliberation: { enabled: true, resolve: './src/plugins/deliberation' },
  'grid-cases': { enabled: true, resolve: './src/plugins/grid-cases' },
  registers: {
    enabled: true,
    resolve: './src/plugins/registers',
    // rows above which an Excel import answers 202 and goes on as a job (a row of rg_import_jobs)
    config: { importInBackgroundAbove: env.int('REGISTERS_IMPORT_BACKGROUND_ROWS', 5000) },
  },
});

import type { Core } from '@strapi/strapi';
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
      jwt: { expiresIn: '7d' },
    },
  },
  // Our three domain plugins, loaded from their built dist/ (npm run build builds them first).
  'star-scoring': { enabled: true, resolve: './src/plugins/star-scoring' },
  'double-report': { enabled: true, resolve: './src/plugins/double-report' },
  deliberation: { enabled: true, resolve: './src/plugins/deliberation' },
});

import type { Core } from '@strapi/strapi';
// Tests log in many users from one IP: the auth rate limiter would turn them into 429s.
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
      jwt: { expiresIn: '1h' },
      ratelimit: { enabled: false },
    },
  },
});

// CORS origins come from CORS_ORIGINS (comma separated); '*' only when nothing is configured.
export default ({ env }: { env: any }) => [
  'strapi::logger',
  'strapi::errors',
  'global::validation-messages',
  'strapi::security',
  {
    name: 'strapi::cors',
    config: {
      origin: env.array('CORS_ORIGINS', ['*']),
      headers: ['Content-Type', 'Authorization', 'Origin', 'Accept', 'Idempotency-Key', 'If-None-Match', 'If-Modified-Since'],
      expose: ['ETag', 'Last-Modified'],
    },
  },
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

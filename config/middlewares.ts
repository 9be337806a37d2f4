import type { Core } from '@strapi/strapi';
// CORS origins come from CORS_ORIGINS (comma separated); '*' only when nothing is configured.
export default ({ env }: Core.Config.Shared.ConfigParams) => [
  'strapi::logger',
  // Outside strapi::errors so it sees the error body that middleware writes.
  'global::validation-messages',
  'strapi::errors',
  'global::refusals',
  'strapi::security',
  {
    name: 'strapi::cors',
    config: {
      origin: env.array('CORS_ORIGINS', ['*']),
      headers: [
        'Content-Type',
        'Authorization',
        'Origin',
        'Accept',
        'Idempotency-Key',
        'If-None-Match',
        'If-Modified-Since',
      ],
      expose: ['ETag', 'Last-Modified'],
    },
  },
  'strapi::poweredBy',
  // Cached public answers (notices and the plugins' public reads) leave here, before routing.
  'global::kit-cache',
  'strapi::query',
  'strapi::body',
  // Every multipart upload is judged by its bytes before a controller runs (kit: upload-types).
  'global::upload-guard',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

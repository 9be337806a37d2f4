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
  // Failed admin sign-ins per client address (besides Strapi's per-e-mail limit), shared through Redis.
  'global::admin-login-limit',
  // Cached public answers (notices and the plugins' public reads) leave here, before routing.
  'global::kit-cache',
  'strapi::query',
  'strapi::body',
  // Filter, pagination and date values of core routes checked against the model (400 naming the field).
  'global::query-values',
  // Every multipart upload is judged by its bytes before a controller runs (kit: upload-types).
  'global::upload-guard',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

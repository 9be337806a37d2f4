import { z } from 'zod';

// Who may call: anyone (auth: false). The document describes the public surface only.
export default {
  routes: [
    {
      method: 'GET',
      path: '/openapi.json',
      handler: 'openapi.document',
      config: { auth: false },
      response: z
        .object({
          openapi: z.string().describe('3.1.0'),
          info: z.object({ title: z.string(), version: z.string() }).loose(),
          paths: z.record(z.string(), z.unknown()),
          components: z.record(z.string(), z.unknown()).optional(),
        })
        .loose()
        .describe('This document (OpenAPI 3.1)'),
    },
  ],
};

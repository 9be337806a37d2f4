import fs from 'fs';
import path from 'path';
import type { Ctx } from '../../../packages/kit/server';

// Generated at build time by `strapi openapi generate` (scripts/openapi.js); read once.
let cached: string | undefined;
const documentPath = () => path.join(process.cwd(), 'public', 'openapi.json');

export default {
  async document(ctx: Ctx & { notFound(message: string): void }) {
    if (cached === undefined) {
      if (!fs.existsSync(documentPath()))
        return ctx.notFound('openapi.json has not been generated: run npm run build (接口说明尚未生成)');
      cached = fs.readFileSync(documentPath(), 'utf8');
    }
    ctx.set('Cache-Control', 'public, max-age=300');
    ctx.type = 'application/json';
    ctx.body = cached;
  },
};

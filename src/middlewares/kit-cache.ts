import type { Core } from '@strapi/strapi';
import { publicFastPath } from '../packages/kit/server';

/** Cached public answers (notices, plugin public reads) leave here, before body parsing, session and routing. */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => publicFastPath(strapi);

import { serviceGetter } from '@grassroots/kit/server';
import type services from './services';

/** `getService(strapi, 'sheets')` has the type its factory returns: tsc follows calls across services. */
export const getService = serviceGetter<typeof services>('star-scoring');

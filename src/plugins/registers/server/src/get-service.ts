import { serviceGetter } from '@grassroots/kit/server';
import type services from './services';

/** Typed service lookup: `getService(strapi, 'sheet')` has the type its factory returns. */
export const getService = serviceGetter<typeof services>('registers');

import type { Core } from '@strapi/strapi';
import { guardLedger } from './services/ledger-guard';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  guardLedger(strapi);
};

import { winston, formats } from '@strapi/logger';

// Tests print only what went wrong.
export default {
  transports: [new winston.transports.Console({ level: 'error', format: formats.prettyPrint() })],
};

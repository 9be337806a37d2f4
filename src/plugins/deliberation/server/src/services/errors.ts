import { errors } from '@strapi/utils';

export const invalid = (field: string, rule: string) =>
  new errors.ValidationError(`${field}: ${rule}`, { errors: [{ path: field.split('.'), message: rule, name: 'ValidationError' }] });

export const notFound = (what: string) => new errors.NotFoundError(`${what} not found`);

import { SCOPE_ATTRIBUTES } from '@grassroots/kit/server';

/**
 * Organisation scope (数据权限) of a star-scoring row: the three private columns the kit's scope
 * middleware writes (county, street and community ancestors of its branch), never written by clients,
 * each with its own index so "the caller's organisation" is one indexed equality.
 */
export const scopeAttributes = Object.fromEntries(
  SCOPE_ATTRIBUTES.map((name) => [
    name,
    { type: 'string', maxLength: 64, private: true, configurable: false, visible: false, writable: false },
  ]),
);

const COLUMNS = { scopeCounty: 'scope_county', scopeStreet: 'scope_street', scopeCommunity: 'scope_community' };

export const scopeIndexes = (table: string) =>
  SCOPE_ATTRIBUTES.map((name) => ({ name: `${table}_${COLUMNS[name]}_idx`, columns: [COLUMNS[name]] }));

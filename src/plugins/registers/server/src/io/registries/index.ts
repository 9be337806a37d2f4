import { invalid } from '@grassroots/kit/server';
import { branch, compound, grid, representative } from './organisation';
import { member, unit } from './double-report';
import { building, firm, house, rental, resident, shop } from './registers';
import { REGISTRY_TYPES, type Registry, type RegistryType } from './types';

export * from './types';

/** Every registry that Excel reads and writes, by the `:type` of the routes. */
export const REGISTRIES: Record<RegistryType, Registry> = {
  branch,
  grid,
  compound,
  representative,
  unit,
  member,
  building,
  house,
  resident,
  rental,
  shop,
  firm,
};

/** The registry of a route's `:type`; 400 naming `type` when there is none. */
export function registryOf(type: string): Registry {
  if (!(REGISTRY_TYPES as readonly string[]).includes(type))
    throw invalid('type', `must be one of ${REGISTRY_TYPES.join(', ')} (不支持的登记表类型)`);
  return REGISTRIES[type as RegistryType];
}

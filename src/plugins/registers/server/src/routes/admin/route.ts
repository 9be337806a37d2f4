import { requireAction } from '@grassroots/kit/server';

const can = requireAction('registers');

/** One staff route under /registers: admin panel JWT + the RBAC action; scope is checked in the service. */
export const r = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, handler: string, action: string) => ({
  method,
  path,
  handler,
  config: can(action),
});

export type AdminRoute = ReturnType<typeof r>;

import { requireAction } from '@grassroots/kit/server';

const can = requireAction('double-report');

export default {
  type: 'admin' as const,
  routes: [
    { method: 'GET', path: '/communities', handler: 'admin.communities', config: can('read') },
    { method: 'GET', path: '/communities/:documentId/board', handler: 'admin.board', config: can('read') },
    {
      method: 'GET',
      path: '/communities/:documentId/activities',
      handler: 'admin.activities',
      config: can('activities.manage'),
    },
    {
      method: 'POST',
      path: '/communities/:documentId/activities',
      handler: 'admin.createActivity',
      config: can('activities.manage'),
    },
    { method: 'GET', path: '/activities/:documentId/qr', handler: 'admin.qr', config: can('activities.manage') },
    { method: 'GET', path: '/check-ins/queue', handler: 'admin.queue', config: can('check-ins.verify') },
    {
      method: 'POST',
      path: '/check-ins/:documentId/decision',
      handler: 'admin.decide',
      config: can('check-ins.verify'),
    },
    {
      method: 'GET',
      path: '/communities/:documentId/manual-options',
      handler: 'admin.manualOptions',
      config: can('check-ins.manual'),
    },
    { method: 'POST', path: '/check-ins/manual', handler: 'admin.manual', config: can('check-ins.manual') },
    { method: 'POST', path: '/check-ins/:documentId/revoke', handler: 'admin.revoke', config: can('check-ins.verify') },
    {
      method: 'POST',
      path: '/list-items/:documentId/evaluation',
      handler: 'admin.evaluate',
      config: can('lists.evaluate'),
    },
    {
      method: 'GET',
      path: '/registrations/pending',
      handler: 'admin.pendingRegistrations',
      config: can('registrations.accept'),
    },
    {
      method: 'POST',
      path: '/registrations/:documentId/accept',
      handler: 'admin.acceptRegistration',
      config: can('registrations.accept'),
    },
    { method: 'GET', path: '/dashboard', handler: 'admin.dashboard', config: can('dashboard.read') },
  ],
};

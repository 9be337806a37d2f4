import { requireAction } from '@grassroots/kit/server';
import { cachedRead, cachedUnlessExport } from '../cache';

const can = requireAction('star-scoring');
/** Staff reads opened all day: cached after the policy admitted the caller (one copy per URL). */
const staffRead = (read: Parameters<typeof cachedRead>[0]) => can('read', { middlewares: [cachedRead(read, 'staff')] });

export default {
  type: 'admin' as const,
  routes: [
    { method: 'GET', path: '/sheets', handler: 'admin.sheets', config: can('read') },
    { method: 'GET', path: '/metrics', handler: 'admin.metrics', config: can('read') },
    {
      method: 'GET',
      path: '/rankings',
      handler: 'admin.rankings',
      config: can('read', { middlewares: [cachedUnlessExport('rankings', 'staff')] }),
    },
    { method: 'GET', path: '/dashboard', handler: 'admin.dashboard', config: staffRead('dashboard') },
    {
      method: 'GET',
      path: '/branches/:documentId/scorecard',
      handler: 'admin.scorecard',
      config: staffRead('scorecard'),
    },
    { method: 'GET', path: '/streets', handler: 'admin-ui.streets', config: staffRead('streets') },
    { method: 'GET', path: '/assessments/:documentId', handler: 'admin-ui.assessment', config: can('read') },
    { method: 'GET', path: '/assessments/:documentId/suggestions', handler: 'admin.suggestions', config: can('read') },
    { method: 'POST', path: '/assessments', handler: 'admin.create', config: can('assess') },
    { method: 'PUT', path: '/assessments/:documentId/items', handler: 'admin.saveItems', config: can('assess') },
    { method: 'POST', path: '/assessments/:documentId/submit', handler: 'admin.submit', config: can('assess') },
    { method: 'POST', path: '/assessments/:documentId/reopen', handler: 'admin.reopen', config: can('assess') },
    { method: 'POST', path: '/assessments/:documentId/review', handler: 'admin.review', config: can('review') },
    { method: 'POST', path: '/assessments/:documentId/publicize', handler: 'admin.publicize', config: can('review') },
    { method: 'POST', path: '/assessments/:documentId/reject', handler: 'admin.reject', config: can('review') },
    { method: 'POST', path: '/assessments/:documentId/approve', handler: 'admin.approve', config: can('approve') },
    { method: 'POST', path: '/assessments/:documentId/revoke', handler: 'admin.revoke', config: can('approve') },
    {
      method: 'POST',
      path: '/assessments/:documentId/evidence',
      handler: 'admin.attachEvidence',
      config: can('assess'),
    },
    {
      method: 'DELETE',
      path: '/assessments/:documentId/evidence/:evidenceId',
      handler: 'admin.removeEvidence',
      config: can('assess'),
    },
    { method: 'POST', path: '/rectifications', handler: 'admin.createRectification', config: can('assess') },
    {
      method: 'POST',
      path: '/rectifications/:documentId/done',
      handler: 'admin.closeRectification',
      config: can('assess'),
    },
  ],
};

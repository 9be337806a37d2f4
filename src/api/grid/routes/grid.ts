import { factories } from '@strapi/strapi';

// Who may call: find/findOne are granted to Public in bootstrap (src/bootstrap/permissions.ts);
// create/update/delete only to roles granted them (none of the content-API roles by default).
export default factories.createCoreRouter('api::grid.grid');

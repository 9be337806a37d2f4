import { refusals } from '../packages/kit/server';

/** Inside strapi::errors: a DomainError (or a lost unique race) thrown anywhere is answered with its status. */
export default () => refusals();

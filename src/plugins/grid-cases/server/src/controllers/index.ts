import admin from './admin';
import owner from './owner';
import pub from './public';
import worker from './worker';

export default { admin, owner, public: pub, worker };

import admin from './admin';
import pub from './public';

export default { admin, public: pub };

import admin from './admin';
import adminUi from './admin-ui';
import pub from './public';

export default { admin, 'admin-ui': adminUi, public: pub };

import building from './building';
import house from './house';
import resident from './resident';
import rental from './rental';
import shop from './shop';
import firm from './firm';
import revealLog from './reveal-log';
import importJob from './import-job';

export default { building, house, resident, rental, shop, firm, 'reveal-log': revealLog, 'import-job': importJob };

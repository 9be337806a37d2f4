import access from './access';
import calendar from './calendar';
import cases from './cases';
import queries from './queries';
import figures from './figures';
import photos from './photos';
import reminders from './reminders';
import links from './links';
import duties from './duties';
import metrics from './metrics';

export default { access, calendar, cases, queries, figures, photos, reminders, links, duties, metrics };

import access from './access';
import calendar from './calendar';
import cases from './cases';
import queries from './queries';
import figures from './figures';
import demo from './demo';

export default { access, calendar, cases, queries, figures, demo };

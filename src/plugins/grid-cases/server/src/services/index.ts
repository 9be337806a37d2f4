import access from './access';
import calendar from './calendar';
import catalogue from './catalogue';
import cases from './cases';
import queries from './queries';
import figures from './figures';
import demo from './demo';

export default { access, calendar, catalogue, cases, queries, figures, demo };

import access from './access';
import calendar from './calendar';
import catalogue from './catalogue';
import cases from './cases';
import queries from './queries';
import figures from './figures';
import demo from './demo';
import photos from './photos';
import reminders from './reminders';
import links from './links';
import duties from './duties';
import dutiesTable from './duties-table';
import metrics from './metrics';

export default {
  access,
  calendar,
  catalogue,
  cases,
  queries,
  figures,
  demo,
  photos,
  reminders,
  links,
  duties,
  dutiesTable,
  metrics,
};

import access from './access';
import rules from './rules';
import actors from './actors';
import checkIn from './check-in';
import submitCheckIn from './submit-check-in';
import verification from './verification';
import summary from './summary';
import lists from './lists';
import units from './units';
import activities from './activities';
import metrics from './metrics';
import demo from './demo';
import manualCheckIn from './manual-check-in';
import reversal from './reversal';
import itemEvaluation from './item-evaluation';
import registrationsStaff from './registrations-staff';

export default {
  access,
  rules,
  actors,
  'check-in': checkIn,
  'submit-check-in': submitCheckIn,
  verification,
  summary,
  lists,
  units,
  activities,
  metrics,
  demo,
  'manual-check-in': manualCheckIn,
  reversal,
  'item-evaluation': itemEvaluation,
  'registrations-staff': registrationsStaff,
};

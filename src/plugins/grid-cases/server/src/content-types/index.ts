import caseCategory from './case-category';
import gridCase from './case';
import caseEvent from './case-event';
import holiday from './holiday';
import gridAccount from './grid-account';
import ownerAccount from './owner-account';

export default {
  'case-category': caseCategory,
  case: gridCase,
  'case-event': caseEvent,
  holiday,
  'grid-account': gridAccount,
  'owner-account': ownerAccount,
};

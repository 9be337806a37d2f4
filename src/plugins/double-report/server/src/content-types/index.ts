import unit from './unit';
import member from './member';
import registration from './registration';
import listItem from './list-item';
import activity from './activity';
import checkIn from './check-in';
import pointsEntry from './points-entry';
import idempotencyKey from './idempotency-key';
import ruleSet from './rule-set';

export default {
  unit,
  member,
  registration,
  'list-item': listItem,
  activity,
  'check-in': checkIn,
  'points-entry': pointsEntry,
  'idempotency-key': idempotencyKey,
  'rule-set': ruleSet,
};

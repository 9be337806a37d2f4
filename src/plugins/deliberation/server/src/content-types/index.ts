import council from './council';
import topic from './topic';
import meeting from './meeting';
import actionItem from './action-item';
import transition from './transition';
import revision from './revision';
import evaluation from './evaluation';

export default { council, topic, meeting, 'action-item': actionItem, transition, revision, evaluation };

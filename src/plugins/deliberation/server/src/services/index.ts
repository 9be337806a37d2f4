import rules from './rules-service';
import transition from './transition';
import workflow from './workflow';
import publication from './publication';
import settings from './settings';
import queries from './queries';
import access from './access';
import metrics from './metrics';
import demo from './demo';

export default { rules, transition, workflow, publication, settings, queries, access, metrics, demo };

import metrics from './metrics';
import foundationMetrics from './foundation-metrics';
import sheets from './sheets';
import assessments from './assessments';
import rankings from './rankings';
import scorecard from './scorecard';
import rectifications from './rectifications';
import evidence from './evidence';
import demo from './demo';
import access from './access';

export default {
  metrics,
  'foundation-metrics': foundationMetrics,
  sheets,
  assessments,
  rankings,
  scorecard,
  rectifications,
  evidence,
  demo,
  access,
};

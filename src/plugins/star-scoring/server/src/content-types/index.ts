import star from './star';
import criterion from './criterion';
import assessment from './assessment';
import transition from './transition';
import rectification from './rectification';
import evidence from './evidence';

export default { star, criterion, assessment, transition, rectification, evidence };

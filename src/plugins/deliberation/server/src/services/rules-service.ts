import * as rules from '../../../shared/rules';

/** The pure quorum/vote maths (shared/rules.ts), exposed as a service for other plugins. */
export default () => ({ ...rules });

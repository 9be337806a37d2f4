import * as rules from './rules';
/** The pure quorum/vote maths, exposed as a service for other plugins. */
export default () => ({ ...rules });

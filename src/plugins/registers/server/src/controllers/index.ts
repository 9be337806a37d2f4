import registers from './registers';

export default { registers };

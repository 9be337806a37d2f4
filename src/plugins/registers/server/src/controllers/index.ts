import io from './io';
import registers from './registers';

export default { io, registers };

import io from './io';

export default { io };

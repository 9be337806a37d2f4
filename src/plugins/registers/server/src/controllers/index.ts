import io from './io';
import map from '../map/controller';
import registers from './registers';

export default { io, map, registers };

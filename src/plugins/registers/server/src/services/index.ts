import map from '../map/service';

export default { map };

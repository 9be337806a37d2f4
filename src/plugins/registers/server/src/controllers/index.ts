import map from '../map/controller';

export default { map };

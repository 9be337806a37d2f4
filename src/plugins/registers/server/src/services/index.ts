import demo from './demo';
import io from './io';
import lists from './lists';
import map from '../map/service';
import reveal from './reveal';
import sheet from './sheet';

export default {
  demo,
  io,
  lists,
  map,
  reveal,
  sheet,
};

import demo from './demo';
import io from './io';
import lists from './lists';
import reveal from './reveal';
import sheet from './sheet';

export default {
  demo,
  io,
  lists,
  reveal,
  sheet,
};

import demo from './demo';
import lists from './lists';
import reveal from './reveal';
import sheet from './sheet';

export default {
  demo,
  lists,
  reveal,
  sheet,
};

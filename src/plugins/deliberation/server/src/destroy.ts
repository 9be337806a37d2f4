import { stopDay } from './cache';

export default () => {
  stopDay();
};

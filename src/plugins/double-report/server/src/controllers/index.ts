import checkIn from './check-in';
import summary from './summary';
import unit from './unit';
import registration from './registration';
import listItem from './list-item';
import publicController from './public';
import admin from './admin';

export default {
  'check-in': checkIn,
  summary,
  unit,
  registration,
  'list-item': listItem,
  public: publicController,
  admin,
};

import { definePluginServer } from '@grassroots/kit/server';
import register from './register';
import bootstrap from './bootstrap';
import contentTypes from './content-types';
import controllers from './controllers';
import routes from './routes';
import services from './services';

export default definePluginServer({
  register,
  bootstrap,
  contentTypes,
  controllers,
  routes,
  services,
});

import { definePluginServer } from '@grassroots/kit/server';
import register from './register';
import bootstrap from './bootstrap';
import destroy from './destroy';
import contentTypes from './content-types';
import controllers from './controllers';
import routes from './routes';
import services from './services';
import policies from './policies';

export default definePluginServer({
  register,
  bootstrap,
  destroy,
  contentTypes,
  controllers,
  routes,
  services,
  policies,
});

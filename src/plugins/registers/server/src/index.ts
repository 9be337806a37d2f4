import { definePluginServer } from '@grassroots/kit/server';
import register from './register';
import bootstrap from './bootstrap';
import contentTypes from './content-types';
import controllers from './controllers';
import routes from './routes';
import services from './services';

export default definePluginServer({
  // importInBackgroundAbove: rows of an Excel import above which it answers 202 and runs as a job
  config: { default: { importInBackgroundAbove: 5000 }, validator() {} },
  register,
  bootstrap,
  contentTypes,
  controllers,
  routes,
  services,
});

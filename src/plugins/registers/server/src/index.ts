import { definePluginServer } from '@grassroots/kit/server';
import register from './register';
import bootstrap from './bootstrap';
import contentTypes from './content-types';
import controllers from './controllers';
import routes from './routes';
import services from './services';

export default definePluginServer({
  // importInBackgroundAbove: rows of an Excel import above which it answers 202 and runs as a job;
  // importJobStaleMinutes: a running job whose row has not moved for so long belongs to a dead instance;
  // importJobKeepDays: finished jobs are deleted after so many days
  config: {
    default: { importInBackgroundAbove: 5000, importJobStaleMinutes: 5, importJobKeepDays: 7 },
    validator() {},
  },
  register,
  bootstrap,
  contentTypes,
  controllers,
  routes,
  services,
});

import path from 'path';
import { strapi } from './strapi';

/** Runs the same seed as `npm run seed` against the booted test app. */
export async function seedDemo(): Promise<number> {
  const mod = require(path.resolve(__dirname, '..', '..', 'dist', 'src', 'seed'));
  return mod.seedDemo(strapi());
}

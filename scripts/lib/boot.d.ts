import type { Core } from '@strapi/strapi';

export interface Database {
  kind: 'sqlite' | 'postgres';
  env: Record<string, string>;
  drop(): Promise<void>;
}
export function createDatabase(kind?: 'sqlite' | 'postgres', prefix?: string): Promise<Database>;
export function bootStrapi(database: Database, extraEnv?: Record<string, string>): Promise<Core.Strapi>;
export function listen(app: Core.Strapi): Promise<string>;
export const appDir: string;
export const distDir: string;

import type { Database } from './boot';

export function createTestDatabase(kind?: 'sqlite' | 'postgres', demo?: boolean): Promise<Database>;
export function buildKey(): string;

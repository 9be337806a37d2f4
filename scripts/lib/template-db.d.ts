import type { Database } from './boot';

export function createTestDatabase(kind?: 'sqlite' | 'postgres'): Promise<Database>;
export function buildKey(): string;

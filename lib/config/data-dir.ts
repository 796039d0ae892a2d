import path from 'node:path';
import { getEnv } from '@/lib/env';

/** Where the embedded database and generated local secrets live (gitignored by default). */
export function dataDir(): string {
  return path.resolve(getEnv().DATA_DIR ?? path.join(/*turbopackIgnore: true*/ process.cwd(), '.data'));
}

export function isEmbeddedDatabase(): boolean {
  return getEnv().DATABASE_URL === undefined;
}

import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureDatabase, RunningPostgres, startEmbeddedPostgres } from './embedded-postgres';

export interface ResolvedDatabase {
  url: string;
  embedded?: RunningPostgres;
}

export const EMBEDDED_DATABASE_NAME = 'chuishao';

/**
 * DATABASE_URL when given; otherwise an embedded PostgreSQL whose data stays under
 * `<dataDir>/postgres` between runs.
 */
export async function resolveDatabase(opts: {
  databaseUrl?: string;
  dataDir: string;
  log?: (line: string) => void;
}): Promise<ResolvedDatabase> {
  if (opts.databaseUrl) return { url: opts.databaseUrl };
  const dir = resolve(opts.dataDir);
  mkdirSync(dir, { recursive: true });
  const embedded = await startEmbeddedPostgres({ dataDir: join(dir, 'postgres'), log: opts.log });
  await ensureDatabase(embedded.url, EMBEDDED_DATABASE_NAME);
  return { url: embedded.url(EMBEDDED_DATABASE_NAME), embedded };
}

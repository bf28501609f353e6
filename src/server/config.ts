// The server's settings, from the environment (documented in the README):
//   HOST (127.0.0.1), PORT (4173), DATABASE_URL (a PostgreSQL ≥ 15; unset: PGlite),
//   ATLAS_DATA_DIR (PGlite's folder, ./atlas-data), ATLAS_SECURE_COOKIES=1 behind HTTPS.
import { resolve } from 'node:path';
import type { ServerConfig } from './types';

const HOUR_MS = 3_600_000;

export function configFromEnvironment(environment: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(environment.PORT ?? 4173);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT "${environment.PORT}" is not a port number`);
  return {
    host: environment.HOST || '127.0.0.1',
    port,
    staticRoot: resolve(environment.ATLAS_STATIC_DIR || 'dist'),
    dataDir: resolve(environment.ATLAS_DATA_DIR || 'atlas-data'),
    databaseUrl: environment.DATABASE_URL || undefined,
    secureCookies: environment.ATLAS_SECURE_COOKIES === '1',
    sessionIdleMs: 12 * HOUR_MS,
    sessionMaxMs: 7 * 24 * HOUR_MS,
  };
}

// `npm start`: the team server. Serves the built app and /api on HOST:PORT, on PostgreSQL when
// DATABASE_URL is set, else on PGlite in ./atlas-data (see config.ts). While no account exists it
// prints a one-time link to create the first administrator.
//
// Rules relied on:
// - The line "listening on <url>" is printed once the server accepts connections (tests wait for it).
// - SIGINT / SIGTERM close the server and then the database, so PGlite leaves its folder consistent;
//   a SIGKILL loses nothing acknowledged either (every write is committed before it is answered).
import { buildApp } from './app';
import { configFromEnvironment } from './config';
import { migrate, openDatabase } from './db/index';
import { writePidFile } from './pidFile';
import { setupToken } from './routes/auth';
import { serverGeodata } from './datasets/importUpload';

const config = configFromEnvironment();
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const schemaVersion = await migrate(db);
const removePidFile = config.databaseUrl ? () => undefined : writePidFile(config.dataDir);
const app = await buildApp({ db, config });
// The county boundaries and village list every upload is checked against, read once now.
serverGeodata();
const address = await app.listen({ host: config.host, port: config.port });
const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
console.log(`Guizhou Coverage Atlas team server: database ${where}, schema version ${schemaVersion}`);
const url = `${address.replace('[::1]', 'localhost')}/`;
const token = await setupToken(db);
if (token)
  console.log(
    `No account exists yet. Create the first administrator (this link works once): ${url}#setup=${token}`,
  );
console.log(`listening on ${url}`);

let closing = false;
async function shutDown(signal: string) {
  if (closing) return;
  closing = true;
  console.log(`${signal}: closing`);
  await app.close();
  await db.close();
  removePidFile();
  process.exit(0);
}
process.on('SIGINT', () => void shutDown('SIGINT'));
process.on('SIGTERM', () => void shutDown('SIGTERM'));

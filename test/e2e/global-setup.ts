// Serves the built app (dist/, made by `vite build` before this runs) exactly as `npm start` does,
// and makes sure a browser exists before any test starts.
//
// Rules relied on: the tests get a copy of dist/ taken here, so a `vite build` run meanwhile (in
// another terminal) cannot swap the hashed chunks and workers a page has yet to load. E2E_DIST names
// another build folder (`vite build --outDir …`), so two checkouts' tests can run side by side.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { ensureChromium } from './chromium';

let server: PreviewServer | undefined;

export default async function setup(project: TestProject) {
  const built = process.env.E2E_DIST ?? 'dist';
  if (!existsSync(join(built, 'index.html')))
    throw new Error(`${built}/ is missing: run \`vite build\` first (npm run test:e2e does).`);
  project.provide('chromiumPath', ensureChromium());
  const copy = mkdtempSync(join(tmpdir(), 'atlas-e2e-'));
  const servedDir = join(copy, 'dist');
  cpSync(built, servedDir, { recursive: true });
  server = await preview({
    build: { outDir: servedDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server did not report its URL');
  project.provide('baseUrl', url);
  // The team server (teamServer.ts) serves this same copy.
  project.provide('distDir', servedDir);
  project.provide('testTimeoutMs', project.config.testTimeout);
  return async () => {
    await server?.close();
    rmSync(copy, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
    baseUrl: string;
    chromiumPath: string;
    /** The e2e project's time limit per test, for waits that must end before it. */
    testTimeoutMs: number;
  }
}

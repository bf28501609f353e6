// Serves the built app (dist/, made by `vite build` before this runs) exactly as `npm start` does,
// and makes sure a browser exists before any test starts.
import { existsSync } from 'node:fs';
import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { ensureChromium } from './chromium';

let server: PreviewServer | undefined;

export default async function setup(project: TestProject) {
  if (!existsSync('dist/index.html'))
    throw new Error('dist/ is missing: run `vite build` first (npm run test:e2e does).');
  project.provide('chromiumPath', ensureChromium());
  server = await preview({
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server did not report its URL');
  project.provide('baseUrl', url);
  return async () => {
    await server?.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    chromiumPath: string;
  }
}

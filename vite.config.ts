import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import {
  basemapOriginFromCookies,
  contentSecurityPolicy,
  securityHeaders,
} from './src/core/securityPolicy.ts';

// The built page carries the policy as a <meta> tag (for static hosting); `npm start` and the browser
// tests serve it with the same policy as headers, narrowed to the configured basemap, plus
// frame-ancestors 'none' (src/core/securityPolicy.ts). The dev server skips both: its hot reload
// injects inline code.
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy('any-https', { header: false });

function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

function securityHeadersOnPreview(): Plugin {
  return {
    name: 'security-headers',
    configurePreviewServer(server) {
      server.middlewares.use((request, response, next) => {
        const headers = securityHeaders(basemapOriginFromCookies(request.headers.cookie));
        for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
        next();
      });
    },
  };
}

// Team mode's service worker (src/serviceWorker.ts) is a second entry, written to sw.js at the site
// root under that stable name (a worker's scope is its folder). Once the bundle is complete, its
// placeholders receive the list of the other files (its app shell) and an id of that list, so each
// build is a new worker with its own cache. Registered by the page in team mode only.
const SERVICE_WORKER_FILE = 'sw.js';

function serviceWorkerShell(): Plugin {
  return {
    name: 'service-worker-shell',
    apply: 'build',
    generateBundle(_options, bundle) {
      const worker = bundle[SERVICE_WORKER_FILE];
      if (!worker || worker.type !== 'chunk') return;
      const files = Object.keys(bundle)
        .filter((name) => name !== SERVICE_WORKER_FILE && !name.endsWith('.map') && name !== 'index.html')
        .sort();
      const buildId = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 16);
      const filled = worker.code
        .replace(/(["'`])__ATLAS_SHELL_FILES__\1/, JSON.stringify(files))
        .replace(/(["'`])__ATLAS_BUILD_ID__\1/, JSON.stringify(buildId));
      if (filled.includes('__ATLAS_')) this.error('the service worker still holds a placeholder');
      worker.code = filled;
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicyMeta(), securityHeadersOnPreview(), serviceWorkerShell()],
  assetsInclude: ['**/*.geojson'],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        sw: fileURLToPath(new URL('./src/serviceWorker.ts', import.meta.url)),
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'sw' ? SERVICE_WORKER_FILE : 'assets/[name]-[hash].js'),
        // What the page loads at start stays one chunk (the entry): left alone, the bundler gives each
        // module shared with a part loaded on demand (src/ui/lazyPanels.tsx) a chunk of its own, and
        // the page would start with twenty requests. The service worker stays apart (see above).
        codeSplitting: {
          groups: [
            { name: 'index', tags: ['$initial'], test: (id) => !/[\\/]src[\\/]serviceWorker/.test(id) },
          ],
        },
      },
    },
  },
  // The point tiles' script for MapLibre's workers (src/map/tileProtocolWorker.ts) ends in .mjs:
  // MapLibre's workers are modules and import a script by that ending (any other they would pass to
  // importScripts, which a module worker lacks).
  worker: {
    rolldownOptions: {
      output: {
        entryFileNames: (chunk) =>
          chunk.name.startsWith('tileProtocolWorker')
            ? 'assets/[name]-[hash].mjs'
            : 'assets/[name]-[hash].js',
      },
    },
  },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'test/unit/**/*.test.ts'],
          // The server's tests need a database: project 'server'.
          exclude: ['**/node_modules/**', '**/*.server.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: [
            'src/server/**/*.server.test.ts',
            'src/cli/**/*.server.test.ts',
            'test/server/**/*.test.ts',
          ],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One PGlite or PostgreSQL per file at a time: the machine may have two cores.
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

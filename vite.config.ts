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

export default defineConfig({
  plugins: [react(), contentSecurityPolicyMeta(), securityHeadersOnPreview()],
  assetsInclude: ['**/*.geojson'],
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'test/unit/**/*.test.ts'],
          environment: 'node',
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

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The Rust server; `SITECARD_DEV_BACKEND` points the dev/preview proxy elsewhere.
const backend = process.env.SITECARD_DEV_BACKEND ?? 'http://127.0.0.1:8080';
// Everything the SPA fetches from the server; all other paths are client-side routes.
const proxy = Object.fromEntries(
  ['/api', '/healthz', '/readyz', '/.well-known'].map((prefix) => [prefix, { target: backend }]),
);

export default defineConfig({
  plugins: [react()],
  // The budget that matters is the gzipped JavaScript loaded up front (scripts/check-bundle-size.mjs);
  // the lazily loaded password-strength dictionaries are large by nature.
  build: { chunkSizeWarningLimit: 800 },
  server: { proxy },
  preview: { proxy },
  test: {
    globals: true,
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    unstubGlobals: true,
  },
});

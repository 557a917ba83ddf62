import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

// The Rust server; `SITECARD_DEV_BACKEND` points the dev/preview proxy elsewhere.
const backend = process.env.SITECARD_DEV_BACKEND ?? 'http://127.0.0.1:8080';
// Everything the SPA fetches from the server; all other paths are client-side routes.
const proxy = Object.fromEntries(
  ['/api', '/healthz', '/readyz', '/.well-known'].map((prefix) => [prefix, { target: backend }]),
);

/**
 * qr-scanner starts its decoder as a Worker from a `blob:` URL, which the server's Content-Security-Policy
 * (`script-src 'self'`) forbids. This writes the same worker code to `/qr-scanner-worker.js` (a file of our
 * own origin); `src/features/card-check/qr-worker.ts` stands in for the package's worker module (alias
 * below). The code is taken from the installed package, so it cannot drift from it.
 */
function qrScannerWorker(): Plugin {
  const fileName = 'qr-scanner-worker.js';
  let code: Promise<string> | undefined;
  const workerCode = () =>
    (code ??= (async () => {
      let blob: Blob | undefined;
      const createObjectURL = URL.createObjectURL.bind(URL);
      const hadWorker = 'Worker' in globalThis;
      const globals = globalThis as unknown as Record<string, unknown>;
      const previousWorker = globals.Worker;
      URL.createObjectURL = (value: Blob) => {
        if (value instanceof Blob) blob = value;
        return 'blob:qr-scanner-worker';
      };
      globals.Worker = class {};
      try {
        const path = createRequire(import.meta.url).resolve('qr-scanner/qr-scanner-worker.min.js');
        const module = (await import(pathToFileURL(path).href)) as { createWorker: () => unknown };
        module.createWorker();
      } finally {
        URL.createObjectURL = createObjectURL;
        if (hadWorker) globals.Worker = previousWorker;
        else delete globals.Worker;
      }
      if (!blob) throw new Error('qr-scanner did not create its worker from a Blob');
      return blob.text();
    })());
  return {
    name: 'sitecard-qr-scanner-worker',
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName, source: await workerCode() });
    },
    configureServer(server) {
      server.middlewares.use(`/${fileName}`, (_request, response, next) => {
        workerCode().then((source) => {
          response.setHeader('Content-Type', 'text/javascript');
          response.end(source);
        }, next);
      });
    },
  };
}

/**
 * The app's stylesheet with `media="print"`, so it no longer holds back the first paint of the page shell (the
 * header styled inline in index.html), which therefore shows as soon as the HTML is in instead of one more
 * round trip later. It is still fetched at once, in parallel with the scripts, and only once; `main.tsx`
 * switches it to `media="all"` and waits for it before React draws anything, so the app never shows
 * unstyled. (Not `rel="preload"` plus a stylesheet link: with the cache disabled that fetches it twice.)
 */
function nonBlockingStylesheet(): Plugin {
  return {
    name: 'sitecard-non-blocking-stylesheet',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const out = html.replace(
          /<link rel="stylesheet"((?: crossorigin)?) href="(\/assets\/[^"]+\.css)">/g,
          '<link rel="stylesheet"$1 href="$2" media="print" data-app-stylesheet>',
        );
        if (out === html) throw new Error('sitecard-non-blocking-stylesheet: no stylesheet link in index.html');
        return out;
      },
    },
  };
}

/**
 * The entry script and its module preloads with `fetchpriority="low"`: none of them is needed for the first
 * paint (the page shell in index.html paints without them; React replaces it once they, the stylesheet,
 * the texts and the session are in), so they are fetched at once but not ahead of anything that does
 * block a paint. Left at the default (high), Lighthouse's simulation counts every such script that happened
 * to finish downloading before the shell's first frame in its unthrottled trace (on a local server often
 * the case, a race decided by a few milliseconds) as blocking that paint, and gave any page, at random, a
 * first contentful paint of about 1.9 s instead of 0.7 s: the whole 150 kB of JavaScript over slow 4G.
 * The largest paint, which does wait for the scripts, counts them either way.
 */
function lowPriorityAppScripts(): Plugin {
  return {
    name: 'sitecard-low-priority-app-scripts',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const entry = /<script type="module"((?: crossorigin)?) src="(\/assets\/[^"]+\.js)">/g;
        const preload = /<link rel="modulepreload"((?: crossorigin)?) href="(\/assets\/[^"]+\.js)">/g;
        const entries = html.match(entry)?.length ?? 0;
        if (entries !== 1) {
          throw new Error(`sitecard-low-priority-app-scripts: ${entries} entry scripts in index.html, not 1`);
        }
        return html
          .replace(entry, '<script type="module"$1 src="$2" fetchpriority="low">')
          .replace(preload, '<link rel="modulepreload"$1 href="$2" fetchpriority="low">');
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), qrScannerWorker(), nonBlockingStylesheet(), lowPriorityAppScripts()],
  resolve: {
    alias: [
      {
        find: /^\.\/qr-scanner-worker\.min\.js$/,
        replacement: fileURLToPath(new URL('./src/features/card-check/qr-worker.ts', import.meta.url)),
      },
    ],
  },
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

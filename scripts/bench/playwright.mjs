// playwright-core for the bench's browser measurements: scripts/bench/node_modules (`npm ci` there, pinned in
// package.json), else the SPA's frontend/node_modules. Debian's Chromium is the browser (no download).
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export function loadPlaywright() {
  for (const base of [here, resolve(here, '../../frontend')]) {
    try {
      return createRequire(resolve(base, 'package.json'))('playwright-core');
    } catch {
      // not installed there: try the next place
    }
  }
  throw new Error('playwright-core is missing: run `npm ci` in scripts/bench (or in frontend)');
}

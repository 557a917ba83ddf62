// Fails the build when the JavaScript that index.html loads up front grows past the budget:
// workers open this on phones over poor connections. Lazy-loaded chunks are not counted.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const budgetBytes = 200 * 1024;
const dist = resolve(dirname(fileURLToPath(import.meta.url)), '../dist');
const html = readFileSync(resolve(dist, 'index.html'), 'utf8');

// Entry scripts and their preloaded imports.
const initial = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/([^"]+\.js)"/g)].map(
  (match) => match[1],
);
if (initial.length === 0) {
  console.error('check-bundle-size: found no scripts in dist/index.html');
  process.exit(1);
}

let total = 0;
for (const file of initial) {
  const size = gzipSync(readFileSync(resolve(dist, file))).length;
  total += size;
  console.log(`  ${file}  ${(size / 1024).toFixed(1)} kB gzipped`);
}
const summary = `initial JS ${(total / 1024).toFixed(1)} kB gzipped (budget ${budgetBytes / 1024} kB)`;
if (total > budgetBytes) {
  console.error(`check-bundle-size: ${summary}: over budget`);
  process.exit(1);
}
console.log(`check-bundle-size: ${summary}`);

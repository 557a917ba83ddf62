// Fails when src/lib/api/schema.d.ts no longer matches ../openapi/openapi.json, i.e. when
// someone changed the API without running `npm run gen:api` (or edited the generated file).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const document = resolve(root, '../openapi/openapi.json');
const committed = resolve(root, 'src/lib/api/schema.d.ts');
const cli = resolve(root, 'node_modules/openapi-typescript/bin/cli.js');

const scratch = mkdtempSync(join(tmpdir(), 'sitecard-check-api-'));
try {
  const fresh = join(scratch, 'schema.d.ts');
  execFileSync(process.execPath, [cli, document, '--output', fresh], { cwd: root, stdio: 'pipe' });

  let current;
  try {
    current = readFileSync(committed, 'utf8');
  } catch {
    current = null;
  }
  if (current !== readFileSync(fresh, 'utf8')) {
    console.error(
      current === null
        ? 'check:api: src/lib/api/schema.d.ts is missing.'
        : 'check:api: src/lib/api/schema.d.ts is out of date with openapi/openapi.json.',
    );
    console.error('Run `npm run gen:api` in frontend/ and commit the result.');
    process.exitCode = 1;
  } else {
    console.log('check:api: src/lib/api/schema.d.ts matches openapi/openapi.json.');
  }
} catch (error) {
  console.error(`check:api: could not generate types from ${document}:`);
  console.error(error.stderr?.toString() || error.message);
  process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

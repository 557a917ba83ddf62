// Browser tests: the built SPA as served by a running Sitecard server (dev mode, `seed-demo` data),
// in Debian's Chromium.
//
//   SITECARD_URL=http://127.0.0.1:8080 npm run test:browser            # everything
//   SITECARD_URL=http://127.0.0.1:8080 npm run test:browser -- identity  # one suite (smoke, identity, orders, languages, operator, companies, bulk, digitalcard)
//
// Prints one line per check, then "N passed, M failed"; exits non-zero if any check failed.
// Screenshots go to frontend/test-results/.
import { chromium } from 'playwright-core';
import { runBulk } from './bulk.mjs';
import { runCompanies } from './companies.mjs';
import { runDigitalCard } from './digitalcard.mjs';
import { runIdentity } from './identity.mjs';
import { runLanguages } from './languages.mjs';
import { assert, baseUrl, check, pageErrors, results } from './lib.mjs';
import { runOperator } from './operator.mjs';
import { runOrders } from './orders.mjs';
import { runSmoke } from './smoke.mjs';

const suites = {
  smoke: runSmoke,
  identity: runIdentity,
  orders: runOrders,
  languages: runLanguages,
  operator: runOperator,
  companies: runCompanies,
  bulk: runBulk,
  digitalcard: runDigitalCard,
};

if (!baseUrl) {
  console.error('SITECARD_URL is required, e.g. SITECARD_URL=http://127.0.0.1:8080 npm run test:browser');
  console.log('0 passed, 1 failed');
  process.exit(2);
}

const chosen = process.argv.slice(2).filter((name) => name in suites);
const started = Date.now();
let browser;
try {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  for (const name of chosen.length > 0 ? chosen : Object.keys(suites)) {
    console.log(`# ${name}`);
    await suites[name](browser);
  }
  await check('no JavaScript errors in the console', async () => {
    assert(pageErrors.length === 0, pageErrors.join('\n'));
  });
} catch (error) {
  results.failed += 1;
  console.log(`FAIL - browser tests could not run\n    ${error?.stack ?? error?.message ?? error}`);
} finally {
  await browser?.close();
}

console.log(`# ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${results.passed} passed, ${results.failed} failed`);
process.exitCode = results.failed === 0 ? 0 : 1;

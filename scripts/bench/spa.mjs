// "Login page interactive" for `make bench`: loads the sign-in page of a running Sitecard server in
// headless Chromium, each time in a fresh browser context (cold HTTP cache), and measures the time from
// starting the navigation until the password field is visible and enabled (the SPA renders client-side:
// index.html has only <div id="root">, so a visible, enabled field means the JavaScript ran).
//
//   node scripts/bench/spa.mjs http://127.0.0.1:PORT/sign-in RUNS [CHROMIUM]
//
// Prints `BENCH_JSON {"runs_ms":[…],"dcl_ms":[…],"browser":"…"}`. playwright-core comes from scripts/bench/node_modules
// (`npm ci` there), else from frontend/node_modules.
import { loadPlaywright } from './playwright.mjs';

const { chromium } = loadPlaywright();

const [url, runsArg, executablePath = '/usr/bin/chromium'] = process.argv.slice(2);
const runs = Number(runsArg ?? 5);
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const runsMs = [];
const dclMs = [];
try {
  // One throw-away load so that the browser process itself is warm (its start-up is not the page's cost).
  for (let i = 0; i < runs + 1; i += 1) {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const started = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    const password = page.locator('input[type="password"]').first();
    await password.waitFor({ state: 'visible' });
    if (!(await password.isEnabled())) await page.waitForFunction(() => !document.querySelector('input[type="password"]')?.disabled);
    const elapsed = performance.now() - started;
    const dcl = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return nav ? nav.domContentLoadedEventEnd : -1;
    });
    if (i > 0) {
      runsMs.push(Math.round(elapsed * 10) / 10);
      dclMs.push(Math.round(dcl * 10) / 10);
    }
    await context.close();
  }
  console.log(`BENCH_JSON ${JSON.stringify({ runs_ms: runsMs, dcl_ms: dclMs, browser: browser.version() })}`);
} finally {
  await browser.close();
}

// "Page shell on a slow network" for `make bench`: loads a page of a running Sitecard server in headless Chromium,
// each time in a fresh browser context (cold cache, new connections), with CDP `Network.emulateNetworkConditions`
// (400 ms latency, 400 kbit/s = 50,000 bytes/s down and up), and measures the time from starting the navigation
// until the page's <h1> is visible (the SPA renders client-side, so that is the shell with its first content).
//
//   node scripts/bench/shell.mjs http://127.0.0.1:PORT/sign-in RUNS [CHROMIUM]
//
// Prints `BENCH_JSON {"runs_ms":[…],"bytes":[…],"browser":"…"}` (bytes: encoded bytes received per load).
import { loadPlaywright } from './playwright.mjs';

const { chromium } = loadPlaywright();
const [url, runsArg, executablePath = '/usr/bin/chromium'] = process.argv.slice(2);
const runs = Number(runsArg ?? 3);
const conditions = { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 };
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const runsMs = [];
const bytes = [];
try {
  for (let i = 0; i < runs; i += 1) {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', conditions);
    let received = 0;
    cdp.on('Network.loadingFinished', (e) => {
      received += e.encodedDataLength;
    });
    const started = performance.now();
    await page.goto(url, { waitUntil: 'commit', timeout: 30_000 });
    await page.locator('h1').first().waitFor({ state: 'visible', timeout: 30_000 });
    runsMs.push(Math.round((performance.now() - started) * 10) / 10);
    bytes.push(received);
    await context.close();
  }
  console.log(`BENCH_JSON ${JSON.stringify({ runs_ms: runsMs, bytes, browser: browser.version() })}`);
} finally {
  await browser.close();
}

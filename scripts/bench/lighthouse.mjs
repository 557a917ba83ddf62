// One Lighthouse run for `make bench` (lighthouse.py): Debian's Chromium (CHROME_PATH) started by chrome-launcher
// with `--headless=new --no-sandbox --disable-gpu`, as the Lighthouse CLI starts it, and Lighthouse's default
// config (mobile form factor, simulated throttling: slow 4G, 4× CPU slowdown), categories performance,
// accessibility and best practices; the result (LHR) as JSON in OUT.
//
//   node scripts/bench/lighthouse.mjs URL OUT.json [COOKIES_JSON]
//
// COOKIES_JSON, `[{"name", "value", "path"}]`: cookies put in the browser's cookie jar for URL's host before the
// run, as a sign-in in that browser would have left them (the refresh token, HttpOnly, Path /api/v1/auth, and
// the session hint, Path /). Not `--extra-headers`: a Cookie request header is invisible to `document.cookie`,
// where the SPA looks for the session hint. Lighthouse's storage reset leaves cookies alone.
import { writeFileSync } from 'node:fs';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';

const [url, out, cookiesArg] = process.argv.slice(2);
const chrome = await launch({
  chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  logLevel: 'silent',
});
try {
  if (cookiesArg) {
    const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
    const { hostname } = new URL(url);
    const cookies = JSON.parse(cookiesArg).map((c) => ({ name: c.name, value: c.value, path: c.path || '/', domain: hostname }));
    await browser.setCookie(...cookies);
    await browser.disconnect();
  }
  const result = await lighthouse(url, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices'],
    disableFullPageScreenshot: true,
  });
  if (!result) throw new Error('lighthouse returned no result');
  writeFileSync(out, result.report);
} finally {
  await chrome.kill();
}

// Shared helpers for the browser tests: checks that count, screenshots, axe, layout measurements.
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';

export const baseUrl = process.env.SITECARD_URL?.replace(/\/+$/, '');

export const resultsDir = fileURLToPath(new URL('../../test-results/', import.meta.url));
mkdirSync(resultsDir, { recursive: true });

export const timeout = 15_000;

export const results = { passed: 0, failed: 0 };
export const pageErrors = [];

/** Runs one named check; a failure is counted and printed, and the run goes on. */
export async function check(name, body) {
  try {
    await body();
    results.passed += 1;
    console.log(`ok - ${name}`);
    return true;
  } catch (error) {
    results.failed += 1;
    console.log(`FAIL - ${name}\n    ${String(error?.message ?? error).split('\n').join('\n    ')}`);
    return false;
  }
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

export async function screenshot(page, name) {
  await page.screenshot({ path: `${resultsDir}${name}.png`, fullPage: true });
}

/**
 * Chromium logs every 4xx answer as "Failed to load resource"; the app expects some from the API
 * (a wrong code answers 401; a refresh whose session has ended, 401). Script errors still count. A
 * first visit makes no such request at all (smoke.mjs checks that).
 */
function expectedApiAnswer(message) {
  return (
    /^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text()) &&
    message.location()?.url?.includes('/api/v1/')
  );
}

export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ locale: 'en-US', ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !expectedApiAnswer(message)) {
      pageErrors.push(`${page.url()}: console: ${message.text()}`);
    }
  });
  return { context, page };
}

export async function expectNoAxeViolations(page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  assert(
    violations.length === 0,
    `${violations.length} axe violation(s):\n` +
      violations
        .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
        .join('\n'),
  );
}

/**
 * The page's layout shift so far: the sum of Chromium's `layout-shift` entries not caused by input
 * (stricter than CLS, which takes the worst 5-second window).
 */
export async function layoutShift(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(total), 200);
      }),
  );
}

/** The cookie the server sets beside the HttpOnly refresh cookie, readable by the app: "there is a session". */
export async function sessionHint(context) {
  return (await context.cookies()).find((cookie) => cookie.name === 'sitecard_session_hint');
}

export async function horizontalOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Visible controls smaller than 44 × 44 CSS px. */
export async function smallTouchTargets(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('a[href], button, select, input, textarea, summary, [role="button"]')]
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && box.height > 0 && box.bottom > 0) // skip hidden/off-screen
      .filter(({ box }) => box.width < 44 || box.height < 44)
      .map(({ element, box }) => `${element.tagName.toLowerCase()} "${element.textContent?.trim()}" ${Math.round(box.width)}×${Math.round(box.height)}`),
  );
}

function localeFile(code) {
  return JSON.parse(readFileSync(new URL(`../../src/lib/i18n/locales/${code}.json`, import.meta.url), 'utf8'));
}

/** `t(key, values)` for one locale file, as the SPA renders it: tests in other languages find what people read. */
export function translator(code) {
  const tree = localeFile(code);
  return (key, values = {}) => {
    const text = key.split('.').reduce((node, part) => node?.[part], tree);
    if (typeof text !== 'string') throw new Error(`no text ${key} in ${code}.json`);
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name) => String(values[name] ?? ''));
  };
}

/** Every translation key of the English file, e.g. `signIn.title`. */
export function translationKeys() {
  const en = localeFile('en');
  const keys = [];
  const walk = (node, prefix) => {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string') keys.push(`${prefix}${key}`);
      else walk(value, `${prefix}${key}.`);
    }
  };
  walk(en, '');
  return keys;
}

/** Translation keys that show in the page as text or in accessible names: i18next's sign of a missing key. */
export async function rawKeysOnPage(page, keys) {
  const text = await page.evaluate(() =>
    [
      document.body.innerText,
      document.title,
      ...[...document.querySelectorAll('[aria-label],[alt],[title],[placeholder]')].map((element) =>
        ['aria-label', 'alt', 'title', 'placeholder'].map((name) => element.getAttribute(name) ?? '').join(' '),
      ),
    ].join('\n'),
  );
  return keys.filter((key) => text.includes(key)).concat(text.match(/\{\{\s*\w+\s*\}\}/g) ?? []);
}

/**
 * Messages in the server's development outbox for `to`, newest first; waits (up to 5 s) for one sent
 * at or after `since` that matches `filter`.
 */
export async function waitForMessage(to, { since = 0, filter = () => true } = {}) {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const response = await fetch(`${baseUrl}/api/v1/dev/outbox?to=${encodeURIComponent(to)}`);
    assert(response.ok, `GET /api/v1/dev/outbox answered ${response.status}`);
    const messages = await response.json();
    const found = messages.find((m) => Date.parse(m.created_at) >= since - 1000 && filter(m));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no message to ${to} in the dev outbox`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A path on this site from an emailed link (`http://127.0.0.1:8080/register?token=…`). */
export function pathOf(link) {
  const url = new URL(link);
  return `${url.pathname}${url.search}`;
}

/** A phone-sized screen, as the suites use throughout. */
export const phoneScreen = { viewport: { width: 360, height: 740 } };

export const demoPassword = 'demo-password-1';

export const digits = (count) => Array.from({ length: count }, () => Math.floor(Math.random() * 10)).join('');

/**
 * A flow of dependent steps on `page`: after the first failure the rest are skipped (and said so),
 * and the failing screen is photographed.
 */
export function flow(page) {
  let broken = false;
  const step = async (name, body) => {
    if (broken) {
      console.log(`skip - ${name}`);
      return false;
    }
    if (!(await check(name, body))) {
      broken = true;
      await screenshot(page, `FAILED-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`).catch(() => undefined);
      return false;
    }
    return true;
  };
  step.ok = () => !broken;
  return step;
}

let englishKeys;

/** For every page visited: a screenshot, no horizontal scrolling, no raw translation keys, no axe violations. */
export async function pageIsSound(page, name) {
  englishKeys ??= translationKeys();
  await screenshot(page, name);
  const overflow = await horizontalOverflow(page);
  assert(overflow <= 0, `${overflow}px wider than the ${page.viewportSize()?.width}px viewport`);
  const raw = await rawKeysOnPage(page, englishKeys);
  assert(raw.length === 0, `untranslated: ${raw.join(', ')}`);
  await expectNoAxeViolations(page);
}

export async function heading(page, name) {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

/**
 * The error summary is shown, has focus, and says `text`; the page title starts with "Error: " (GOV.UK),
 * or `titlePrefix` in another language.
 */
export async function errorSummaryShows(page, text, titlePrefix = 'Error: ') {
  const summary = page.locator('.error-summary');
  await summary.getByText(text).first().waitFor();
  const focused = await page.evaluate(() => document.activeElement?.classList.contains('error-summary'));
  assert(focused, 'the error summary does not have focus');
  await page
    .waitForFunction((prefix) => document.title.startsWith(prefix), titlePrefix, { timeout: 2_000 })
    .catch(async () => assert(false, `the title "${await page.title()}" does not start with "${titlePrefix}"`));
}

/** Email and password, then the code page; returns the SMS code sent to `phone`. */
export async function passwordStep(page, email, password, phone) {
  if (!new URL(page.url()).pathname.startsWith('/sign-in')) await page.goto(`${baseUrl}/sign-in`);
  await heading(page, 'Sign in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  const since = Date.now();
  await page.getByRole('button', { name: 'Continue' }).click();
  await heading(page, 'Check your phone');
  const sms = await waitForMessage(phone, { since, filter: (m) => m.channel === 'sms' && m.code });
  return sms.code;
}

export async function enterCode(page, code, button) {
  await page.getByLabel('Code', { exact: true }).fill(code);
  await page.getByRole('button', { name: button }).click();
}

// Browser smoke test: the built SPA as served by a running Sitecard server, in Debian's Chromium.
// Run by index.mjs (`npm run test:browser`).
import {
  assert,
  baseUrl,
  check,
  expectNoAxeViolations,
  heading,
  horizontalOverflow,
  layoutShift,
  newPage,
  phoneScreen,
  screenshot,
  smallTouchTargets,
} from './lib.mjs';

const english = { status: 'Service status: working normally', notFound: 'Page not found', homeLink: 'Go to the home page' };
const swedish = { status: 'Tjänstens status: fungerar normalt' };
const languageKey = 'sitecard.language';

export async function runSmoke(browser) {
  // Home page in English: status, accessibility, keyboard, switching language.
  {
    const { context, page } = await newPage(browser);

    await check('home page shows the service status from /healthz', async () => {
      const response = await page.goto(`${baseUrl}/`);
      assert(response?.ok(), `GET / answered ${response?.status()}`);
      await page.getByRole('status').getByText(english.status, { exact: true }).waitFor();
      assert((await page.locator('html').getAttribute('lang')) === 'en', '<html lang> is not "en"');
      assert((await page.getByRole('banner').textContent())?.includes('Sitecard'), 'header lacks "Sitecard"');
      await screenshot(page, 'home-en');
    });

    await check('home page has no axe violations', () => expectNoAxeViolations(page));

    await check('the HTML carries a page shell and a description, its scripts at low priority; robots.txt is text', async () => {
      const html = await (await fetch(`${baseUrl}/sign-in`)).text();
      assert(html.includes('class="boot-header"'), 'no page shell in the HTML');
      assert(/<meta name="description" content="[^"]{40,}"/.test(html), 'no meta description');
      // The shell paints without the app's scripts, so none of them is fetched as if it held back that paint
      // (`lowPriorityAppScripts` in vite.config.ts).
      const scripts = html.match(/<script\b[^>]*>|<link\b[^>]*rel="modulepreload"[^>]*>/g) ?? [];
      assert(scripts.length > 0, 'no scripts in the HTML');
      const urgent = scripts.filter((tag) => !tag.includes('fetchpriority="low"'));
      assert(urgent.length === 0, `scripts fetched at high priority: ${urgent.join(' ')}`);
      const robots = await fetch(`${baseUrl}/robots.txt`);
      const text = await robots.text();
      assert(robots.ok && text.startsWith('User-agent: *'), `robots.txt answered ${robots.status}: ${text.slice(0, 60)}`);
      assert(!(robots.headers.get('content-type') ?? '').includes('text/html'), 'robots.txt is served as HTML');
    });

    await check('first Tab focuses the visible skip link', async () => {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const element = document.activeElement;
        const box = element?.getBoundingClientRect();
        return { href: element?.getAttribute('href'), visible: Boolean(box && box.bottom > 0 && box.height > 0) };
      });
      assert(focused.href === '#main' && focused.visible, `focused ${JSON.stringify(focused)}`);
    });

    await check('switching to Svenska translates the page and sets <html lang="sv">', async () => {
      await page.getByLabel('Language').selectOption({ label: 'Svenska' });
      await page.getByRole('status').getByText(swedish.status, { exact: true }).waitFor();
      await page.waitForFunction(() => document.documentElement.lang === 'sv');
      await screenshot(page, 'home-sv');
    });

    await check('the language choice survives a reload and is all that is stored', async () => {
      await page.reload();
      await page.getByRole('status').getByText(swedish.status, { exact: true }).waitFor();
      const stored = await page.evaluate(() => ({ ...window.localStorage }));
      assert(
        JSON.stringify(stored) === JSON.stringify({ [languageKey]: 'sv' }),
        `localStorage holds ${JSON.stringify(stored)}`,
      );
      const session = await page.evaluate(() => window.sessionStorage.length);
      assert(session === 0, `sessionStorage holds ${session} item(s)`);
    });

    await context.close();
  }

  // First visits on a phone, as Lighthouse makes them (issue 34): nobody signed in, nothing to ask the
  // server on start-up, no console errors, nothing moving.
  {
    const { context, page } = await newPage(browser, phoneScreen);
    const requests = [];
    const errors = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
    });
    const publicPages = [
      ['/', 'Construction-site ID cards'],
      ['/sign-in', 'Sign in'],
      ['/check', 'Check a card'],
      ['/forgot-password', 'Reset your password'],
    ];

    await check('a first visit to a public page: no refresh, no dev-outbox request, no console error, no shift', async () => {
      const shifts = [];
      for (const [path, title] of publicPages) {
        await page.goto(`${baseUrl}${path}`);
        await heading(page, title);
        await page.waitForLoadState('load');
        const shift = await layoutShift(page);
        if (shift > 0.05) shifts.push(`${path}: ${shift.toFixed(3)}`);
      }
      const unwanted = requests.filter((path) => path === '/api/v1/auth/refresh' || path.startsWith('/api/v1/dev/'));
      assert(unwanted.length === 0, `start-up requests: ${unwanted.join(', ')}`);
      assert(errors.length === 0, `console errors:\n${errors.join('\n')}`);
      assert(shifts.length === 0, `layout shift over 0.05: ${shifts.join('; ')}`);
      assert(!(await context.cookies()).some((cookie) => cookie.name === 'sitecard_session_hint'), 'a session hint without a session');
    });

    await check('the dev server marks the page: the footer links to the outbox without asking', async () => {
      await page.goto(`${baseUrl}/check`);
      await page.getByRole('contentinfo').getByRole('link', { name: /Development outbox/ }).waitFor();
      assert(!requests.some((path) => path.startsWith('/api/v1/dev/')), 'the outbox was asked for');
    });

    await check('home page: /healthz is asked only after the page has loaded', async () => {
      await page.goto(`${baseUrl}/`);
      await page.getByRole('status').getByText(english.status, { exact: true }).waitFor();
      const timing = await page.evaluate(() => ({
        loaded: performance.getEntriesByType('navigation')[0]?.loadEventStart ?? 0,
        health: performance.getEntriesByType('resource').find((entry) => new URL(entry.name).pathname === '/healthz')?.startTime,
      }));
      assert(timing.health !== undefined, 'no /healthz request');
      assert(timing.loaded > 0 && timing.health >= timing.loaded, `/healthz at ${timing.health} ms, load at ${timing.loaded} ms`);
    });

    await context.close();
  }

  // A deep client-side route, loaded directly: the server must answer with the SPA.
  {
    const { context, page } = await newPage(browser);

    await check('deep route /no/such/page renders the SPA (not a server 404)', async () => {
      const response = await page.goto(`${baseUrl}/no/such/page`);
      assert(response?.status() === 200, `GET /no/such/page answered ${response?.status()}`);
      await page.getByRole('heading', { level: 1, name: english.notFound }).waitFor();
      assert((await page.getByRole('banner').textContent())?.includes('Sitecard'), 'header lacks "Sitecard"');
      await page.waitForFunction(() => document.title.startsWith('Error: '), null, { timeout: 2_000 });
      await screenshot(page, 'not-found');
    });

    await check('not-found page has no axe violations', () => expectNoAxeViolations(page));

    await check('the link home navigates to the home page', async () => {
      await page.getByRole('main').getByRole('link', { name: english.homeLink }).click();
      await page.waitForURL(`${baseUrl}/`);
      await page.getByRole('status').getByText(english.status, { exact: true }).waitFor();
    });

    await context.close();
  }

  // A small phone: 360 px wide.
  {
    const { context, page } = await newPage(browser, { viewport: { width: 360, height: 740 } });

    await check('at 360 px there is no horizontal scrolling, in every language', async () => {
      await page.goto(`${baseUrl}/`);
      await page.getByRole('status').getByText(english.status, { exact: true }).waitFor();
      const select = page.locator('header select');
      const languages = await select.locator('option').evaluateAll((options) => options.map((o) => o.value));
      const overflowing = [];
      for (const language of languages) {
        await select.selectOption(language);
        await page.waitForFunction((code) => document.documentElement.lang === code, language);
        const overflow = await horizontalOverflow(page);
        if (overflow > 0) overflowing.push(`${language}: ${overflow}px too wide`);
        await screenshot(page, `home-360-${language}`);
      }
      await page.goto(`${baseUrl}/no/such/page`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      const notFoundOverflow = await horizontalOverflow(page);
      if (notFoundOverflow > 0) overflowing.push(`/no/such/page: ${notFoundOverflow}px too wide`);
      await screenshot(page, 'not-found-360');
      assert(overflowing.length === 0, overflowing.join('; '));
    });

    await check('at 360 px every control is at least 44 × 44 px', async () => {
      const small = [...(await smallTouchTargets(page))];
      await page.goto(`${baseUrl}/`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      small.push(...(await smallTouchTargets(page)));
      assert(small.length === 0, small.join('; '));
    });

    await context.close();
  }
}

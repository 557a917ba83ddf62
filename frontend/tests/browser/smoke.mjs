// Browser smoke test: the built SPA as served by a running Sitecard server, in Debian's Chromium.
// Run by index.mjs (`npm run test:browser`).
import {
  assert,
  baseUrl,
  check,
  expectNoAxeViolations,
  horizontalOverflow,
  newPage,
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

    await check('the HTML carries a page shell and a description before any JavaScript runs; robots.txt is text', async () => {
      const html = await (await fetch(`${baseUrl}/sign-in`)).text();
      assert(html.includes('class="boot-header"'), 'no page shell in the HTML');
      assert(/<meta name="description" content="[^"]{40,}"/.test(html), 'no meta description');
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

  // A deep client-side route, loaded directly: the server must answer with the SPA.
  {
    const { context, page } = await newPage(browser);

    await check('deep route /no/such/page renders the SPA (not a server 404)', async () => {
      const response = await page.goto(`${baseUrl}/no/such/page`);
      assert(response?.status() === 200, `GET /no/such/page answered ${response?.status()}`);
      await page.getByRole('heading', { level: 1, name: english.notFound }).waitFor();
      assert((await page.getByRole('banner').textContent())?.includes('Sitecard'), 'header lacks "Sitecard"');
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

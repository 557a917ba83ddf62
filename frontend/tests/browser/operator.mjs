// The operator console end to end, on a 360 × 740 phone screen, against the real server: the demo
// operator signs in, creates a partner client (events chosen with the keyboard), sees its secrets once
// and the client secret gets a token, rotates the secrets (the new client secret differs, the old one is
// refused at once), and opens the outbox and its dead letters. Every page visited is checked with axe,
// for horizontal scrolling and untranslated keys, and photographed into test-results/.
import { assert, baseUrl, digits, flow, heading, newPage, pageIsSound, phoneScreen, smallTouchTargets } from './lib.mjs';
import { signIn } from './orders.mjs';

const operator = { email: 'operator@demo.test', phone: '+46700000004' };

/** `POST /oauth/token` with client credentials: the HTTP status. */
async function tokenStatus(clientId, clientSecret) {
  const response = await fetch(`${baseUrl}/api/v1/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
  });
  await response.body?.cancel();
  return response.status;
}

/** The secrets on the one-time page, read as a person would: by their labels. */
async function shownSecrets(page) {
  const value = (label) =>
    page.locator('.summary-list__row').filter({ has: page.getByText(label, { exact: true }) }).locator('code.secret');
  return { clientSecret: (await value('Client secret').textContent())?.trim(), webhookSecret: (await value('Webhook secret').textContent())?.trim() };
}

export async function runOperator(browser) {
  const { context, page } = await newPage(browser, phoneScreen);
  const step = flow(page);
  const run = `${Date.now().toString(36)}${digits(3)}`;
  const client = { id: `console-${run}`, name: `Console Print ${run}` };
  let first;

  await step('operator: signs in and reaches the partner clients from the navigation', async () => {
    await page.goto(`${baseUrl}/operator`);
    await heading(page, 'Sign in');
    await signIn(page, operator);
    await heading(page, 'Companies');
    await page.getByRole('navigation', { name: 'Operator console' }).getByRole('link', { name: 'Partner clients' }).click();
    await heading(page, 'Partner clients');
    assert(new URL(page.url()).pathname === '/operator/partner-clients', `landed on ${page.url()}`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Operator console' }).waitFor();
    await pageIsSound(page, 'operator-01-partner-clients');
    const small = await smallTouchTargets(page);
    assert(small.length === 0, `touch targets under 44 px: ${small.join(', ')}`);
  });

  await step('operator: an empty form lists every problem, focused, linking to the fields', async () => {
    await page.getByRole('link', { name: 'New partner client' }).click();
    await heading(page, 'New partner client');
    await page.getByRole('button', { name: 'Create the partner client' }).click();
    await page.locator('.error-summary').getByText('Enter a client ID.').waitFor();
    const focused = await page.evaluate(() => document.activeElement?.classList.contains('error-summary'));
    assert(focused, 'the error summary does not have focus');
    await pageIsSound(page, 'operator-02-new-client-errors');
  });

  await step('operator: creates a client; unchecks "All event types" and picks two with the keyboard', async () => {
    await page.locator('#client_id').fill(client.id);
    await page.locator('#name').fill(client.name);
    await page.locator('#webhook_url').fill(`https://print.example.net/sitecard/${run}`);
    await page.locator('#webhook_events').focus();
    await page.keyboard.press('Space');
    await page.getByLabel('Order confirmed', { exact: true }).waitFor();
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => document.activeElement?.id);
    assert(next === 'event-order-confirmed', `Tab after "All event types" went to #${next}`);
    await page.keyboard.press('Space');
    await page.getByLabel('Card blocked', { exact: true }).check();
    await pageIsSound(page, 'operator-03-new-client-events');
    await page.getByRole('button', { name: 'Create the partner client' }).click();
    await heading(page, 'Partner client created');
    await page.getByText('Store these secrets now').waitFor();
    first = await shownSecrets(page);
    assert(first.clientSecret && first.webhookSecret, 'the secrets are not shown');
    assert(first.clientSecret !== first.webhookSecret, 'the client and webhook secrets are the same');
    await pageIsSound(page, 'operator-04-secrets-once');
  });

  await step('partner: the shown client secret gets a token', async () => {
    const status = await tokenStatus(client.id, first.clientSecret);
    assert(status === 200, `POST /oauth/token with the new secret answered ${status}`);
  });

  await step('operator: "I have stored them" leaves; the secrets are gone, also after Back', async () => {
    await page.getByRole('button', { name: 'I have stored them' }).click();
    await heading(page, 'Partner clients');
    await page.getByText(`The partner client ${client.name} has been created`).waitFor();
    const row = page.locator('tr').filter({ hasText: client.id });
    await row.getByText('Order confirmed, Card blocked').waitFor();
    await page.goBack();
    await page.waitForTimeout(300);
    const text = await page.evaluate(() => document.body.innerText);
    assert(!text.includes(first.clientSecret) && !text.includes(first.webhookSecret), 'a secret is still on the page');
    await page.goto(`${baseUrl}/operator/partner-clients`);
    await heading(page, 'Partner clients');
  });

  await step('operator: rotating asks first, then shows new secrets once; the old client secret is refused', async () => {
    await page.getByRole('link', { name: `Rotate secrets ${client.name}` }).click();
    await heading(page, `Rotate the secrets of ${client.name}`);
    await page.getByText('The old client secret stops working at once').waitFor();
    await pageIsSound(page, 'operator-05-rotate-confirm');
    await page.getByRole('button', { name: 'Yes, rotate the secrets' }).click();
    await heading(page, 'New secrets');
    const second = await shownSecrets(page);
    assert(second.clientSecret && second.clientSecret !== first.clientSecret, 'the new client secret is the old one');
    assert(second.webhookSecret !== first.webhookSecret, 'the new webhook secret is the old one');
    await pageIsSound(page, 'operator-06-rotated-secrets');
    const old = await tokenStatus(client.id, first.clientSecret);
    assert(old === 401 || old === 400, `the old client secret still answers ${old}`);
    const fresh = await tokenStatus(client.id, second.clientSecret);
    assert(fresh === 200, `the new client secret answered ${fresh}`);
    await page.getByRole('button', { name: 'I have stored them' }).click();
    await page.getByText(`The secrets of ${client.name} have been rotated`).waitFor();
  });

  await step('operator: the outbox lists messages (the sign-in code among them) and filters dead letters', async () => {
    await page.getByRole('navigation', { name: 'Operator console' }).getByRole('link', { name: 'Outbox' }).click();
    await heading(page, 'Outbox');
    await page.locator('main table tbody tr').first().waitFor();
    await page.locator('main table').getByText('Text message').first().waitFor();
    await pageIsSound(page, 'operator-07-outbox');
    const small = await smallTouchTargets(page);
    assert(small.length === 0, `touch targets under 44 px: ${small.join(', ')}`);
    await page.getByLabel('Status').selectOption('dead');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL((url) => url.search === '?status=dead');
    // A fresh server may have no dead letters: then the empty state says so in words.
    await page.locator('main .empty-state, main table [data-status="dead"]').first().waitFor();
    const others = await page.locator('main table [data-status]:not([data-status="dead"])').count();
    assert(others === 0, `${others} message(s) that are not dead letters under "Dead letters"`);
    await pageIsSound(page, 'operator-08-outbox-dead');
  });

  await context.close();
}

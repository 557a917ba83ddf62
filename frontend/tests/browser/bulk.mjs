// Ordering for a crew from a CSV file, and finding an order by searching (issue 29), on a 360 × 740
// phone against the real server: an administrator of the demo company (Demo Bygg AB) signs in, opens
// "Order from a file", chooses a file of
// two workers where one row is wrong and sees the problem in that row (nothing is ordered); chooses the
// corrected file, orders both, and lands on the orders list; then searches it by one worker's surname
// and finds exactly that order. Every page is checked with axe, for horizontal scrolling and for
// untranslated keys, and photographed into test-results/.
//
// The administrator is a second one of Demo Bygg AB, invited by the demo operator and registered over
// the API, not admin@demo.test: an account gets 5 SMS codes an hour, and the identity, orders and
// languages suites already use all 5 of admin@demo.test's.
import {
  assert,
  baseUrl,
  digits,
  errorSummaryShows,
  flow,
  heading,
  newPage,
  pageIsSound,
  phoneScreen,
  smallTouchTargets,
  waitForMessage,
} from './lib.mjs';
import { api, apiSignIn, signIn } from './orders.mjs';

/** A new administrator of Demo Bygg AB: invited by the operator, registered with a password and phone. */
async function demoCompanyAdmin(tag) {
  const operator = await apiSignIn('operator@demo.test', '+46700000004');
  const companies = await api('/api/v1/companies?limit=100', { token: operator });
  const company = companies.items.find((item) => item.name === 'Demo Bygg AB');
  assert(company, 'no company "Demo Bygg AB"');
  const admin = { email: `crew-admin-${tag}@example.test`, phone: `+4673${digits(7)}`, password: `crew ${tag} lantern` };
  const since = Date.now();
  await api(`/api/v1/companies/${company.id}/admins`, { method: 'POST', token: operator, body: { email: admin.email } });
  const invitation = await waitForMessage(admin.email, { since, filter: (m) => m.link?.includes('/register?token=') });
  const registration = await api('/api/v1/accounts', {
    method: 'POST',
    body: {
      registration_token: new URL(invitation.link).searchParams.get('token'),
      password: admin.password,
      phone: admin.phone,
    },
  });
  const sms = await waitForMessage(admin.phone, { since, filter: (m) => m.channel === 'sms' && m.code });
  await api('/api/v1/accounts/verify-phone', {
    method: 'POST',
    body: { challenge_id: registration.challenge_id, code: sms.code },
  });
  return admin;
}

const header =
  'given_names;surname;date_of_birth;nationality;email;phone;recipient;address_line1;address_line2;postal_code;city;country';

/** A CSV file as Excel in Sweden saves "CSV UTF-8": a byte order mark, `;` between fields, CRLF. */
function csvFile(rows) {
  const line = (values) => values.map((v) => (/[;"\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)).join(';');
  const text = `\uFEFF${[header, ...rows.map(line)].join('\r\n')}\r\n`;
  return { name: 'crew.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') };
}

function workerRow(worker) {
  return [
    worker.givenNames,
    worker.surname,
    worker.dateOfBirth,
    'SWE',
    worker.email,
    '',
    'Site office; gate 2',
    'Byggvägen 1',
    '',
    '111 22',
    'Stockholm',
    'SE',
  ];
}

export async function runBulk(browser) {
  // Letters only: the surnames are searched for as words.
  const tag = `${Date.now().toString(36)}${digits(3)}`.replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)]);
  const first = { givenNames: 'Karin', surname: `Öberg${tag}`, dateOfBirth: '1988-05-17', email: `bulk-${tag}-1@example.test` };
  const second = { givenNames: 'Piotr', surname: `Nowak${tag}`, dateOfBirth: '1979-11-02', email: `bulk-${tag}-2@example.test` };
  const state = {};

  const { context, page } = await newPage(browser, phoneScreen);
  const step = flow(page);

  await step('bulk: an admin of Demo Bygg AB opens "Order from a file" from the orders list', async () => {
    const admin = await demoCompanyAdmin(tag);
    await page.goto(`${baseUrl}/company`);
    await heading(page, 'Sign in');
    await signIn(page, admin, admin.password);
    await page.getByText('Demo Bygg AB').first().waitFor();
    await heading(page, 'Card orders');
    state.ordersPath = new URL(page.url()).pathname;
    await page.getByRole('link', { name: 'Order from a file' }).click();
    await heading(page, 'Order cards from a file');
    const href = await page.getByRole('link', { name: 'Download the template', exact: true }).getAttribute('href');
    assert(href?.startsWith('data:text/csv;charset=utf-8,%EF%BB%BFgiven_names%3Bsurname'), `template link ${href}`);
    await page.getByText('What to write in each column').click();
    await page.getByText('date_of_birth', { exact: true }).waitFor();
    await pageIsSound(page, 'bulk-01-page');
    const small = await smallTouchTargets(page);
    assert(small.length === 0, `touch targets under 44 px: ${small.join(', ')}`);
  });

  await step('bulk: a file with a wrong row is checked, the row shows its problem, nothing is ordered', async () => {
    const bad = { ...second, email: 'piotr.nowak(at)example' };
    await page.locator('#batch-file').setInputFiles(csvFile([workerRow(first), workerRow(bad)]));
    await errorSummaryShows(page, 'Rows that need fixing: 1 of 2');
    const summaryLink = page
      .locator('.error-summary')
      .getByRole('link', { name: 'Row 2, Email address: Enter an email address like name@example.com.' });
    await summaryLink.waitFor();
    const region = page.getByRole('region', { name: 'Workers in crew.csv: 2' });
    const row2 = region.locator('tbody tr').nth(1);
    await row2.getByText('Enter an email address like name@example.com.').waitFor();
    await region.locator('tbody tr').nth(0).getByText('Correct', { exact: true }).waitFor();
    // The quoted field with a semicolon was read as one value.
    await region.getByText('Site office; gate 2').first().waitFor();
    assert((await page.getByRole('button', { name: /^Order \d+ cards?$/ }).count()) === 0, 'an Order button is shown');
    // The table scrolls sideways in its own region (not the page), and takes keyboard focus.
    const scroll = await region.evaluate((el) => ({ wide: el.scrollWidth > el.clientWidth, tabIndex: el.tabIndex }));
    assert(scroll.wide && scroll.tabIndex === 0, `preview region ${JSON.stringify(scroll)}`);
    await summaryLink.click();
    const focused = await page.evaluate(() => document.activeElement?.id);
    assert(focused === 'row-2', `the summary link focused #${focused}`);
    await pageIsSound(page, 'bulk-02-row-error');
  });

  await step('bulk: the corrected file orders both workers and lands on the orders list', async () => {
    await page.locator('#batch-file').setInputFiles(csvFile([workerRow(first), workerRow(second)]));
    const order = page.getByRole('button', { name: 'Order 2 cards' });
    await order.waitFor();
    await page.getByText('The file is correct. Workers ready to order: 2').first().waitFor();
    await pageIsSound(page, 'bulk-03-ready');
    await order.click();
    await heading(page, 'Card orders');
    assert(new URL(page.url()).pathname === state.ordersPath, `landed on ${page.url()}`);
    await page.getByText('Cards ordered from the file: 2').waitFor();
    await pageIsSound(page, 'bulk-04-ordered');
  });

  await step('search: one surname finds exactly that order; the search is in the URL', async () => {
    const box = page.getByLabel('Search by name, email or card number');
    await box.fill(second.surname);
    await page.waitForURL((url) => url.searchParams.get('q') === second.surname);
    await page.getByText('Orders found: 1', { exact: true }).waitFor();
    const rows = page.locator('table.table:not([aria-busy]) tbody tr');
    await rows.first().waitFor();
    assert((await rows.count()) === 1, `${await rows.count()} rows found`);
    await rows.getByRole('link', { name: `${second.givenNames} ${second.surname}` }).waitFor();
    await page.reload();
    await page.getByText('Orders found: 1', { exact: true }).waitFor();
    assert((await box.inputValue()) === second.surname, 'the search box is empty after a reload');
    await pageIsSound(page, 'bulk-05-search');
    const small = await smallTouchTargets(page);
    assert(small.length === 0, `touch targets under 44 px: ${small.join(', ')}`);
  });

  await context.close();
}

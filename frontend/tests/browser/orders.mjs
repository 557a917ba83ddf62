// The card-order flow end to end, on a 360 × 740 phone screen, against the real server:
// an admin orders a card and uploads a portrait (a PNG made here); the partner approves the photo
// (API); a verifier records the passport; the new worker registers from the emailed link, signs in
// with the SMS code from the order email's link, completes the address and accepts; the partner
// produces, ships and delivers (API); the worker activates the card by typing its number, sees the
// PIN and sees it again; the public card check says valid; the worker reports it lost and the admin
// unblocks, then terminates it. Also: an order with a misspelled surname is refused with the
// mismatch explained, the admin finds it by status filter and corrects it, and the worker accepts;
// the order pages render in English, Swedish and Polish; the admin pages through the order list.
// Every page visited is checked with axe, for horizontal scrolling and untranslated keys, and
// photographed into test-results/.
import { crc32, deflateSync } from 'node:zlib';
import {
  assert,
  baseUrl,
  check,
  demoPassword,
  digits,
  enterCode,
  errorSummaryShows,
  flow,
  heading,
  layoutShift,
  newPage,
  pageIsSound,
  passwordStep,
  pathOf,
  phoneScreen,
  rawKeysOnPage,
  translationKeys,
  waitForMessage,
} from './lib.mjs';

const admin = { email: 'admin@demo.test', phone: '+46700000001' };
const demoWorker = { email: 'worker@demo.test', phone: '+46700000003' };

/** A PNG (8-bit RGB) of `width` × `height`: a grey head and shoulders on a light background. */
export function portraitPng(width, height) {
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // no filter
    for (let x = 0; x < width; x += 1) {
      const dx = (x - width / 2) / (width * 0.22);
      const dy = (y - height * 0.38) / (height * 0.2);
      const person = dx * dx + dy * dy < 1 || (y > height * 0.62 && Math.abs(x - width / 2) < width * 0.4);
      const [r, g, b] = person ? [70, 80, 95] : [215, 220, 228];
      raw[row + 1 + x * 3] = r;
      raw[row + 2 + x * 3] = g;
      raw[row + 3 + x * 3] = b;
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ——— The API, as the partner's system and for setting up data ———

export async function api(path, { method = 'GET', token, body, form, headers = {} } = {}) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'Content-Type': 'application/json' } : {}),
      ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
      ...headers,
    },
    body: body ? JSON.stringify(body) : form ? new URLSearchParams(form).toString() : undefined,
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : undefined;
  assert(response.ok, `${method} ${path} answered ${response.status}: ${text}`);
  return json;
}

export async function partnerToken() {
  const token = await api('/api/v1/oauth/token', {
    method: 'POST',
    form: { grant_type: 'client_credentials', client_id: 'demo-partner', client_secret: 'demo-partner-secret' },
  });
  return token.access_token;
}

export async function approvePhoto(token, orderId) {
  const order = await api(`/api/v1/partner/photo-reviews/${orderId}`, {
    method: 'POST',
    token,
    body: { decision: 'approved' },
  });
  assert(order.status === 'awaiting_cardholder', `after approval the order is ${order.status}`);
}

export async function produceAndDeliver(token, orderId, cardNumber) {
  const queue = await api('/api/v1/partner/production-orders?status=confirmed&limit=100', { token });
  assert(
    queue.items.some((order) => order.id === orderId),
    'the accepted order is not in the partner production queue',
  );
  const events = [
    { type: 'accepted' },
    { type: 'produced', card_number: cardNumber },
    { type: 'shipped', tracking_number: `PN${digits(9)}SE` },
    { type: 'delivered' },
  ];
  for (const [index, event] of events.entries()) {
    await api(`/api/v1/partner/production-orders/${orderId}/events`, {
      method: 'POST',
      token,
      headers: { 'Idempotency-Key': `${orderId}-${index}` },
      body: { ...event, occurred_at: new Date().toISOString() },
    });
  }
}

/** Signs in over the API (password, then the SMS code from the dev outbox); returns the access token. */
export async function apiSignIn(email, phone, password = demoPassword) {
  const since = Date.now();
  const challenge = await api('/api/v1/auth/login', { method: 'POST', body: { email, password } });
  const sms = await waitForMessage(phone, { since, filter: (m) => m.channel === 'sms' && m.code });
  const tokens = await api('/api/v1/auth/login/verify', {
    method: 'POST',
    body: { challenge_id: challenge.challenge_id, code: sms.code },
  });
  return tokens.access_token;
}

// ——— Browser helpers ———

/** Signs in from the sign-in page; the app goes on to wherever `next` points. */
export async function signIn(page, who, password = demoPassword) {
  const code = await passwordStep(page, who.email, password, who.phone);
  await enterCode(page, code, 'Sign in');
}

async function progressSays(page, text) {
  await page.locator('.progress__summary').getByText(text, { exact: true }).waitFor();
}

/** The order id from a URL such as `/company/{cid}/orders/{id}/photo`. */
function orderIdFrom(url) {
  const match = /\/orders\/([0-9a-f-]{36})/.exec(new URL(url).pathname);
  assert(match, `no order id in ${url}`);
  return match[1];
}

async function portraitIsShown(page) {
  const image = page.locator('img.portrait').first();
  await image.waitFor();
  await page.waitForFunction(() => {
    const img = document.querySelector('img.portrait');
    return img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0;
  });
}

/** The admin's order form, filled. */
async function fillOrder(page, order) {
  await page.locator('#given_names').fill(order.givenNames);
  await page.locator('#surname').fill(order.surname);
  await page.locator('#date_of_birth-day').fill(order.dob[0]);
  await page.locator('#date_of_birth-month').fill(order.dob[1]);
  await page.locator('#date_of_birth-year').fill(order.dob[2]);
  if (order.nationality) await page.locator('#nationality').selectOption(order.nationality);
  await page.locator('#email').fill(order.email);
  if (order.phoneTyped) await page.locator('#phone').fill(order.phoneTyped);
  await page.locator('#delivery-recipient').fill('Site office, Demo Bygg AB');
  await page.locator('#delivery-address_line1').fill('Byggvägen 1');
  await page.locator('#delivery-postal_code').fill('111 22');
  await page.locator('#delivery-city').fill('Stockholm');
  await page.locator('#delivery-country').selectOption('SE');
}

/** Chooses `file` through the browser's file chooser (as a person would), on the photo page. */
async function choosePhoto(page, file) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('#photo').click()]);
  await chooser.setFiles(file);
}

async function uploadPortrait(page, name) {
  await choosePhoto(page, { name: 'portrait.png', mimeType: 'image/png', buffer: portraitPng(600, 800) });
  await page.getByText('600 × 800 pixels', { exact: false }).waitFor();
  await page.getByRole('button', { name: 'Upload the photo' }).click();
  await heading(page, name);
  await page.getByText('The portrait has been uploaded').waitFor();
}

// ——— The flows ———

async function adminOrdersCards(page, step, state) {
  await step('admin: signs in and opens the company card orders', async () => {
    await page.goto(`${baseUrl}/company`);
    await heading(page, 'Sign in');
    await signIn(page, admin);
    await heading(page, 'Card orders');
    const match = /^\/company\/([0-9a-f-]{36})\/orders$/.exec(new URL(page.url()).pathname);
    assert(match, `landed on ${page.url()}`);
    state.companyId = match[1];
    await page.getByRole('link', { name: 'Cards', exact: true }).waitFor();
    await pageIsSound(page, 'orders-admin-01-orders');
  });

  await step('admin: an empty order form lists every problem, focused, linking to the fields', async () => {
    await page.getByRole('link', { name: 'Order a card' }).click();
    await heading(page, 'Order a card');
    await page.getByText('Step 1 of 2').waitFor();
    await page.locator('#delivery-country').selectOption('');
    await page.getByRole('button', { name: 'Continue to the photo' }).click();
    await errorSummaryShows(page, "Enter the worker's given names.");
    // The delivery address is the company's choice, not the admin's own address.
    await page.locator('.error-summary').getByText('Enter the first line of the delivery address.').waitFor();
    const yours = await page.locator('.error-summary').getByText(/your (address|postal code|town|country)/i).count();
    assert(yours === 0, 'the admin is asked for "your" address');
    await page.locator('.error-summary').getByRole('link', { name: "Enter the worker's date of birth." }).click();
    const focused = await page.evaluate(() => document.activeElement?.id);
    assert(focused === 'date_of_birth-day', `the summary link focused #${focused}`);
    await pageIsSound(page, 'orders-admin-02-order-form-errors');
  });

  await step('admin: orders a card for a new worker (names as in the passport, delivery address)', async () => {
    await fillOrder(page, state.worker);
    await page.getByRole('button', { name: 'Continue to the photo' }).click();
    await heading(page, "Upload the worker's portrait");
    await page.getByText('Step 2 of 2').waitFor();
    await page.getByText('The order has been created').waitFor();
    state.orderId = orderIdFrom(page.url());
    await pageIsSound(page, 'orders-admin-03-photo');
  });

  await step('admin: a landscape picture is refused in words before it is sent', async () => {
    await choosePhoto(page, { name: 'wide.png', mimeType: 'image/png', buffer: portraitPng(800, 600) });
    await page.locator('#photo-error').getByText('The photo must be taller than it is wide').waitFor();
    await page.getByRole('button', { name: 'Upload the photo' }).click();
    await errorSummaryShows(page, 'The photo must be taller than it is wide');
    await pageIsSound(page, 'orders-admin-04-photo-refused');
  });

  await step('admin: the 600 × 800 portrait is previewed, uploaded and shown on the order', async () => {
    await choosePhoto(page, { name: 'portrait.png', mimeType: 'image/png', buffer: portraitPng(600, 800) });
    await page.getByText('600 × 800 pixels', { exact: false }).waitFor();
    await page.locator('.photo-preview img').waitFor();
    await pageIsSound(page, 'orders-admin-05-photo-preview');
    await page.getByRole('button', { name: 'Upload the photo' }).click();
    await heading(page, `${state.worker.givenNames} ${state.worker.surname}`);
    await page.getByText('The portrait has been uploaded').waitFor();
    await page.locator('main .status-line').getByText('Photo being checked').waitFor();
    await portraitIsShown(page);
    await pageIsSound(page, 'orders-admin-06-order-detail');
  });

  await step('admin: orders a card for the demo worker with a misspelled surname, with a portrait', async () => {
    await page.goto(`${baseUrl}/company/${state.companyId}/orders/new`);
    await heading(page, 'Order a card');
    await fillOrder(page, state.misspelled);
    await page.getByRole('button', { name: 'Continue to the photo' }).click();
    await heading(page, "Upload the worker's portrait");
    state.misspelledId = orderIdFrom(page.url());
    await uploadPortrait(page, `${state.misspelled.givenNames} ${state.misspelled.surname}`);
  });
}

async function verifierRecordsPassport(browser, state) {
  const { context, page } = await newPage(browser, phoneScreen);
  const step = flow(page);
  const worker = state.worker;
  await step('verifier: records the passport of the new worker', async () => {
    await page.goto(`${baseUrl}/verifier`);
    await heading(page, 'Sign in');
    await signIn(page, { email: 'verifier@demo.test', phone: '+46700000002' });
    await heading(page, 'Record a document check');
    await page.getByLabel('Passport', { exact: true }).check();
    await page.locator('#document_number').fill(worker.documentNumber);
    await page.locator('#issuing_country').selectOption('POL');
    await page.locator('#document_expiry-day').fill('30');
    await page.locator('#document_expiry-month').fill('6');
    await page.locator('#document_expiry-year').fill(String(new Date().getFullYear() + 6));
    await page.locator('#given_names').fill(worker.givenNames);
    await page.locator('#surname').fill(worker.surname);
    await page.locator('#date_of_birth-day').fill(worker.dob[0]);
    await page.locator('#date_of_birth-month').fill(worker.dob[1]);
    await page.locator('#date_of_birth-year').fill(worker.dob[2]);
    await page.locator('#nationality').selectOption('POL');
    await page.locator('#email').fill(worker.email);
    await page.locator('#language').check(); // English
    await page.getByRole('button', { name: 'Record the check' }).click();
    await heading(page, 'Document check recorded');
    await pageIsSound(page, 'orders-verifier-01-recorded');
  });
  await context.close();
  return step.ok();
}

async function workerRegistersAndAccepts(page, step, state) {
  const worker = state.worker;
  await step('worker: registers from the emailed link (password, phone, SMS code)', async () => {
    const email = await waitForMessage(worker.email, { filter: (m) => m.link?.includes('/register?token=') });
    await page.goto(`${baseUrl}${pathOf(email.link)}`);
    await heading(page, 'Choose a password');
    await page.locator('#password').fill(worker.password);
    await page.getByRole('button', { name: 'Continue' }).click();
    await heading(page, 'Your mobile phone');
    await page.locator('#phone').fill(worker.phoneTyped);
    const since = Date.now();
    await page.getByRole('button', { name: 'Send the code' }).click();
    await heading(page, 'Check your phone');
    const sms = await waitForMessage(worker.phone, { since, filter: (m) => m.code });
    await enterCode(page, sms.code, 'Create my account');
    await heading(page, 'Your account has been created');
  });

  await step('worker: the order email links to the order; sign-in shows step 1 of 6', async () => {
    const email = await waitForMessage(worker.email, { filter: (m) => m.link?.includes(`/orders/${state.orderId}`) });
    await page.goto(`${baseUrl}${pathOf(email.link)}`);
    await heading(page, 'Sign in');
    await progressSays(page, 'Step 1 of 6: Sign in');
    await pageIsSound(page, 'orders-worker-01-sign-in');
  });

  await step('worker: the SMS code page shows step 2 of 6, then the order opens at step 3', async () => {
    const code = await passwordStep(page, worker.email, worker.password, worker.phone);
    await progressSays(page, 'Step 2 of 6: Code');
    await pageIsSound(page, 'orders-worker-02-code');
    await enterCode(page, code, 'Sign in');
    await heading(page, 'Your card order');
    await progressSays(page, 'Step 3 of 6: Your order');
    await page.locator('main .status-line').getByText('Waiting for you to check and accept').waitFor();
    await page.getByRole('list', { name: 'Progress of the order' }).getByText('Not yet').first().waitFor();
    await pageIsSound(page, 'orders-worker-03-order');
  });

  await step('worker: "My card orders" lists the order with its status in words', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'My card orders' }).click();
    await heading(page, 'My card orders');
    await page.getByRole('link', { name: 'Card for Demo Bygg AB' }).waitFor();
    await page.locator('.order-list .tag').getByText('Waiting for you to check and accept').waitFor();
    await pageIsSound(page, 'orders-worker-04-list');
    await page.getByRole('link', { name: 'Card for Demo Bygg AB' }).click();
    await heading(page, 'Your card order');
  });

  await step('worker: step 4 asks for the missing address and explains what is wrong', async () => {
    await page.getByRole('link', { name: 'Start' }).click();
    await heading(page, 'Your contact details');
    await progressSays(page, 'Step 4 of 6: Your details');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await errorSummaryShows(page, 'Enter the first line of your address.');
    await pageIsSound(page, 'orders-worker-05-details-errors');
    await page.getByLabel('Address line 1').fill('ul. Długa 5');
    await page.getByLabel('Postal code').fill('00-238');
    await page.getByLabel('Town or city').fill('Warszawa');
    await page.getByLabel('Country').selectOption('PL');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await heading(page, 'Check your order and accept it');
  });

  await step('worker: step 5 shows the order beside the passport, the portrait and the contact details', async () => {
    await progressSays(page, 'Step 5 of 6: Check and accept');
    const surnameRow = page.locator('#compare-surname');
    assert(
      (await surnameRow.locator('td').allTextContents()).every((text) => text === worker.surname),
      `surname row: ${await surnameRow.textContent()}`,
    );
    await page.locator('#compare').getByRole('columnheader', { name: 'In your passport' }).waitFor();
    await page.locator('#contact-address').getByText('00-238 Warszawa').waitFor();
    await portraitIsShown(page);
    await pageIsSound(page, 'orders-worker-06-check');
  });

  await step('worker: accepts; step 6 says the card will be made and where it goes', async () => {
    await page.getByRole('button', { name: 'Accept the order' }).click();
    await heading(page, 'Order accepted');
    await progressSays(page, 'Step 6 of 6: Done');
    await page.getByText('Your card will be made').waitFor();
    await page.getByText('111 22 Stockholm').waitFor();
    await pageIsSound(page, 'orders-worker-07-done');
  });

  await step('worker: only now, with the task done, the authenticator app is offered; "no, thanks" sticks', async () => {
    await page.getByRole('heading', { level: 2, name: 'Use an authenticator app to sign in?' }).waitFor();
    await page.getByRole('button', { name: 'No, thanks' }).click();
    await page.getByText('You can set up an authenticator app later in your account.').waitFor();
    await page.reload();
    await heading(page, 'Order accepted');
    await page.getByText('Your card will be made').waitFor();
    const offers = await page.getByRole('heading', { name: 'Use an authenticator app to sign in?' }).count();
    assert(offers === 0, 'the offer came back after "no, thanks"');
  });
}

async function workerActivatesCard(page, step, state) {
  const number = state.cardNumber;
  const typed = `${number.slice(0, 2).toLowerCase()} ${number.slice(2, 6)} ${number.slice(6, 10)} ${number.slice(10)}`;

  await step('worker: "My cards" shows the delivered card, not activated yet', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'My cards' }).click();
    await heading(page, 'My cards');
    const card = page.getByTestId('my-card');
    await card.getByText('Not activated yet').waitFor();
    // Only the last four digits until activation: typing the full number is what proves the worker holds the card.
    const shown = await card.locator('.card-number').textContent();
    assert(shown === `•••• ${number.slice(8)}`, `card number "${shown}"`);
    await pageIsSound(page, 'orders-worker-08-cards');
  });

  await step('worker: a wrong card number is refused in words', async () => {
    await page.getByRole('link', { name: /Activate the card/ }).click();
    await heading(page, 'Activate your card');
    const wrong = `${number.slice(0, 11)}${(Number(number.slice(11)) + 1) % 10}`;
    await page.getByLabel('Card number').fill(wrong);
    await page.getByRole('button', { name: 'Activate the card' }).click();
    await errorSummaryShows(page, 'This is not the number of this card.');
    await pageIsSound(page, 'orders-worker-09-activate-wrong');
  });

  await step('worker: typing the number from the card activates it and shows the PIN', async () => {
    await page.getByLabel('Card number').fill(typed);
    await page.getByRole('button', { name: 'Activate the card' }).click();
    await heading(page, 'Your card is active');
    state.pin = (await page.getByTestId('pin').textContent())?.trim();
    assert(/^\d{4}$/.test(state.pin ?? ''), `PIN "${state.pin}"`);
    await pageIsSound(page, 'orders-worker-10-pin');
  });

  await step('worker: "Show the PIN again" asks for the number and shows the same PIN', async () => {
    await page.getByRole('link', { name: 'Back to my cards' }).click();
    await heading(page, 'My cards');
    await page.getByTestId('my-card').getByText('Active', { exact: true }).waitFor();
    await page.getByRole('link', { name: /Show the PIN again/ }).click();
    await heading(page, 'Show your PIN');
    await page.getByLabel('Card number').fill(number);
    await page.getByRole('button', { name: 'Show the PIN' }).click();
    const again = (await page.getByTestId('pin').textContent())?.trim();
    assert(again === state.pin, `PIN again "${again}", first "${state.pin}"`);
    await pageIsSound(page, 'orders-worker-11-pin-again');
  });

  await step('public card check: the activated card is valid, with the company', async () => {
    await page.goto(`${baseUrl}/check`);
    await heading(page, 'Check a card');
    await page.getByLabel('Card number').fill(number);
    await page.getByRole('button', { name: 'Check the card' }).click();
    const result = page.getByTestId('card-check-result');
    await result.getByText('Valid', { exact: false }).first().waitFor();
    assert(!(await result.textContent())?.includes('Not valid'), 'the card check says "Not valid"');
    await result.getByText('Demo Bygg AB', { exact: false }).waitFor();
    await pageIsSound(page, 'orders-public-01-card-valid');
  });

  // Measured on its own (not a step): a failure is counted without stopping the flow.
  if (step.ok()) {
    await check('worker: "My card orders" and "My cards" loaded directly keep the session and do not shift', async () => {
      for (const [path, title, item] of [
        ['/orders', 'My card orders', '.order-list__item'],
        ['/cards', 'My cards', '[data-testid="my-card"]'],
      ]) {
        await page.goto(`${baseUrl}${path}`);
        await heading(page, title);
        await page.locator(item).first().waitFor();
        const shift = await layoutShift(page);
        assert(shift <= 0.05, `${path}: layout shift ${shift.toFixed(3)}`);
      }
    });
  }

  await step('worker: reports the card lost after confirming; it is blocked at once', async () => {
    await page.goto(`${baseUrl}/cards`);
    await heading(page, 'My cards');
    await page.getByRole('link', { name: /Report the card lost/ }).click();
    await heading(page, 'Report your card lost');
    await pageIsSound(page, 'orders-worker-12-report-lost');
    await page.getByRole('button', { name: 'Yes, block the card' }).click();
    await heading(page, 'My cards');
    await page.getByText('The card has been blocked').waitFor();
    await page.getByTestId('my-card').getByText('Blocked', { exact: true }).waitFor();
  });
}

async function adminManagesCard(page, step, state) {
  await step('admin: the cards list filtered to "Blocked" survives a reload; unblocks the card', async () => {
    await page.goto(`${baseUrl}/company/${state.companyId}/cards`);
    await heading(page, 'Cards');
    await page.getByLabel('Status').selectOption('blocked');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/status=blocked/);
    await page.reload();
    await heading(page, 'Cards');
    assert((await page.getByLabel('Status').inputValue()) === 'blocked', 'the filter was lost on reload');
    const row = page.locator('tr', { hasText: state.cardNumber.slice(2, 6) });
    await row.getByText('Blocked', { exact: true }).waitFor();
    await pageIsSound(page, 'orders-admin-07-cards-blocked');
    await row.getByRole('link', { name: /^Unblock/ }).click();
    await heading(page, 'Unblock the card');
    await page.getByLabel('Reason').fill('The worker found the card');
    await page.getByRole('button', { name: 'Unblock the card' }).click();
    await heading(page, 'Cards');
    await page.getByText('has been unblocked').waitFor();
  });

  await step('admin: terminating needs a reason and an explicit confirmation', async () => {
    await page.goto(`${baseUrl}/company/${state.companyId}/cards?status=active`);
    await heading(page, 'Cards');
    const row = page.locator('tr', { hasText: state.cardNumber.slice(2, 6) });
    await row.getByRole('link', { name: /^Terminate/ }).click();
    await heading(page, 'Terminate the card');
    await page.getByText(`${state.worker.givenNames} ${state.worker.surname}`).waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await errorSummaryShows(page, 'Enter a reason.');
    await page.getByLabel('Reason').fill('Left the company');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'This cannot be undone' }).waitFor();
    await pageIsSound(page, 'orders-admin-08-terminate-confirm');
    await page.getByRole('button', { name: 'Terminate the card for good' }).click();
    await heading(page, 'Cards');
    await page.getByText('has been terminated').waitFor();
    const check = await api(`/api/v1/card-check/${state.cardNumber}`);
    assert(check.status === 'not_valid' && check.reason === 'terminated', `card check: ${JSON.stringify(check)}`);
  });
}

async function mismatchShownAndCorrected(browser, adminPage, adminStep, state) {
  const { context, page } = await newPage(browser, phoneScreen);
  const step = flow(page);
  const orderPath = `/orders/${state.misspelledId}`;

  await step('demo worker: signs in from the order link and completes the address', async () => {
    await page.goto(`${baseUrl}${orderPath}`);
    await heading(page, 'Sign in');
    await signIn(page, demoWorker);
    await heading(page, 'Your card order');
    await page.getByRole('link', { name: 'Start' }).click();
    await heading(page, 'Your contact details');
    await page.getByLabel('Address line 1').fill('Storgatan 1');
    await page.getByLabel('Postal code').fill('111 22');
    await page.getByLabel('Town or city').fill('Stockholm');
    await page.getByLabel('Country').selectOption('SE');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await heading(page, 'Check your order and accept it');
  });

  await step('demo worker: the mismatch is flagged before Accept, which becomes "Tell Demo Bygg AB"', async () => {
    await page.locator('#compare-surname td').first().waitFor();
    const cells = await page.locator('#compare-surname td').allTextContents();
    assert(cells[0] === 'Kowalsky' && cells[1] === 'Kowalski', `surname row: ${cells.join(' | ')}`);
    await page.locator('#compare-surname').getByText('Not the same').waitFor();
    const explanation = page.getByTestId('mismatch-explanation');
    await explanation.getByText('Demo Bygg AB must correct the order. Tell them with the button below.').waitFor();
    await explanation.getByText('because the card is checked against it', { exact: false }).waitFor();
    assert((await page.getByRole('button', { name: 'Accept the order' }).count()) === 0, 'Accept is offered for a mismatch');
    await pageIsSound(page, 'orders-mismatch-00-before-accept');
    await page.getByRole('button', { name: 'Tell Demo Bygg AB' }).click();
    await explanation.getByText('Demo Bygg AB must correct the order. We have told them.').waitFor();
    await page.locator('#compare-surname').getByText('Not the same').waitFor();
    assert((await page.getByRole('button', { name: 'Tell Demo Bygg AB' }).count()) === 0, 'Tell is still offered');
    await pageIsSound(page, 'orders-mismatch-01-worker');
  });

  await step('the order and check pages render in Swedish and Polish with no missing keys', async () => {
    const keys = translationKeys();
    const titles = {
      sv: { order: 'Din kortbeställning', check: 'Kontrollera beställningen och godkänn den', language: 'Svenska' },
      pl: { order: 'Twoje zamówienie karty', check: 'Sprawdź zamówienie i zaakceptuj je', language: 'Polski' },
      en: { order: 'Your card order', check: 'Check your order and accept it', language: 'English' },
    };
    for (const [code, title] of Object.entries(titles)) {
      await page.locator('.language-switcher select').selectOption({ label: title.language });
      await page.waitForFunction((lang) => document.documentElement.lang === lang, code);
      await heading(page, title.check);
      if (code !== 'en') await pageIsSound(page, `orders-${code}-check`);
      await page.goto(`${baseUrl}${orderPath}`);
      await heading(page, title.order);
      const raw = await rawKeysOnPage(page, keys);
      assert(raw.length === 0, `${code}: untranslated ${raw.join(', ')}`);
      if (code !== 'en') await pageIsSound(page, `orders-${code}-order`);
      await page.goto(`${baseUrl}${orderPath}/check`);
    }
  });

  await adminStep('admin: finds the order by the "Needs correction" filter (kept on reload) and sees why', async () => {
    await adminPage.goto(`${baseUrl}/company/${state.companyId}/orders`);
    await heading(adminPage, 'Card orders');
    await adminPage.getByLabel('Status').selectOption('needs_correction');
    await adminPage.getByRole('button', { name: 'Show' }).click();
    await adminPage.waitForURL(/status=needs_correction/);
    await adminPage.reload();
    await adminPage.getByRole('link', { name: 'Jan Piotr Kowalsky' }).waitFor();
    assert((await adminPage.locator('tbody tr').count()) === 1, 'the filter shows other orders too');
    await pageIsSound(adminPage, 'orders-mismatch-02-admin-filtered');
    await adminPage.getByRole('link', { name: 'Jan Piotr Kowalsky' }).click();
    await heading(adminPage, 'Jan Piotr Kowalsky');
    await adminPage.getByText('The order does not match the worker').waitFor();
    await adminPage.getByText('Not as in the passport').waitFor();
    await pageIsSound(adminPage, 'orders-mismatch-03-admin-detail');
  });

  await adminStep('admin: corrects the surname; the order goes back to the worker', async () => {
    await adminPage.getByRole('link', { name: 'Correct the order' }).click();
    await heading(adminPage, 'Correct the order');
    await adminPage.locator('#surname-hint').getByText('says something different here').waitFor();
    await pageIsSound(adminPage, 'orders-mismatch-04-admin-correct');
    await adminPage.locator('#surname').fill('Kowalski');
    await adminPage.getByRole('button', { name: 'Save the correction' }).click();
    await heading(adminPage, 'Jan Piotr Kowalski');
    await adminPage.getByText('The order has been corrected').waitFor();
    await adminPage.locator('main .status-line').getByText('Waiting for the worker to accept').waitFor();
  });

  await step('demo worker: the corrected order matches and is accepted', async () => {
    await page.reload();
    await heading(page, 'Check your order and accept it');
    // The heading shows while the order loads; the comparison comes with the data.
    await page.locator('#compare-surname td').first().waitFor();
    const cells = await page.locator('#compare-surname td').allTextContents();
    assert(cells[0] === 'Kowalski', `surname row after correction: ${cells.join(' | ')}`);
    await page.getByRole('button', { name: 'Accept the order' }).click();
    await heading(page, 'Order accepted');
    await pageIsSound(page, 'orders-mismatch-05-accepted');
  });

  await context.close();
}

async function adminPagesThroughOrders(page, step, state) {
  await step('admin: pages through the orders (10 a page); the page survives a reload', async () => {
    const token = await apiSignIn(admin.email, admin.phone);
    for (let i = 0; i < 9; i += 1) {
      await api(`/api/v1/companies/${state.companyId}/card-orders`, {
        method: 'POST',
        token,
        body: {
          given_names: 'Paging',
          surname: `Test ${i}`,
          date_of_birth: '1991-02-03',
          email: `paging-${state.run}-${i}@example.test`,
          delivery: {
            recipient: 'Office',
            address_line1: 'Väg 1',
            postal_code: '111 22',
            city: 'Stockholm',
            country: 'SE',
          },
        },
      });
    }
    await page.goto(`${baseUrl}/company/${state.companyId}/orders`);
    await heading(page, 'Card orders');
    await page.getByLabel('Rows per page').selectOption('10');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/limit=10/);
    await page.getByText('Orders on this page: 10').waitFor();
    const settled = page.locator('table.table:not([aria-busy])');
    await page.getByRole('link', { name: 'Next page' }).click();
    await page.getByText('Page 2', { exact: true }).waitFor();
    await settled.waitFor();
    const firstOnSecond = await page.locator('tbody tr').first().textContent();
    await page.reload();
    await page.getByText('Page 2', { exact: true }).waitFor();
    await settled.waitFor();
    assert((await page.locator('tbody tr').first().textContent()) === firstOnSecond, 'page 2 changed on reload');
    await pageIsSound(page, 'orders-admin-09-page-2');
    // The arrow and the words are apart: "← Previous page", not "←Previous page".
    const arrow = await page.getByRole('link', { name: 'Previous page' }).evaluate((link) => {
      const [icon, words] = [link.querySelector('[aria-hidden]'), link.lastChild];
      const range = document.createRange();
      range.selectNodeContents(words);
      return range.getBoundingClientRect().left - icon.getBoundingClientRect().right;
    });
    assert(arrow >= 4, `${arrow}px between the arrow and "Previous page"`);
    await page.getByRole('link', { name: 'Previous page' }).click();
    await page.getByText('Page 1', { exact: true }).waitFor();
    await page.getByText('Orders on this page: 10').waitFor();
  });
}

export async function runOrders(browser) {
  const run = `${Date.now().toString(36)}${digits(3)}`;
  const national = `73${digits(7)}`;
  const state = {
    run,
    worker: {
      email: `card-${run}@example.test`,
      givenNames: 'Marek Jan',
      surname: 'Zieliński',
      dob: ['15', '8', '1985'],
      nationality: 'POL',
      documentNumber: `ZP${digits(7)}`,
      password: `scaffold ${run} crane harbour`,
      phoneTyped: `0${national.slice(0, 2)} ${national.slice(2, 5)} ${national.slice(5, 7)} ${national.slice(7)}`,
      phone: `+46${national}`,
    },
    misspelled: {
      email: demoWorker.email,
      givenNames: 'Jan Piotr',
      surname: 'Kowalsky',
      dob: ['12', '4', '1990'],
      nationality: 'POL',
    },
    cardNumber: `AB${digits(10)}`,
  };

  const adminSession = await newPage(browser, phoneScreen);
  const adminStep = flow(adminSession.page);
  await adminOrdersCards(adminSession.page, adminStep, state);
  if (!adminStep.ok()) {
    console.log('skip - the rest of the order flow (the admin could not order the cards)');
    await adminSession.context.close();
    return;
  }

  const partner = await partnerToken();
  const approved = await flow(adminSession.page)('partner: approves both portraits (API)', async () => {
    await approvePhoto(partner, state.orderId);
    await approvePhoto(partner, state.misspelledId);
  });

  if (approved && (await verifierRecordsPassport(browser, state))) {
    const { context, page } = await newPage(browser, phoneScreen);
    const step = flow(page);
    await workerRegistersAndAccepts(page, step, state);
    await step('partner: accepts, produces, ships and delivers the card (API)', async () => {
      await produceAndDeliver(partner, state.orderId, state.cardNumber);
    });
    await workerActivatesCard(page, step, state);
    await context.close();
    if (step.ok()) await adminManagesCard(adminSession.page, adminStep, state);
  }

  if (approved) await mismatchShownAndCorrected(browser, adminSession.page, adminStep, state);
  await adminPagesThroughOrders(adminSession.page, adminStep, state);
  await adminSession.context.close();
}

// The right to work and the digital card (issue 30), on a 360 × 740 phone against the real server.
// A new verifier sees the residence-permit fields for a Ukrainian and not for a Pole, records a Ukrainian
// with a permit, sees it on the record and records a renewed one; the API refuses a Ukrainian without one.
// A Polish worker's card is driven to active over the API (admin order with portrait, partner approval,
// registration, accept, production, activation). The worker opens "Show my card": the QR code's text is a
// credential whose Ed25519 signature verifies against the JWKS here in Node, and the QR code encodes exactly
// it; reloaded offline the page still shows it with an "offline" note; sign-out forgets it. On the public
// card check the pasted credential reads "signature verified" with the live status, a tampered one is not
// valid, and once the card is reported lost the good signature reads as NOT valid.
//
// The verifier and the admin are new accounts (invited by the demo operator): an account gets 5 SMS codes an
// hour, and the other suites use up those of verifier@demo.test and admin@demo.test.
import { createPublicKey, verify as verifySignature } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { encode } from 'uqr';
import {
  assert,
  baseUrl,
  digits,
  errorSummaryShows,
  flow,
  heading,
  pageErrors,
  pageIsSound,
  phoneScreen,
  resultsDir,
  timeout,
  waitForMessage,
} from './lib.mjs';
import { api, apiSignIn, approvePhoto, partnerToken, portraitPng, produceAndDeliver, signIn } from './orders.mjs';

/**
 * Like `newPage`, but a page that goes offline on purpose may log failed requests
 * (`net::ERR_INTERNET_DISCONNECTED`); script errors and other console errors still count.
 */
async function phonePage(browser, contextOptions = {}) {
  const context = await browser.newContext({ locale: 'en-US', ...phoneScreen, ...contextOptions });
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(text)) return;
    if (/^Failed to load resource: the server responded with a status of 4\d\d/.test(text) && message.location()?.url?.includes('/api/v1/')) return;
    pageErrors.push(`${page.url()}: console: ${text}`);
  });
  return { context, page };
}

/** A new account invited by the operator (as company admin or as staff) and registered over the API. */
async function invitedAccount(operator, tag, invite) {
  const account = { email: `${tag}@example.test`, phone: `+4673${digits(7)}`, password: `${tag} permit gate lantern` };
  const since = Date.now();
  await invite(account.email);
  const invitation = await waitForMessage(account.email, { since, filter: (m) => m.link?.includes('/register?token=') });
  await register(invitation.link, account, since);
  return account;
}

async function register(link, account, since) {
  const registration = await api('/api/v1/accounts', {
    method: 'POST',
    body: { registration_token: new URL(link).searchParams.get('token'), password: account.password, phone: account.phone },
  });
  const sms = await waitForMessage(account.phone, { since, filter: (m) => m.channel === 'sms' && m.code });
  await api('/api/v1/accounts/verify-phone', { method: 'POST', body: { challenge_id: registration.challenge_id, code: sms.code } });
}

async function fillDate(page, id, [day, month, year]) {
  await page.locator(`#${id}-day`).fill(day);
  await page.locator(`#${id}-month`).fill(month);
  await page.locator(`#${id}-year`).fill(year);
}

async function fillDocumentCheck(page, person) {
  await page.getByLabel('Passport', { exact: true }).check();
  await page.locator('#document_number').fill(person.documentNumber);
  await page.locator('#issuing_country').selectOption(person.nationality);
  await fillDate(page, 'document_expiry', ['30', '6', String(new Date().getFullYear() + 6)]);
  await page.locator('#given_names').fill(person.givenNames);
  await page.locator('#surname').fill(person.surname);
  await fillDate(page, 'date_of_birth', person.dob);
  await page.locator('#nationality').selectOption(person.nationality);
  await page.locator('#email').fill(person.email);
  await page.locator('#language').check(); // English
}

/** Whether an Ed25519 compact JWS verifies against the server's JWKS; returns its header and claims. */
async function verifyCredential(token) {
  const [header, payload, signature] = token.split('.');
  const jwks = await api('/.well-known/jwks.json');
  const head = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
  const key = jwks.keys.find((candidate) => candidate.kid === head.kid);
  assert(key, `no key ${head.kid} in the JWKS`);
  assert(key.kty === 'OKP' && key.crv === 'Ed25519', `key ${JSON.stringify(key)}`);
  const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: key.x }, format: 'jwk' });
  const ok = verifySignature(null, Buffer.from(`${header}.${payload}`), publicKey, Buffer.from(signature, 'base64url'));
  return { ok, header: head, claims: JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) };
}

/** The SVG path the page draws for `text` (same modules as `CardQr`: uqr, error correction L, border 4). */
function qrPath(text) {
  const { size, data } = encode(text, { ecc: 'L', border: 4 });
  let path = '';
  data.forEach((row, y) => {
    let x = 0;
    while (x < size) {
      if (!row[x]) {
        x += 1;
        continue;
      }
      const start = x;
      while (x < size && row[x]) x += 1;
      path += `M${start} ${y}h${x - start}v1h${start - x}z`;
    }
  });
  return path;
}

/**
 * A Y4M video (what Chromium's fake camera plays) of `text` as a QR code, black on white, 4 px a module, in the
 * middle of a 640 × 640 picture: inside the centred two thirds that qr-scanner looks at.
 */
function qrVideo(text) {
  const { size, data } = encode(text, { ecc: 'L', border: 4 });
  const side = 640;
  const scale = 4;
  const offset = Math.floor((side - size * scale) / 2);
  const luma = Buffer.alloc(side * side, 255);
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (!dark) return;
      for (let dy = 0; dy < scale; dy += 1) {
        const start = (offset + y * scale + dy) * side + offset + x * scale;
        luma.fill(0, start, start + scale);
      }
    }),
  );
  const chroma = Buffer.alloc(side * side / 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const file = `${resultsDir}digitalcard-qr.y4m`;
  writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${side} H${side} F5:1 Ip A1:1 C420jpeg\n`), frame, frame]));
  return file;
}

/**
 * "Scan a digital card" with a camera that films the worker's QR code (Chromium's fake camera): the scanner is
 * downloaded only when asked for, its decoder worker is allowed by the CSP, and the decoded credential verifies.
 */
async function checkerScansCard(state) {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${qrVideo(state.credential)}`,
    ],
  });
  try {
    const policy = (await fetch(`${baseUrl}/check`)).headers.get('permissions-policy') ?? '';
    assert(/\bcamera=\(self\)/.test(policy), `the server does not allow this origin the camera: ${policy}`);
    const { context, page } = await phonePage(browser, { permissions: ['camera'] });
    const step = flow(page);
    await step('card check: "Scan a digital card" reads the QR code with the camera and verifies it', async () => {
      const requested = [];
      page.on('request', (request) => requested.push(new URL(request.url()).pathname));
      await page.goto(`${baseUrl}/check`);
      await heading(page, 'Check a card');
      assert(!requested.some((path) => /qr-scanner/.test(path)), 'the scanner was downloaded before it was asked for');
      await page.getByRole('button', { name: 'Scan a digital card' }).click();
      const result = page.getByTestId('credential-result');
      await result.getByTestId('signature-status').getByText('Signature verified').waitFor();
      await result.getByTestId('live-status').getByText('Current status: valid.').waitFor();
      assert(requested.includes('/qr-scanner-worker.js'), 'the decoder did not run from /qr-scanner-worker.js');
      assert((await page.getByLabel('Paste a credential').inputValue()) === state.credential, 'the scanned text differs');
      await pageIsSound(page, 'digitalcard-check-00-scanned');
    });
    await context.close();
  } finally {
    await browser.close();
  }
}

async function verifierChecksPermits(browser, state) {
  const { context, page } = await phonePage(browser);
  const step = flow(page);
  const { verifier, ukrainian, pole } = state;

  await step('verifier: the permit is asked for a Ukrainian (UKR) and not for a Pole', async () => {
    await page.goto(`${baseUrl}/verifier`);
    await heading(page, 'Sign in');
    await signIn(page, verifier, verifier.password);
    await heading(page, 'Record a document check');
    const permit = page.getByTestId('permit-fields');
    assert((await permit.count()) === 0, 'permit fields before a nationality is chosen');
    await page.locator('#nationality').selectOption('UKR');
    await permit.waitFor();
    await page.getByLabel('Permit number').waitFor();
    await page.getByLabel('Country that issued the permit').waitFor();
    await pageIsSound(page, 'digitalcard-verifier-01-permit-fields');
    await page.locator('#nationality').selectOption('POL');
    await permit.waitFor({ state: 'detached' });
    await page.locator('#nationality').selectOption('SWE');
    assert((await permit.count()) === 0, 'permit fields for a Swede');
  });

  await step('verifier: a Ukrainian without a permit is stopped with the permit in the error summary', async () => {
    await fillDocumentCheck(page, ukrainian);
    await page.getByRole('button', { name: 'Record the check' }).click();
    await errorSummaryShows(page, 'Enter the permit number.');
    await page.locator('.error-summary').getByRole('link', { name: 'Enter the date until which the permit is valid.' }).click();
    const focused = await page.evaluate(() => document.activeElement?.id);
    assert(focused === 'permit_valid_until-day', `the summary link focused #${focused}`);
    await pageIsSound(page, 'digitalcard-verifier-02-permit-missing');
  });

  await step('verifier: records the Ukrainian with the permit; the record shows it (last 3 digits)', async () => {
    await page.locator('#permit_number').fill(ukrainian.permitNumber);
    await page.locator('#permit_country').selectOption('SWE');
    await fillDate(page, 'permit_valid_until', ['31', '3', String(new Date().getFullYear() + 2)]);
    await page.getByRole('button', { name: 'Record the check' }).click();
    await heading(page, 'Document check recorded');
    await page.getByRole('link', { name: 'See the record' }).click();
    await heading(page, `${ukrainian.givenNames} ${ukrainian.surname}`);
    const permit = page.getByTestId('recorded-permit');
    await permit.getByText('Residence permit').waitFor();
    await permit.getByText(`•••• ${ukrainian.permitNumber.slice(-3)}`).waitFor();
    await permit.getByText('Sweden').waitFor();
    await pageIsSound(page, 'digitalcard-verifier-03-record');
  });

  await step('verifier: records a renewed permit on the record page', async () => {
    const renew = page.getByTestId('renew-permit');
    await renew.getByRole('heading', { name: 'Record a renewed permit' }).waitFor();
    await page.locator('#permit_number').fill(ukrainian.renewedNumber);
    await page.locator('#permit_country').selectOption('SWE');
    const year = String(new Date().getFullYear() + 4);
    await fillDate(page, 'permit_valid_until', ['1', '2', year]);
    await page.getByRole('button', { name: 'Record the permit' }).click();
    await page.getByText('The renewed permit has been recorded').waitFor();
    const permit = page.getByTestId('recorded-permit');
    await permit.getByText(`•••• ${ukrainian.renewedNumber.slice(-3)}`).waitFor();
    await permit.getByText(`1 February ${year}`).waitFor();
    await pageIsSound(page, 'digitalcard-verifier-04-renewed');
  });

  await step('verifier: records the passport of the Polish worker (no permit asked)', async () => {
    await page.goto(`${baseUrl}/verifier`);
    await heading(page, 'Record a document check');
    await fillDocumentCheck(page, pole);
    assert((await page.getByTestId('permit-fields').count()) === 0, 'permit fields for a Pole');
    await page.getByRole('button', { name: 'Record the check' }).click();
    await heading(page, 'Document check recorded');
  });

  await context.close();
  return step.ok();
}

async function cardDrivenToActive(state) {
  const { admin, pole } = state;
  const adminToken = await apiSignIn(admin.email, admin.phone, admin.password);
  const me = await api('/api/v1/me', { token: adminToken });
  const companyId = me.companies.find((company) => company.name === 'Demo Bygg AB')?.id;
  assert(companyId, 'the new admin has no Demo Bygg AB');
  const order = await api(`/api/v1/companies/${companyId}/card-orders`, {
    method: 'POST',
    token: adminToken,
    body: {
      given_names: pole.givenNames,
      surname: pole.surname,
      date_of_birth: `${pole.dob[2]}-${pole.dob[1].padStart(2, '0')}-${pole.dob[0].padStart(2, '0')}`,
      nationality: 'POL',
      email: pole.email,
      delivery: { recipient: 'Site office', address_line1: 'Byggvägen 1', postal_code: '111 22', city: 'Stockholm', country: 'SE' },
    },
  });
  const photo = await fetch(`${baseUrl}/api/v1/companies/${companyId}/card-orders/${order.id}/photo`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'image/png' },
    body: portraitPng(600, 800),
  });
  assert(photo.ok, `photo upload answered ${photo.status}`);
  const partner = await partnerToken();
  await approvePhoto(partner, order.id);

  const link = await waitForMessage(pole.email, { filter: (m) => m.link?.includes('/register?token=') });
  await register(link.link, pole, 0);
  const token = await apiSignIn(pole.email, pole.phone, pole.password);
  await api('/api/v1/me/contact', {
    method: 'PATCH',
    token,
    body: { address_line1: 'ul. Długa 5', postal_code: '00-238', city: 'Warszawa', country: 'PL' },
  });
  const mine = await api(`/api/v1/me/card-orders/${order.id}`, { token });
  await api(`/api/v1/me/card-orders/${order.id}/accept`, { method: 'POST', token, body: { version: mine.version } });
  await produceAndDeliver(partner, order.id, state.cardNumber);
  const cards = await api('/api/v1/me/cards', { token });
  const card = cards.find((candidate) => candidate.order_id === order.id);
  assert(card, 'no card for the order');
  await api(`/api/v1/me/cards/${card.id}/activate`, { method: 'POST', token, body: { card_number: state.cardNumber } });
  state.cardId = card.id;
  state.workerToken = token;
}

async function workerShowsCard(browser, state) {
  const { context, page } = await phonePage(browser);
  const step = flow(page);
  const { pole } = state;

  await step('worker: "Show my card" shows photo, name, company, number, validity and a QR code', async () => {
    await page.goto(`${baseUrl}/cards`);
    await heading(page, 'Sign in');
    await signIn(page, pole, pole.password);
    await heading(page, 'My cards');
    await page.getByRole('link', { name: /^Show my card/ }).click();
    await heading(page, 'Your digital card');
    const card = page.getByTestId('digital-card');
    await card.getByRole('heading', { name: `${pole.givenNames} ${pole.surname}` }).waitFor();
    await card.getByText('Demo Bygg AB').waitFor();
    const number = state.cardNumber;
    await card.getByText(`${number.slice(0, 2)} ${number.slice(2, 6)} ${number.slice(6, 10)} ${number.slice(10)}`).waitFor();
    await page.waitForFunction(() => {
      const img = document.querySelector('img.digital-card__photo');
      return img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0;
    });
    await page.getByTestId('credential-expiry').getByText('This code can be checked until').waitFor();
    await pageIsSound(page, 'digitalcard-worker-01-show');
  });

  await step('worker: the QR code encodes a credential that verifies against the JWKS', async () => {
    const qr = page.getByTestId('card-qr');
    state.credential = await qr.getAttribute('data-credential');
    const { ok, header, claims } = await verifyCredential(state.credential);
    assert(ok, 'the Ed25519 signature does not verify');
    assert(header.alg === 'EdDSA' && header.typ === 'sitecard-card+jwt', `header ${JSON.stringify(header)}`);
    assert(claims.sub === state.cardNumber, `sub ${claims.sub}`);
    assert(claims.name.includes(pole.surname) && claims.company === 'Demo Bygg AB', `claims ${JSON.stringify(claims)}`);
    assert(claims.exp > Date.now() / 1000 && claims.exp - claims.iat <= 24 * 3600, `iat ${claims.iat}, exp ${claims.exp}`);
    const drawn = await qr.locator('svg path').getAttribute('d');
    assert(drawn === qrPath(state.credential), 'the QR code does not encode the credential');
    const box = await qr.locator('svg').boundingBox();
    assert(box && box.width >= 280, `the QR code is ${box?.width}px wide on a 360px screen`);
  });

  await step('worker: reloaded offline, the page still shows the card with an "offline" note', async () => {
    // The service worker controls the page and holds the shell and every script the page loaded.
    await page.waitForFunction(async () => {
      if (!navigator.serviceWorker.controller) return false;
      const cache = await caches.open('sitecard-shell-v1');
      const loaded = performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name))
        .filter((url) => url.origin === location.origin && url.pathname.startsWith('/assets/'))
        .map((url) => url.pathname);
      const cached = await Promise.all(['/', ...loaded].map((path) => cache.match(path)));
      return cached.every(Boolean);
    });
    await context.setOffline(true);
    await page.reload();
    await heading(page, 'Your digital card');
    await page.getByTestId('offline-note').getByText('You are offline').waitFor();
    const offline = await page.getByTestId('card-qr').getAttribute('data-credential');
    assert(offline === state.credential, 'offline the page shows another credential');
    await page.getByTestId('credential-expiry').getByText('This code can be checked until').waitFor();
    assert(new URL(page.url()).pathname === `/cards/${state.cardId}/show`, `offline the page went to ${page.url()}`);
    await pageIsSound(page, 'digitalcard-worker-02-offline');
  });

  await step('worker: back online, signing out forgets the stored card', async () => {
    await context.setOffline(false);
    await page.reload();
    await heading(page, 'Your digital card');
    await page.getByRole('navigation').getByRole('button', { name: 'Sign out' }).click();
    await heading(page, 'Sign in');
    const kept = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('sitecard-card:')));
    assert(kept.length === 0, `still stored: ${kept.join(', ')}`);
    await page.goto(`${baseUrl}/cards/${state.cardId}/show`);
    await heading(page, 'Sign in');
  });

  await context.close();
  return step.ok();
}

async function checkerReadsCredential(browser, state) {
  const { context, page } = await phonePage(browser);
  const step = flow(page);
  const paste = async (credential) => {
    await page.getByLabel('Paste a credential').fill(credential);
    await page.getByRole('button', { name: 'Check the credential' }).click();
  };
  const result = page.getByTestId('credential-result');

  await step('card check: a pasted credential reads "signature verified" with the live status', async () => {
    await page.goto(`${baseUrl}/check`);
    await heading(page, 'Check a card');
    await paste(state.credential);
    await result.getByTestId('signature-status').getByText('Signature verified').waitFor();
    await result.getByTestId('live-status').getByText('Current status: valid.').waitFor();
    await result.getByRole('heading', { name: 'Valid' }).waitFor();
    await result.getByText(`${state.pole.givenNames} ${state.pole.surname}`).waitFor();
    await pageIsSound(page, 'digitalcard-check-01-verified');
  });

  await step('card check: a tampered credential is not valid and shows nothing of it', async () => {
    const [header, payload, signature] = state.credential.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const forged = Buffer.from(JSON.stringify({ ...claims, name: 'Somebody Else' })).toString('base64url');
    await paste(`${header}.${forged}.${signature}`);
    await result.getByRole('heading', { name: 'Not valid' }).waitFor();
    await result.getByText('The signature does not match').waitFor();
    assert(!(await result.textContent())?.includes('Somebody Else'), 'the forged name is shown');
    await pageIsSound(page, 'digitalcard-check-02-tampered');
  });

  await step('card check: once the card is reported lost, its good signature reads as NOT valid', async () => {
    await api(`/api/v1/me/cards/${state.cardId}/report-lost`, { method: 'POST', token: state.workerToken });
    await paste(state.credential);
    await result.getByTestId('signature-status').getByText('Signature verified').waitFor();
    await result.getByTestId('live-status').getByText('Current status: not valid. The card is blocked').waitFor();
    await result.getByRole('heading', { name: 'Not valid' }).waitFor();
    await pageIsSound(page, 'digitalcard-check-03-blocked');
  });

  await context.close();
}

export async function runDigitalCard(browser) {
  const run = `${Date.now().toString(36)}${digits(3)}`;
  const setup = flow(null);
  const state = {
    cardNumber: `DC${digits(10)}`,
    ukrainian: {
      email: `ukr-${run}@example.test`,
      givenNames: 'Olena',
      surname: 'Kovalenko',
      dob: ['3', '9', '1988'],
      nationality: 'UKR',
      documentNumber: `FK${digits(6)}`,
      permitNumber: `UA${digits(7)}`,
      renewedNumber: `UB${digits(7)}`,
    },
    pole: {
      email: `dc-${run}@example.test`,
      givenNames: 'Tomasz',
      surname: 'Wiśniewski',
      dob: ['21', '5', '1987'],
      nationality: 'POL',
      documentNumber: `ZW${digits(7)}`,
      phone: `+4672${digits(7)}`,
      password: `scaffold ${run} gate crane`,
    },
  };

  const ready = await setup('setup: the operator invites a new verifier and a new admin of Demo Bygg AB (API)', async () => {
    const operator = await apiSignIn('operator@demo.test', '+46700000004');
    const companies = await api('/api/v1/companies?limit=100', { token: operator });
    const company = companies.items.find((item) => item.name === 'Demo Bygg AB');
    assert(company, 'no company "Demo Bygg AB"');
    state.verifier = await invitedAccount(operator, `dc-verifier-${run}`, (email) =>
      api('/api/v1/staff', { method: 'POST', token: operator, body: { email, role: 'verifier' } }),
    );
    state.admin = await invitedAccount(operator, `dc-admin-${run}`, (email) =>
      api(`/api/v1/companies/${company.id}/admins`, { method: 'POST', token: operator, body: { email } }),
    );
  });
  if (!ready) return;

  await setup('the API refuses a Ukrainian without a residence permit (422 right_to_work_required)', async () => {
    const token = await apiSignIn(state.verifier.email, state.verifier.phone, state.verifier.password);
    const response = await fetch(`${baseUrl}/api/v1/identity-verifications`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        document_type: 'passport',
        document_number: `FX${digits(6)}`,
        issuing_country: 'UKR',
        document_expiry: `${new Date().getFullYear() + 5}-01-31`,
        given_names: 'Petro',
        surname: 'Shevchenko',
        date_of_birth: '1990-01-01',
        nationality: 'UKR',
        email: `ukr-api-${run}@example.test`,
      }),
    });
    const problem = await response.json();
    assert(response.status === 422, `answered ${response.status}`);
    assert(problem.code === 'right_to_work_required', `code ${problem.code}`);
    assert(problem.errors?.some((e) => e.field === 'right_to_work' && e.code === 'right_to_work_required'), JSON.stringify(problem.errors));
  });

  if (!(await verifierChecksPermits(browser, state))) return;
  const active = await flow(null)('setup: the Polish worker’s card is ordered, made, delivered and activated (API)', () =>
    cardDrivenToActive(state),
  );
  if (!active) return;
  if (await workerShowsCard(browser, state)) {
    await checkerScansCard(state);
    await checkerReadsCredential(browser, state);
  }
}

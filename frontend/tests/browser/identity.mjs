// The identity flows end to end, on a 360 × 740 phone screen: a verifier records a passport for a new
// worker; the worker registers from the emailed link, signs in with the SMS code (a wrong code first),
// completes the address and signs out; the company admin sets up, uses and removes an authenticator
// app. Every page visited is checked with axe, for horizontal scrolling and for untranslated keys,
// and photographed into test-results/.
import { createHmac } from 'node:crypto';
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
  newPage,
  pageIsSound,
  passwordStep,
  pathOf,
  phoneScreen,
  results,
  sessionHint,
  translator,
  waitForMessage,
} from './lib.mjs';

async function signOutFromNavigation(page) {
  await page.getByRole('navigation').getByRole('button', { name: 'Sign out' }).click();
  await heading(page, 'Sign in');
  await page.getByText('You have signed out.').waitFor();
}

async function verifierRecordsPassport(browser, worker) {
  const { context, page } = await newPage(browser, phoneScreen);
  const step = flow(page);

  await step('verifier: sign-in page', async () => {
    await page.goto(`${baseUrl}/sign-in`);
    await heading(page, 'Sign in');
    await pageIsSound(page, 'verifier-01-sign-in');
  });

  await step('verifier: password accepted, code page shows where the SMS went', async () => {
    worker.verifierCode = await passwordStep(page, 'verifier@demo.test', demoPassword, '+46700000002');
    await page.getByText('+46•••••••02', { exact: false }).waitFor();
    await pageIsSound(page, 'verifier-02-code');
  });

  await step('verifier: signed in with the SMS code, straight on (no authenticator interruption)', async () => {
    await enterCode(page, worker.verifierCode, 'Sign in');
    await heading(page, 'Construction-site ID cards');
  });

  await step('verifier: an empty document check shows the error summary, focused, linking to fields', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Identity checks' }).click();
    await heading(page, 'Record a document check');
    await pageIsSound(page, 'verifier-04-record');
    await page.getByRole('button', { name: 'Record the check' }).click();
    await errorSummaryShows(page, 'Choose the type of document.');
    await page.locator('.error-summary').getByRole('link', { name: 'Enter the date of birth.' }).click();
    const focused = await page.evaluate(() => document.activeElement?.id);
    assert(focused === 'date_of_birth-day', `the summary link focused #${focused}`);
    await pageIsSound(page, 'verifier-05-record-errors');
  });

  await step('verifier: records a passport for a new worker and sees the record number', async () => {
    await page.getByLabel('Passport', { exact: true }).check();
    await page.locator('#document_number').fill(worker.documentNumber);
    await page.locator('#issuing_country').selectOption('POL');
    await page.locator('#document_expiry-day').fill('31');
    await page.locator('#document_expiry-month').fill('12');
    await page.locator('#document_expiry-year').fill(String(new Date().getFullYear() + 5));
    await page.locator('#given_names').fill(worker.givenNames);
    await page.locator('#surname').fill(worker.surname);
    await page.locator('#date_of_birth-day').fill('12');
    await page.locator('#date_of_birth-month').fill('4');
    await page.locator('#date_of_birth-year').fill('1990');
    await page.locator('#nationality').selectOption('POL');
    await page.locator('#email').fill(worker.email);
    await page.locator('#language').check(); // English
    await page.getByRole('button', { name: 'Record the check' }).click();
    await heading(page, 'Document check recorded');
    const id = await page.getByTestId('record-id').textContent();
    assert(/^[0-9a-f-]{36}$/.test(id?.trim() ?? ''), `record id "${id}"`);
    await pageIsSound(page, 'verifier-06-recorded');
  });

  await step('verifier: a phone reset with the wrong document is refused, in words', async () => {
    await page.getByRole('link', { name: 'Set a new phone number for a worker' }).click();
    await heading(page, 'Set a new phone number for a worker');
    assert(/^[0-9a-f-]{36}$/.test(await page.locator('#record_id').inputValue()), 'the record number is not filled in');
    await page.locator('#document_number').fill('ZZ9999999');
    await page.locator('#phone').fill('070 000 00 99');
    await page.getByRole('button', { name: 'Set the new number' }).click();
    await errorSummaryShows(page, 'This is not the document that was recorded');
    const cut = await page.locator('#record_id').evaluate((input) => input.scrollWidth - input.clientWidth);
    assert(cut <= 0, `the record number is ${cut}px wider than its field`);
    await pageIsSound(page, 'verifier-07-reset-phone-mismatch');
  });

  await step('verifier: signs out', async () => {
    await signOutFromNavigation(page);
  });

  await context.close();
}

async function workerRegisters(page, worker, step) {
  await step('worker: a dead registration link says so before anything is typed', async () => {
    await page.goto(`${baseUrl}/register?token=no-such-link`);
    await heading(page, 'This link no longer works');
    assert((await page.locator('#password').count()) === 0, 'a password field was shown for a dead link');
  });

  await step('worker: the emailed link opens registration, naming the account', async () => {
    const email = await waitForMessage(worker.email, { filter: (m) => m.link?.includes('/register?token=') });
    await page.goto(`${baseUrl}${pathOf(email.link)}`);
    await heading(page, 'Choose a password');
    await page.getByText('Step 1 of 3').waitFor();
    await page.getByText(`The account is for ${worker.email}.`).waitFor();
    await pageIsSound(page, 'worker-01-register-password');
  });

  await step('worker: a guessable password is refused in words before it is sent', async () => {
    await page.locator('#password').fill('password1');
    await page.getByText('This password is too easy to guess and will not be accepted.').waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await errorSummaryShows(page, 'This password is too easy to guess');
    await pageIsSound(page, 'worker-02-register-weak-password');
  });

  await step('worker: a strong password, shown with the Show button, is accepted', async () => {
    await page.locator('#password').fill(worker.password);
    await page.getByRole('button', { name: 'Show password' }).click();
    assert((await page.locator('#password').getAttribute('type')) === 'text', 'the password is still hidden');
    await page.getByText(/Password strength: (strong|very strong)/).waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await heading(page, 'Your mobile phone');
    await pageIsSound(page, 'worker-03-register-phone');
  });

  await step('worker: the phone (country code + number) gets an SMS code; the countdown shows', async () => {
    assert((await page.locator('#phone-country').inputValue()) === 'SE', 'Sweden is not preselected');
    await page.locator('#phone').fill(worker.phoneTyped);
    const since = Date.now();
    await page.getByRole('button', { name: 'Send the code' }).click();
    await heading(page, 'Check your phone');
    await page.getByText(`${worker.phone.slice(0, 3)}•`, { exact: false }).first().waitFor();
    await page.getByTestId('resend-countdown').getByText(/\d:\d\d/).waitFor();
    worker.registrationCode = (await waitForMessage(worker.phone, { since, filter: (m) => m.code })).code;
    await pageIsSound(page, 'worker-04-register-code');
  });

  await step('worker: the SMS code creates the account', async () => {
    await enterCode(page, worker.registrationCode, 'Create my account');
    await heading(page, 'Your account has been created');
    await pageIsSound(page, 'worker-05-registered');
  });
}

async function workerSignsIn(page, worker, step) {
  await step('worker: sign-in has the email filled in and says the account was created', async () => {
    await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
    await heading(page, 'Sign in');
    await page.getByText('Your account has been created. Sign in to continue.').waitFor();
    assert((await page.getByLabel('Email address').inputValue()) === worker.email, 'email not filled in');
  });

  await step('worker: the code page shows the masked phone and a visible resend countdown', async () => {
    worker.loginCode = await passwordStep(page, worker.email, worker.password, worker.phone);
    const countdown = await page.getByTestId('resend-countdown').textContent();
    assert(/You can ask for a new code in [01]:\d\d\./.test(countdown ?? ''), `countdown "${countdown}"`);
    await page.getByText(`We have sent a 6-digit code by text message to ${worker.phone.slice(0, 3)}`).waitFor();
  });

  await step('worker: a wrong code is explained in words at the field and in the summary', async () => {
    const wrong = worker.loginCode === '000000' ? '111111' : '000000';
    await enterCode(page, wrong, 'Sign in');
    await errorSummaryShows(page, 'The code is wrong. Check it and try again.');
    await page.locator('#code-error').getByText('The code is wrong').waitFor();
    await pageIsSound(page, 'worker-06-sign-in-wrong-code');
  });

  await step('worker: the right code signs in, straight to the start page', async () => {
    await enterCode(page, worker.loginCode, 'Sign in');
    await heading(page, 'Construction-site ID cards');
    await page.getByText(`You are signed in as ${worker.email}.`).waitFor();
    await pageIsSound(page, 'worker-07-home-signed-in');
  });

  await step('worker: the session hint cookie is set, and a reload keeps the worker signed in', async () => {
    const hint = await sessionHint(page.context());
    assert(hint?.value === '1', `session hint ${JSON.stringify(hint)}`);
    assert(!hint.httpOnly && hint.sameSite === 'Strict' && hint.path === '/', `session hint ${JSON.stringify(hint)}`);
    await page.reload();
    await page.getByText(`You are signed in as ${worker.email}.`).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Your account' }).waitFor();
  });
}

async function workerDetails(page, worker, step) {
  await step('worker: "Your details" shows the identity from the passport check, read-only', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Your account' }).click();
    await heading(page, 'Your details');
    for (const text of [worker.givenNames, worker.surname, '12 April 1990', 'Poland', 'Not given yet']) {
      await page.getByRole('main').getByText(text, { exact: true }).first().waitFor();
    }
    await pageIsSound(page, 'worker-08-details');
  });

  await step('worker: the address form explains what is missing', async () => {
    await page.getByRole('link', { name: 'Add address' }).click();
    await heading(page, 'Your address');
    await page.getByRole('button', { name: 'Save the address' }).click();
    await errorSummaryShows(page, 'Enter the first line of your address.');
    await pageIsSound(page, 'worker-09-address-errors');
  });

  await step('worker: completes the address and sees it saved', async () => {
    await page.getByLabel('Address line 1').fill('ul. Długa 5');
    await page.getByLabel('Postal code').fill('00-238');
    await page.getByLabel('Town or city').fill('Warszawa');
    await page.getByLabel('Country').selectOption('PL');
    await page.getByRole('button', { name: 'Save the address' }).click();
    await heading(page, 'Your details');
    await page.getByText('Your address has been saved.').waitFor();
    for (const text of ['ul. Długa 5', '00-238 Warszawa']) {
      await page.getByRole('main').getByText(text, { exact: true }).waitFor();
    }
    await pageIsSound(page, 'worker-10-details-saved');
  });

  await step('worker: the security page lists this device and enrols nothing', async () => {
    await page.getByRole('link', { name: 'Sign-in and security' }).click();
    await heading(page, 'Sign-in and security');
    await page.getByText('This device', { exact: true }).waitFor();
    await page.getByText('Not set up', { exact: true }).waitFor();
    await pageIsSound(page, 'worker-11-security');
  });

  await step('worker: the development outbox shows the codes sent', async () => {
    await page.getByRole('contentinfo').getByRole('link', { name: /Development outbox/ }).click();
    await heading(page, 'Development outbox');
    await page.getByLabel('Only messages to').fill(worker.phone);
    await page.getByTestId('outbox-code').getByText(worker.loginCode).waitFor();
    await pageIsSound(page, 'worker-12-outbox');
  });

  await step('worker: signs out; the account page then asks to sign in, without a refresh request', async () => {
    await page.goto(`${baseUrl}/account/security`);
    await heading(page, 'Sign-in and security');
    await page.getByRole('main').getByRole('button', { name: 'Sign out' }).click();
    await heading(page, 'Sign in');
    assert((await sessionHint(page.context())) === undefined, 'the session hint outlived the sign-out');
    const refreshes = [];
    const onRequest = (request) => {
      if (new URL(request.url()).pathname === '/api/v1/auth/refresh') refreshes.push(request.url());
    };
    page.on('request', onRequest);
    await page.goto(`${baseUrl}/account`);
    await heading(page, 'Sign in');
    page.off('request', onRequest);
    assert(new URL(page.url()).search === '?next=%2Faccount', `landed on ${page.url()}`);
    assert(refreshes.length === 0, 'a refresh was asked for without a session hint');
  });
}

async function publicPages(page, worker, step) {
  await step('card check: an unknown number is "Not valid", in words', async () => {
    await page.goto(`${baseUrl}/check`);
    await heading(page, 'Check a card');
    await page.getByLabel('Card number').fill('ab 12345 67890');
    await page.getByRole('button', { name: 'Check the card' }).click();
    await page.getByTestId('card-check-result').getByText('Not valid').waitFor();
    await pageIsSound(page, 'public-01-card-check');
  });

  await step('forgot password: the link arrives and leads to a new password, then a code', async () => {
    await page.goto(`${baseUrl}/forgot-password`);
    await heading(page, 'Reset your password');
    await page.getByLabel('Email address').fill(worker.email);
    const since = Date.now();
    await page.getByRole('button', { name: 'Send the link' }).click();
    await heading(page, 'Check your email');
    await pageIsSound(page, 'public-02-forgot-password-sent');
    const email = await waitForMessage(worker.email, { since, filter: (m) => m.link?.includes('/reset-password') });
    await page.goto(`${baseUrl}${pathOf(email.link)}`);
    await heading(page, 'Choose a new password');
    await page.locator('#password').fill(`${worker.password} again`);
    const smsSince = Date.now();
    await page.getByRole('button', { name: 'Continue' }).click();
    await heading(page, 'Check your phone');
    const sms = await waitForMessage(worker.phone, { since: smsSince, filter: (m) => m.code });
    await enterCode(page, sms.code, 'Change my password');
    await heading(page, 'Your password has been changed');
    await pageIsSound(page, 'public-03-password-changed');
  });
}

/**
 * Waits out the last 3 s of a 30-second step. The server accepts a code of its own step or one either side;
 * a code of the previous step (`offset` -1) typed just before a step ends reaches it two steps old and is
 * refused (seen once: computed at hh:mm:59.9, checked at hh:mm:00.1).
 */
async function clearOfStepEnd() {
  const left = 30_000 - (Date.now() % 30_000);
  if (left < 3_000) await new Promise((resolve) => setTimeout(resolve, left + 100));
}

/** RFC 6238 code (SHA-1, 30 s, 6 digits) for a base32 secret, `offset` steps from now. */
function totpCode(secret, offset = 0) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of secret.replace(/[\s=]/g, '').toUpperCase()) bits += alphabet.indexOf(char).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((byte) => parseInt(byte, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 30_000) + offset));
  const hmac = createHmac('sha1', key).update(counter).digest();
  const at = hmac[hmac.length - 1] & 0x0f;
  return String((hmac.readUInt32BE(at) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/**
 * The company admin sets up an authenticator app from "Sign-in and security" after an SMS login, signs in with
 * it, and removes it. Each use takes a code of a different 30-second step (the server allows one
 * step either side), so the flow holds even if the server refuses reused codes.
 */
async function adminUsesAuthenticator(browser) {
  const { context, page } = await newPage(browser, phoneScreen);
  const step = flow(page);
  let secret = '';

  await step('admin: sets up an authenticator app from "Sign-in and security"; the QR code has an otpauth link', async () => {
    const code = await passwordStep(page, 'admin@demo.test', demoPassword, '+46700000001');
    await enterCode(page, code, 'Sign in');
    await heading(page, 'Construction-site ID cards');
    await page.goto(`${baseUrl}/account/security`);
    await page.getByRole('link', { name: 'Set up an authenticator app' }).click();
    await heading(page, 'Set up an authenticator app');
    await page.getByRole('img', { name: 'QR code to add Sitecard to your authenticator app' }).waitFor();
    const openInApp = page.getByRole('link', { name: 'On this phone? Open Sitecard in your authenticator app' });
    const href = (await openInApp.getAttribute('href')) ?? '';
    assert(href.startsWith('otpauth://totp/'), `the app link is ${href}`);
    secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
    assert(/^[A-Z2-7 ]{16,}$/.test(secret), `secret "${secret}"`);
    await pageIsSound(page, 'admin-01-totp-setup');
    await clearOfStepEnd();
    await page.getByLabel('6-digit code from the app').fill(totpCode(secret, -1));
    await page.getByRole('button', { name: 'Finish setting up' }).click();
    await heading(page, 'Sign-in and security');
    await page.getByText('Set up', { exact: true }).waitFor();
  });

  await step('admin: the next sign-in asks for the code from the app', async () => {
    await signOutFromNavigation(page);
    await page.getByLabel('Email address').fill('admin@demo.test');
    await page.getByLabel('Password', { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: 'Continue' }).click();
    await heading(page, 'Enter the code from your authenticator app');
    assert((await page.getByTestId('resend-countdown').count()) === 0, 'an SMS countdown on a TOTP challenge');
    await pageIsSound(page, 'admin-02-sign-in-totp');
    await clearOfStepEnd();
    await enterCode(page, totpCode(secret, 0), 'Sign in');
    await heading(page, 'Construction-site ID cards');
  });

  await step('admin: removes the authenticator app with a code from it', async () => {
    await page.goto(`${baseUrl}/account/security/authenticator/remove`);
    await heading(page, 'Remove the authenticator app');
    await pageIsSound(page, 'admin-03-totp-remove');
    await clearOfStepEnd();
    await page.getByLabel('6-digit code from the app').fill(totpCode(secret, 1));
    const remove = page.getByRole('button', { name: 'Remove the app' });
    assert((await remove.getAttribute('class'))?.includes('button--warning'), '"Remove the app" is not the red warning button');
    await remove.click();
    await heading(page, 'Sign-in and security');
    await page.getByText('The authenticator app has been removed.', { exact: false }).waitFor();
    await page.getByText('Not set up', { exact: true }).waitFor();
  });

  await context.close();
}

async function languages(browser) {
  const pages = {
    en: { '/sign-in': 'Sign in', '/forgot-password': 'Reset your password', '/check': 'Check a card' },
    sv: { '/sign-in': 'Logga in', '/forgot-password': 'Återställ ditt lösenord', '/check': 'Kontrollera ett kort' },
    pl: { '/sign-in': 'Zaloguj się', '/forgot-password': 'Zresetuj hasło', '/check': 'Sprawdź kartę' },
  };
  for (const code of ['de', 'lt', 'lv', 'et', 'ro', 'uk']) {
    const t = translator(code);
    pages[code] = { '/sign-in': t('signIn.title'), '/forgot-password': t('forgotPassword.title'), '/check': t('cardCheck.title') };
  }
  for (const [code, titles] of Object.entries(pages)) {
    // German, Lithuanian and Polish have the longest words: headings must wrap (hyphens, or a break) within 360 px.
    await check(`public pages in ${code}: translated, no raw keys, accessible, fit 360 px`, async () => {
      const { context, page } = await newPage(browser, { ...phoneScreen, locale: code });
      try {
        for (const [path, title] of Object.entries(titles)) {
          await page.goto(`${baseUrl}${path}`);
          await heading(page, title);
          assert((await page.locator('html').getAttribute('lang')) === code, `<html lang> is not "${code}"`);
          await pageIsSound(page, `${code}${path.replace(/\//g, '-')}`);
        }
      } finally {
        await context.close();
      }
    });
  }
}

export async function runIdentity(browser) {
  const run = `${Date.now().toString(36)}${digits(3)}`;
  const national = `70${digits(7)}`;
  const worker = {
    email: `worker-${run}@example.test`,
    givenNames: 'Anna Maria',
    surname: 'Nowak',
    documentNumber: `PX${digits(7)}`,
    password: `granite ${run} ladder orchard`,
    phoneTyped: `0${national.slice(0, 2)} ${national.slice(2, 5)} ${national.slice(5, 7)} ${national.slice(7)}`,
    phone: `+46${national}`,
  };
  const before = results.failed;
  await verifierRecordsPassport(browser, worker);
  if (results.failed === before) {
    const { context, page } = await newPage(browser, phoneScreen);
    const step = flow(page);
    await workerRegisters(page, worker, step);
    await workerSignsIn(page, worker, step);
    await workerDetails(page, worker, step);
    await publicPages(page, worker, step);
    await context.close();
  } else {
    console.log('skip - the worker flows (the verifier could not record the passport)');
  }
  await adminUsesAuthenticator(browser);
  await languages(browser);
}

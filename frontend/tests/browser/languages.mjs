// The worker's path in German and in Ukrainian on a 360 × 740 phone (issue 31): a new worker opens the
// registration link in an English browser, picks the language in the switcher, and from then on every page,
// every SMS code and every email comes in it — the choice goes with registration and sign-in and is saved on
// the account. Each page is checked with axe, for horizontal scrolling (long German words in headings must
// wrap) and for untranslated keys, and photographed into test-results/.
import { assert, baseUrl, digits, flow, heading, newPage, pageIsSound, pathOf, phoneScreen, translator, waitForMessage } from './lib.mjs';
import { api, apiSignIn, approvePhoto, partnerToken, portraitPng, produceAndDeliver, signIn } from './orders.mjs';

const english = translator('en');

/** How we know a text came in `code` and not in English. */
const inLanguage = {
  de: (text) => /\b(Ihr|Ihre|Sie)\b/.test(text),
  uk: (text) => /[\u0400-\u04FF]/.test(text),
};

/** A verified worker with a card order ready to accept, set up over the API as the office and company would. */
async function orderForNewWorker(worker) {
  const verifier = await apiSignIn('verifier@demo.test', '+46700000002');
  await api('/api/v1/identity-verifications', {
    method: 'POST',
    token: verifier,
    body: {
      document_type: 'passport',
      document_number: worker.documentNumber,
      issuing_country: 'UKR',
      document_expiry: `${new Date().getFullYear() + 6}-06-30`,
      given_names: worker.givenNames,
      surname: worker.surname,
      date_of_birth: worker.dateOfBirth,
      nationality: 'UKR',
      email: worker.email,
      language: 'en',
      // Outside the EU/EEA and Switzerland: the residence permit checked at the desk (issue 30).
      right_to_work: {
        document_type: 'residence_permit',
        document_number: `UA${digits(7)}`,
        issuing_country: 'SWE',
        valid_until: `${new Date().getFullYear() + 3}-03-31`,
      },
    },
  });
  const admin = await apiSignIn('admin@demo.test', '+46700000001');
  const companyId = (await api('/api/v1/me', { token: admin })).companies[0].id;
  const order = await api(`/api/v1/companies/${companyId}/card-orders`, {
    method: 'POST',
    token: admin,
    body: {
      given_names: worker.givenNames,
      surname: worker.surname,
      date_of_birth: worker.dateOfBirth,
      nationality: 'UKR',
      email: worker.email,
      delivery: { recipient: 'Site office', address_line1: 'Byggvägen 1', postal_code: '111 22', city: 'Stockholm', country: 'SE' },
    },
  });
  const upload = await fetch(`${baseUrl}/api/v1/companies/${companyId}/card-orders/${order.id}/photo`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'image/png' },
    body: portraitPng(600, 800),
  });
  assert(upload.ok, `photo upload answered ${upload.status}: ${await upload.text()}`);
  await approvePhoto(await partnerToken(), order.id);
  return order.id;
}

async function workerInLanguage(browser, code) {
  const t = translator(code);
  const isInLanguage = inLanguage[code];
  const national = `70${digits(7)}`;
  const worker = {
    email: `worker-${code}-${Date.now().toString(36)}${digits(3)}@example.test`,
    givenNames: 'Olena',
    surname: 'Kovalenko',
    dateOfBirth: '1988-04-12',
    documentNumber: `FK${digits(7)}`,
    password: `granite ${digits(6)} ladder orchard`,
    // Typed internationally: the phone country starts from the reader's language (Germany, Ukraine), not Sweden.
    phoneTyped: `+46 ${national.slice(0, 2)} ${national.slice(2, 5)} ${national.slice(5, 7)} ${national.slice(7)}`,
    phone: `+46${national}`,
  };
  const { context, page } = await newPage(browser, phoneScreen);
  const step = flow(page);
  let orderId;

  await step(`${code}: the worker opens the registration link and picks ${code} in the switcher`, async () => {
    orderId = await orderForNewWorker(worker);
    const email = await waitForMessage(worker.email, { filter: (m) => m.link?.includes('/register?token=') });
    await page.goto(`${baseUrl}${pathOf(email.link)}`);
    await heading(page, english('register.password.title'));
    await page.getByLabel(english('language.label')).selectOption(code);
    await heading(page, t('register.password.title'));
    assert((await page.locator('html').getAttribute('lang')) === code, `<html lang> is not "${code}"`);
    await pageIsSound(page, `lang-${code}-01-password`);
  });

  await step(`${code}: registers; the SMS code comes in ${code}`, async () => {
    await page.locator('#password').fill(worker.password);
    await page.getByRole('button', { name: t('common.continue') }).click();
    await heading(page, t('register.phone.title'));
    await pageIsSound(page, `lang-${code}-02-phone`);
    const country = await page.locator('#phone-country').inputValue().catch(() => '');
    assert(country === { de: 'DE', uk: 'UA' }[code], `the phone country starts at ${country}, not the reader's`);
    await page.locator('#phone').fill(worker.phoneTyped);
    const since = Date.now();
    await page.getByRole('button', { name: t('register.phone.submit') }).click();
    await heading(page, t('register.code.title'));
    const sms = await waitForMessage(worker.phone, { since, filter: (m) => m.code });
    assert(isInLanguage(sms.body), `the registration SMS is not in ${code}: ${sms.body}`);
    await pageIsSound(page, `lang-${code}-03-code`);
    await page.getByLabel(t('signInCode.label'), { exact: true }).fill(sms.code);
    await page.getByRole('button', { name: t('register.code.submit') }).click();
    await heading(page, t('register.done.title'));
    await pageIsSound(page, `lang-${code}-04-created`);
  });

  await step(`${code}: signs in from the order link; code page and order in ${code}`, async () => {
    await page.goto(`${baseUrl}/orders/${orderId}`);
    await heading(page, t('signIn.title'));
    await page.getByLabel(t('signIn.email')).fill(worker.email);
    await page.getByLabel(t('signIn.password'), { exact: true }).fill(worker.password);
    const since = Date.now();
    await page.getByRole('button', { name: t('signIn.submit') }).click();
    await heading(page, t('signInCode.titleSms'));
    const sms = await waitForMessage(worker.phone, { since, filter: (m) => m.code });
    assert(isInLanguage(sms.body), `the sign-in SMS is not in ${code}: ${sms.body}`);
    await pageIsSound(page, `lang-${code}-05-sign-in-code`);
    await page.getByLabel(t('signInCode.label'), { exact: true }).fill(sms.code);
    await page.getByRole('button', { name: t('signInCode.submit') }).click();
    await heading(page, t('orders.order.title'));
    await pageIsSound(page, `lang-${code}-07-order`);
  });

  await step(`${code}: contact details, the check page, accepted; the confirmation email is in ${code}`, async () => {
    await page.getByRole('link', { name: t('orders.order.start') }).click();
    await heading(page, t('orders.details.title'));
    await page.getByLabel(t('address.line1'), { exact: true }).fill('Hauptstraße 1');
    await page.getByLabel(t('address.postalCode'), { exact: true }).fill('01001');
    await page.getByLabel(t('address.city'), { exact: true }).fill('Kyiv');
    await page.getByLabel(t('address.country'), { exact: true }).selectOption('UA');
    await pageIsSound(page, `lang-${code}-08-details`);
    await page.getByRole('button', { name: t('orders.details.saveAndContinue') }).click();
    await heading(page, t('orders.check.title'));
    await pageIsSound(page, `lang-${code}-09-check`);
    const since = Date.now();
    await page.getByRole('button', { name: t('orders.check.accept') }).click();
    await heading(page, t('orders.done.title'));
    await page.getByRole('heading', { level: 2, name: t('offerTotp.title') }).waitFor();
    await pageIsSound(page, `lang-${code}-10-done`);
    const email = await waitForMessage(worker.email, { since, filter: (m) => m.channel === 'email' });
    assert(isInLanguage(`${email.subject} ${email.body}`), `the confirmation email is not in ${code}: ${email.subject}`);
  });

  await context.close();
  return { worker, orderId };
}

/**
 * The worker from the German walk comes to the desk with the delivered card: the verifier finds the record by
 * email, sees the card by its last four digits, checks the document and the card, and activates it; the PIN
 * is shown to hand over.
 */
async function verifierActivatesInPerson(browser, { worker, orderId }) {
  const number = `DE${digits(10)}`;
  const { context, page } = await newPage(browser, phoneScreen);
  const step = flow(page);
  await step('verifier: activates the delivered card of the worker at the desk, in person', async () => {
    await produceAndDeliver(await partnerToken(), orderId, number);
    await signIn(page, { email: 'verifier@demo.test', phone: '+46700000002' });
    await page.getByRole('navigation').getByRole('link', { name: english('nav.verifier') }).click();
    await page.getByRole('link', { name: english('verifier.activateLink') }).click();
    await heading(page, english('activateInPerson.title'));
    await page.getByLabel(english('resetPhone.find.label')).fill(worker.email);
    await page.getByRole('button', { name: english('resetPhone.find.submit') }).click();
    await page.getByTestId('found-records').getByText(/^[0-9A-F]{4}-[0-9A-F]{4} · /).waitFor();
    await page.getByRole('button', { name: english('resetPhone.find.use') }).click();
    const last4 = number.slice(-4);
    await page.getByRole('button', { name: english('activateInPerson.choose', { last4 }) }).click();
    await pageIsSound(page, 'desk-01-activate');
    await page.getByLabel(english('activateInPerson.cardNumber')).fill(`${number.slice(0, 2)} ${number.slice(2, 6)} ${number.slice(6, 10)} ${number.slice(10)}`);
    await page.getByLabel(english('resetPhone.documentNumber')).fill(worker.documentNumber);
    await page.getByRole('button', { name: english('activateInPerson.submit'), exact: true }).click();
    await page.getByText(english('activateInPerson.done.title')).waitFor();
    const text = (await page.getByRole('main').textContent()) ?? '';
    assert(/: \d{4}\./.test(text), 'no PIN shown');
    await pageIsSound(page, 'desk-02-activated');
  });
  await context.close();
}

export async function runLanguages(browser) {
  const german = await workerInLanguage(browser, 'de');
  await workerInLanguage(browser, 'uk');
  await verifierActivatesInPerson(browser, german);
}

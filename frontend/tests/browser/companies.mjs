// Companies and their administrators end to end, on a 360 × 740 phone screen, against the real server:
// the demo operator registers a company (a mistyped organisation number first: the check-digit error
// shows at the field), the first administrator's invitation is taken from the dev outbox, they register
// (password, phone, SMS code) and sign in, and on their company's Administrators page invite a second
// administrator and remove them again after the confirmation dialog. The operator's staff page (a role
// removal asked and cancelled with Escape) and audit log ("Verify the chain") are visited too. Every page
// is checked with axe, for horizontal scrolling and untranslated keys, and photographed into test-results/.
import {
  assert,
  baseUrl,
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
  smallTouchTargets,
  waitForMessage,
} from './lib.mjs';
import { signIn } from './orders.mjs';

const operator = { email: 'operator@demo.test', phone: '+46700000004' };

/** Every control on the page is at least 44 × 44 px. */
async function touchTargetsAreLargeEnough(page) {
  const small = await smallTouchTargets(page);
  assert(small.length === 0, `touch targets under 44 px: ${small.join(', ')}`);
}

/** A Swedish organisation number with a valid check digit (Luhn), `NNNNNN-NNNN`, for a rerun on the same server. */
function swedishOrgNumber() {
  const body = `55${digits(7)}`;
  const sum = [...body].reduce((total, char, index) => {
    const product = Number(char) * (index % 2 === 0 ? 2 : 1);
    return total + (product > 9 ? product - 9 : product);
  }, 0);
  const number = `${body}${(10 - (sum % 10)) % 10}`;
  return `${number.slice(0, 6)}-${number.slice(6)}`;
}

export async function runCompanies(browser) {
  const run = `${Date.now().toString(36)}${digits(3)}`;
  const national = `70${digits(7)}`;
  const company = { name: `Bygg ${run} AB` };
  const firstAdmin = {
    email: `admin-${run}@example.test`,
    password: `scaffold ${run} crane harbour`,
    phoneTyped: `0${national.slice(0, 2)} ${national.slice(2, 5)} ${national.slice(5, 7)} ${national.slice(7)}`,
    phone: `+46${national}`,
  };
  const secondAdmin = `second-${run}@example.test`;

  const { context, page } = await newPage(browser, phoneScreen);
  const step = flow(page);

  await step('operator: signs in and lands on the companies, the first tab of the console', async () => {
    await page.goto(`${baseUrl}/operator`);
    await heading(page, 'Sign in');
    await signIn(page, operator);
    await heading(page, 'Companies');
    assert(new URL(page.url()).pathname === '/operator/companies', `landed on ${page.url()}`);
    await page.locator('main table').getByRole('link', { name: 'Demo Bygg AB' }).waitFor();
    await pageIsSound(page, 'companies-01-list');
    await touchTargetsAreLargeEnough(page);
  });

  await step('operator: the search goes into the URL as it is typed, and the list follows', async () => {
    await page.getByLabel('Name or organisation number').fill('Demo');
    await page.waitForURL((url) => url.searchParams.get('q') === 'Demo');
    await page.locator('main table').getByRole('link', { name: 'Demo Bygg AB' }).waitFor();
    await page.getByText('Companies matching “Demo” on this page: 1').waitFor();
    await page.reload();
    assert((await page.getByLabel('Name or organisation number').inputValue()) === 'Demo', 'the search is not kept on reload');
    await page.getByLabel('Name or organisation number').fill(`no such ${run}`);
    await page.getByText(`No company matches “no such ${run}”`).waitFor();
    await pageIsSound(page, 'companies-02-nothing-found');
  });

  await step('operator: a mistyped organisation number shows the check-digit error at the field', async () => {
    await page.getByRole('link', { name: 'Register a company' }).click();
    await heading(page, 'Register a company');
    assert((await page.locator('#country').inputValue()) === 'SE', 'Sweden is not preselected');
    await page.getByText('Swedish: 10 digits, e.g. 556677-8899').waitFor();
    await page.locator('#name').fill(company.name);
    await page.locator('#org_number').fill('556677-8898');
    await page.locator('#admin_email').fill(firstAdmin.email);
    await page.getByRole('button', { name: 'Register the company' }).click();
    await errorSummaryShows(page, 'The check digit does not match: check the number for a typing error.');
    await page.locator('#org_number-error').getByText('The check digit does not match').waitFor();
    assert((await page.locator('#org_number').getAttribute('aria-invalid')) === 'true', 'the field is not marked invalid');
    await pageIsSound(page, 'companies-03-check-digit');
  });

  await step('operator: the right number registers the company and invites its first administrator', async () => {
    await page.locator('#org_number').fill('556677-8899');
    await page.getByRole('button', { name: 'Register the company' }).click();
    const registered = page.getByRole('heading', { level: 1, name: company.name, exact: true });
    const taken = page.locator('.error-summary').getByText('A company with this organisation number is registered already.');
    await registered.or(taken).first().waitFor();
    if (await taken.isVisible()) {
      // A rerun against the same server: 556677-8899 is taken by the first run.
      await page.locator('#org_number').fill(swedishOrgNumber());
      await page.getByRole('button', { name: 'Register the company' }).click();
    }
    await heading(page, company.name);
    await page.getByText(`${company.name} has been registered`).waitFor();
    await page.getByText(`An invitation has been sent to ${firstAdmin.email}.`).waitFor();
    const row = page.locator('main table tr').filter({ hasText: firstAdmin.email });
    await row.getByText('Invited').waitFor();
    await pageIsSound(page, 'companies-04-registered');
    await touchTargetsAreLargeEnough(page);
  });

  await step('operator: staff lists the demo accounts; removing a role asks first and Escape cancels', async () => {
    await page.getByRole('navigation', { name: 'Operator console' }).getByRole('link', { name: 'Staff' }).click();
    await heading(page, 'Staff');
    await page.getByRole('button', { name: 'Remove the verifier role verifier@demo.test' }).click();
    const dialog = page.getByRole('dialog', { name: 'Take the role “Verifier” from verifier@demo.test?' });
    await dialog.getByText('verifier@demo.test is signed out at once, on every device.').waitFor();
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    assert(focused === 'No, keep it', `focus is on "${focused}", not on the cancel button`);
    await pageIsSound(page, 'companies-05-staff-confirm');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('verifier@demo.test').first().waitFor();
    await pageIsSound(page, 'companies-06-staff');
    await touchTargetsAreLargeEnough(page);
  });

  await step('operator: the audit log verifies the chain', async () => {
    await page.getByRole('navigation', { name: 'Operator console' }).getByRole('link', { name: 'Audit log' }).click();
    await heading(page, 'Audit log');
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    await page.locator('.chain-report').getByText(/Checkpoints: \d+/).waitFor();
    await pageIsSound(page, 'companies-07-audit-log');
    await touchTargetsAreLargeEnough(page);
  });

  await context.close();

  if (!step.ok()) return;
  const admin = await newPage(browser, phoneScreen);
  const adminStep = flow(admin.page);
  const p = admin.page;

  await adminStep('new admin: the emailed invitation opens registration for their address', async () => {
    const email = await waitForMessage(firstAdmin.email, { filter: (m) => m.link?.includes('/register?token=') });
    await p.goto(`${baseUrl}${pathOf(email.link)}`);
    await heading(p, 'Choose a password');
    await p.getByText(`The account is for ${firstAdmin.email}.`).waitFor();
  });

  await adminStep('new admin: registers with a password, a phone and the SMS code', async () => {
    await p.locator('#password').fill(firstAdmin.password);
    await p.getByRole('button', { name: 'Continue' }).click();
    await heading(p, 'Your mobile phone');
    await p.locator('#phone').fill(firstAdmin.phoneTyped);
    const since = Date.now();
    await p.getByRole('button', { name: 'Send the code' }).click();
    await heading(p, 'Check your phone');
    const code = (await waitForMessage(firstAdmin.phone, { since, filter: (m) => m.code })).code;
    await enterCode(p, code, 'Create my account');
    await heading(p, 'Your account has been created');
  });

  await adminStep('new admin: signs in and reaches the Administrators tab of their company', async () => {
    await p.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
    const code = await passwordStep(p, firstAdmin.email, firstAdmin.password, firstAdmin.phone);
    await enterCode(p, code, 'Sign in');
    await heading(p, 'Construction-site ID cards');
    await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Company card orders' }).click();
    await heading(p, 'Card orders');
    await p.getByRole('navigation', { name: 'Company' }).getByRole('link', { name: 'Administrators' }).click();
    await heading(p, 'Administrators');
    await p.getByText(company.name).first().waitFor();
    const row = p.locator('main table tr').filter({ hasText: firstAdmin.email });
    await row.getByText('Active').waitFor();
    await row.getByText('This is you').waitFor();
    await pageIsSound(p, 'companies-08-admins-page');
  });

  await adminStep('new admin: invites a second administrator, who is emailed', async () => {
    await p.locator('#admin-email').fill(secondAdmin);
    const since = Date.now();
    await p.getByRole('button', { name: 'Send the invitation' }).click();
    await p.getByText(`An invitation has been sent to ${secondAdmin}.`).waitFor();
    await p.locator('main table tr').filter({ hasText: secondAdmin }).getByText('Invited').waitFor();
    await waitForMessage(secondAdmin, { since, filter: (m) => m.link?.includes('/register?token=') });
    await pageIsSound(p, 'companies-09-admin-invited');
    await touchTargetsAreLargeEnough(p);
  });

  await adminStep('new admin: removes the second administrator after the confirmation dialog', async () => {
    await p.getByRole('button', { name: `Remove ${secondAdmin}` }).click();
    const dialog = p.getByRole('dialog', { name: `Remove ${secondAdmin} as an administrator?` });
    await dialog.getByText(`They lose access to the card orders and cards of ${company.name} at once.`).waitFor();
    await pageIsSound(p, 'companies-10-remove-confirm');
    await dialog.getByRole('button', { name: 'Yes, remove' }).click();
    await p.getByText(`${secondAdmin} is no longer an administrator of ${company.name}.`).waitFor();
    await p.locator('main table tr').filter({ hasText: secondAdmin }).waitFor({ state: 'detached' });
  });

  await adminStep('new admin: removing themselves, the last administrator, is refused and explained', async () => {
    await p.getByRole('button', { name: `Remove ${firstAdmin.email}` }).click();
    await p.getByRole('dialog').getByText(`You lose access to the card orders and cards of ${company.name} at once.`).waitFor();
    await p.getByRole('dialog').getByRole('button', { name: 'Yes, remove' }).click();
    await p.getByText('A company keeps at least one administrator: invite another first.').waitFor();
    await pageIsSound(p, 'companies-11-last-admin');
  });

  await admin.context.close();
}

import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { meFixture, problem, signedInRefresh, stubApi } from '../../test/api-stub';
import { renderRoute } from '../../test/render-route';

const operator = meFixture({ id: '01a2164a-0000-7000-8000-00000000000f', email: 'operator@demo.test', roles: ['operator'], person: null });

const signedIn = (routes: Parameters<typeof stubApi>[0] = {}, me: unknown = operator) =>
  stubApi({ 'POST /api/v1/auth/refresh': signedInRefresh, 'GET /api/v1/me': { body: me }, ...routes });

const companyId = '01a2166d-05f6-728c-bda2-8186f3e5dc22';
const demo = { id: companyId, name: 'Demo Bygg AB', org_number: '556677-8899', country: 'SE', created_at: '2026-11-20T08:00:00Z' };
const norr = {
  id: '01a2166d-05f6-728c-bda2-8186f3e5dc23',
  name: 'Bygg & Montage i Norr AB',
  org_number: '559012-3451',
  country: 'SE',
  created_at: '2026-12-01T08:00:00Z',
};
const admins = [
  { account_id: '01a2164a-0000-7000-8000-000000000001', email: 'admin@demo.test', status: 'active' },
  { account_id: '01a2164a-0000-7000-8000-000000000002', email: 'site.office@example.com', status: 'invited' },
];

describe('companies: search and list', () => {
  test('typing searches (debounced) into the URL, and the list follows', async () => {
    const server = signedIn({
      'GET /api/v1/companies': (request) => {
        const q = new URL(request.url).searchParams.get('q');
        return { body: { items: q ? [norr] : [demo, norr] } };
      },
    });
    const { router } = renderRoute('/operator/companies');
    const table = await screen.findByRole('table', { name: 'Companies, newest first' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(within(table).getByRole('link', { name: 'Demo Bygg AB' }).getAttribute('href')).toBe(`/operator/companies/${companyId}`);
    expect(table.textContent).toContain('556677-8899');
    expect(table.textContent).toContain('Sweden');

    fireEvent.change(screen.getByLabelText('Name or organisation number'), { target: { value: 'Norr ' } });
    await waitFor(() => expect(router.state.location.search).toBe('?q=Norr'));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Demo Bygg AB' })).toBeNull());
    expect(screen.getByRole('link', { name: 'Bygg & Montage i Norr AB' })).toBeTruthy();
    expect(await screen.findByText('Companies matching “Norr” on this page: 1')).toBeTruthy();
    expect(server.to('GET /api/v1/companies').at(-1)?.search).toBe('?q=Norr&limit=20');
    // The space typed last stays in the box while the URL holds the trimmed search.
    expect(screen.getByLabelText<HTMLInputElement>('Name or organisation number').value).toBe('Norr ');
  });

  test('the search comes from the URL on a reload; nothing found says so', async () => {
    const server = signedIn({ 'GET /api/v1/companies': { body: { items: [] } } });
    renderRoute('/operator/companies?q=Nothing');
    expect(await screen.findByText(/No company matches “Nothing”/)).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Name or organisation number').value).toBe('Nothing');
    expect(server.to('GET /api/v1/companies')[0]?.search).toBe('?q=Nothing&limit=20');
  });
});

describe('register a company', () => {
  async function fillForm(orgNumber: string) {
    fireEvent.change(await screen.findByLabelText('Company name'), { target: { value: 'Bygg & Montage i Norr AB' } });
    fireEvent.change(screen.getByLabelText('Organisation number'), { target: { value: orgNumber } });
    fireEvent.change(screen.getByLabelText("First administrator's email address"), { target: { value: 'site.office@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Register the company' }));
  }

  test('Sweden is preselected, the hint shows the format, and an empty form is caught before sending', async () => {
    const server = signedIn();
    renderRoute('/operator/companies/new');
    expect((await screen.findByLabelText<HTMLSelectElement>('Country of registration')).value).toBe('SE');
    expect(screen.getByText('Swedish: 10 digits, e.g. 556677-8899')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Register the company' }));
    expect(await screen.findByRole('link', { name: 'Enter the company name.' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Enter the organisation number.' }).getAttribute('href')).toBe('#org_number');
    expect(screen.getByRole('link', { name: 'Enter an email address.' }).getAttribute('href')).toBe('#admin_email');
    expect(server.to('POST /api/v1/companies')).toHaveLength(0);
  });

  test("a wrong check digit is said at the organisation number; a registered one too", async () => {
    const server = signedIn({
      'POST /api/v1/companies': [
        problem(422, 'invalid_org_number', {
          errors: [{ field: 'org_number', code: 'check_digit', message: 'the check digit does not match' }],
        }),
        problem(409, 'company_exists'),
      ],
    });
    renderRoute('/operator/companies/new');
    await fillForm('556677-8898');
    const link = await screen.findByRole('link', {
      name: 'The check digit does not match: check the number for a typing error.',
    });
    expect(link.getAttribute('href')).toBe('#org_number');
    const field = screen.getByLabelText('Organisation number');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toBe('org_number-hint org_number-error');
    expect(document.getElementById('org_number-error')?.textContent).toContain('The check digit does not match');
    expect(screen.queryByText('the check digit does not match')).toBeNull();
    expect(server.to('POST /api/v1/companies')[0]?.body).toEqual({
      name: 'Bygg & Montage i Norr AB',
      org_number: '556677-8898',
      country: 'SE',
      admin_email: 'site.office@example.com',
    });

    fireEvent.change(screen.getByLabelText('Organisation number'), { target: { value: '556677-8899' } });
    fireEvent.click(screen.getByRole('button', { name: 'Register the company' }));
    const exists = await screen.findByRole('link', { name: 'A company with this organisation number is registered already.' });
    expect(exists.getAttribute('href')).toBe('#org_number');
  });

  test('a registered company opens, saying who was invited', async () => {
    signedIn({
      'POST /api/v1/companies': { status: 201, body: norr },
      [`GET /api/v1/companies/${norr.id}`]: { body: norr },
      [`GET /api/v1/companies/${norr.id}/admins`]: { body: [admins[1]] },
    });
    const { router } = renderRoute('/operator/companies/new');
    await fillForm('559012-3451');
    await waitFor(() => expect(router.state.location.pathname).toBe(`/operator/companies/${norr.id}`));
    expect(await screen.findByRole('heading', { level: 1, name: 'Bygg & Montage i Norr AB' })).toBeTruthy();
    expect(screen.getByText('Bygg & Montage i Norr AB has been registered')).toBeTruthy();
    expect(screen.getByText('An invitation has been sent to site.office@example.com.')).toBeTruthy();
    expect(await screen.findByText('Invited')).toBeTruthy();
  });
});

describe('a company and its administrators, for operators', () => {
  type Routes = NonNullable<Parameters<typeof stubApi>[0]>;
  const routes = (remove: Routes[string]): Routes => ({
    [`GET /api/v1/companies/${companyId}`]: { body: demo },
    [`GET /api/v1/companies/${companyId}/admins`]: { body: admins },
    [`DELETE /api/v1/companies/${companyId}/admins/${admins[1]?.account_id}`]: remove,
  });

  test('removing asks first; 409 last_admin is explained', async () => {
    const server = signedIn(routes(problem(409, 'last_admin')));
    renderRoute(`/operator/companies/${companyId}`);
    const table = await screen.findByRole('table', { name: 'Administrators of Demo Bygg AB' });
    expect(within(table).getByText('Active')).toBeTruthy();
    expect(within(table).getByText('Invited')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove site.office@example.com' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove site.office@example.com as an administrator?' });
    expect(dialog.textContent).toContain('They lose access to the card orders and cards of Demo Bygg AB at once.');
    // The safe choice has focus; cancelling sends nothing.
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'No, keep' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'No, keep' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(server.to(`DELETE /api/v1/companies/${companyId}/admins/${admins[1]?.account_id}`)).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Remove site.office@example.com' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Yes, remove' }));
    expect(await screen.findByText('A company keeps at least one administrator: invite another first.')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(server.to(`DELETE /api/v1/companies/${companyId}/admins/${admins[1]?.account_id}`)).toHaveLength(1);
  });

  test('inviting another administrator sends the email and says so', async () => {
    const server = signedIn({
      ...routes({ status: 204 }),
      [`POST /api/v1/companies/${companyId}/admins`]: {
        status: 201,
        body: { account_id: '01a2164a-0000-7000-8000-000000000003', email: 'second@example.com', status: 'invited' },
      },
    });
    renderRoute(`/operator/companies/${companyId}`);
    fireEvent.change(await screen.findByLabelText('Email address'), { target: { value: ' second@example.com ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send the invitation' }));
    expect(await screen.findByText('An invitation has been sent to second@example.com.')).toBeTruthy();
    expect(server.to(`POST /api/v1/companies/${companyId}/admins`)[0]?.body).toEqual({ email: 'second@example.com' });
    expect(server.to(`GET /api/v1/companies/${companyId}/admins`).length).toBeGreaterThan(1);
  });
});

describe('staff', () => {
  const staff = [
    { account_id: operator.id, email: 'operator@demo.test', roles: ['operator'], status: 'active' },
    { account_id: '01a2164a-0000-7000-8000-000000000009', email: 'verifier@demo.test', roles: ['verifier', 'cardholder'], status: 'active' },
    { account_id: '01a2164a-0000-7000-8000-000000000010', email: 'desk.malmo@example.com', roles: ['verifier'], status: 'invited' },
  ];

  test('taking a role away asks first, saying they are signed out at once', async () => {
    const server = signedIn({
      'GET /api/v1/staff': { body: staff },
      [`DELETE /api/v1/staff/${staff[1]?.account_id}/roles/verifier`]: { status: 204 },
    });
    renderRoute('/operator/staff');
    const table = await screen.findByRole('table', { name: 'Verifiers and operators' });
    expect(table.textContent).toContain('Verifier, Cardholder');
    expect(within(table).getByText('Invited')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove the verifier role verifier@demo.test' }));
    const dialog = screen.getByRole('dialog', { name: 'Take the role “Verifier” from verifier@demo.test?' });
    expect(dialog.textContent).toContain('verifier@demo.test is signed out at once, on every device.');
    expect(dialog.textContent).toContain('They can no longer record identity checks.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Yes, take the role away' }));
    expect(await screen.findByText('verifier@demo.test no longer has the role “Verifier” and has been signed out.')).toBeTruthy();
    // The dialog has gone; focus is on what happened, not back on a button that may be gone too.
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(document.activeElement?.textContent).toContain('no longer has the role “Verifier”'));
    expect(server.to(`DELETE /api/v1/staff/${staff[1]?.account_id}/roles/verifier`)).toHaveLength(1);
  });

  test('the last operator is kept, and why is said', async () => {
    signedIn({
      'GET /api/v1/staff': { body: staff },
      [`DELETE /api/v1/staff/${operator.id}/roles/operator`]: problem(409, 'last_operator'),
    });
    renderRoute('/operator/staff');
    fireEvent.click(await screen.findByRole('button', { name: 'Remove the operator role operator@demo.test' }));
    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toContain('You are signed out at once, on every device.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Yes, take the role away' }));
    expect(await screen.findByText('Sitecard keeps at least one operator: invite another operator first.')).toBeTruthy();
  });

  test('inviting needs an email and a role', async () => {
    const server = signedIn({
      'GET /api/v1/staff': { body: staff },
      'POST /api/v1/staff': {
        status: 201,
        body: { account_id: '01a2164a-0000-7000-8000-000000000011', email: 'desk.gbg@example.com', roles: ['verifier'], status: 'invited' },
      },
    });
    renderRoute('/operator/staff');
    fireEvent.click(await screen.findByRole('button', { name: 'Send the invitation' }));
    expect(await screen.findByRole('link', { name: 'Choose a role.' })).toBeTruthy();
    expect(server.to('POST /api/v1/staff')).toHaveLength(0);
    fireEvent.change(screen.getByLabelText('Email address'), { target: { value: 'desk.gbg@example.com' } });
    fireEvent.click(screen.getByLabelText(/^Verifier:/));
    fireEvent.click(screen.getByRole('button', { name: 'Send the invitation' }));
    expect(await screen.findByText('An invitation has been sent to desk.gbg@example.com (role: Verifier).')).toBeTruthy();
    expect(server.to('POST /api/v1/staff')[0]?.body).toEqual({ email: 'desk.gbg@example.com', role: 'verifier' });
  });
});

describe('audit log', () => {
  const event = {
    id: '01a24aac-77f7-73c5-aee3-bcddea1d90c1',
    kind: 'company_created',
    actor_id: operator.id,
    actor_kind: 'account',
    subject_type: 'company',
    subject_id: companyId,
    data: { org_number: '556677-8899', country: 'SE', admin: admins[0]?.account_id },
    at: '2026-12-06T09:30:00Z',
  };

  test('filters go into the URL and the request; data shows as key: value', async () => {
    const server = signedIn({ 'GET /api/v1/audit-events': { body: { items: [event] } } });
    const { router } = renderRoute('/operator/audit-log');
    const table = await screen.findByRole('table', { name: 'Audit events, newest first' });
    expect(table.textContent).toContain('company_created');
    expect(table.textContent).toContain('org_number: 556677-8899');
    expect(table.textContent).toContain('Account');

    fireEvent.change(screen.getByLabelText('Kind of event'), { target: { value: 'company_created' } });
    fireEvent.change(screen.getByLabelText('Subject ID'), { target: { value: companyId } });
    fireEvent.change(screen.getByLabelText('From (date)'), { target: { value: '2026-12-01' } });
    fireEvent.change(screen.getByLabelText('To (date)'), { target: { value: '2026-12-06' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    await waitFor(() =>
      expect(router.state.location.search).toBe(`?kind=company_created&subject=${companyId}&from=2026-12-01&to=2026-12-06`),
    );
    await waitFor(() => expect(server.to('GET /api/v1/audit-events')).toHaveLength(2));
    const query = new URLSearchParams(server.to('GET /api/v1/audit-events')[1]?.search);
    expect(query.get('kind')).toBe('company_created');
    expect(query.get('subject_id')).toBe(companyId);
    expect(query.get('actor_id')).toBeNull();
    expect(query.get('from')).toBe(new Date(2026, 11, 1).toISOString());
    expect(query.get('to')).toBe(new Date(2026, 11, 7).toISOString());
  });

  test('"To" before "From" and an id that is not one are caught; the filters come back from the URL', async () => {
    signedIn({ 'GET /api/v1/audit-events': { body: { items: [] } } });
    const { router } = renderRoute('/operator/audit-log?kind=login_failed&from=2026-12-06&to=2026-12-01');
    expect(await screen.findByText('No events match these filters.')).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Kind of event').value).toBe('login_failed');
    fireEvent.change(screen.getByLabelText('Actor ID'), { target: { value: 'operator@demo.test' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    expect(await screen.findByRole('link', { name: 'The “To” date must be the same as or after the “From” date.' })).toBeTruthy();
    const id = screen.getByRole('link', { name: /Enter an ID like 019cad8f/ });
    expect(id.getAttribute('href')).toBe('#actor');
    expect(router.state.location.search).toBe('?kind=login_failed&from=2026-12-06&to=2026-12-01');
  });

  test('"Verify the chain" says OK or BROKEN, with the counts', async () => {
    signedIn({
      'GET /api/v1/audit-events': { body: { items: [] } },
      'GET /api/v1/audit-chain': [
        { body: { ok: true, checkpoints: 42, sealed_events: 1873, unsealed_events: 3 } },
        {
          body: {
            ok: false,
            checkpoints: 42,
            sealed_events: 1873,
            unsealed_events: 0,
            problem: { code: 'events_altered', checkpoint: 17, detail: 'English for developers' },
          },
        },
      ],
    });
    renderRoute('/operator/audit-log');
    fireEvent.click(await screen.findByRole('button', { name: 'Verify the chain' }));
    expect(await screen.findByText('OK')).toBeTruthy();
    expect(screen.getByText('The audit log is intact.')).toBeTruthy();
    expect(screen.getByText('Checkpoints: 42')).toBeTruthy();
    expect(screen.getByText('Sealed events: 1873')).toBeTruthy();
    expect(screen.getByText('Events not sealed yet: 3')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Verify the chain' }));
    expect(await screen.findByText('BROKEN')).toBeTruthy();
    expect(screen.getByText('Sealed events have been changed, removed or added. (checkpoint 17)')).toBeTruthy();
    expect(screen.queryByText(/English for developers/)).toBeNull();
  });
});

describe("a company administrator's own Administrators page", () => {
  const admin = meFixture({
    id: admins[0]?.account_id,
    email: 'admin@demo.test',
    roles: ['company_admin'],
    person: null,
    companies: [{ id: companyId, name: 'Demo Bygg AB' }],
  });

  test('is a tab of the company area; removing the last administrator is explained', async () => {
    const server = signedIn(
      {
        [`GET /api/v1/companies/${companyId}/card-orders`]: { body: { items: [] } },
        [`GET /api/v1/companies/${companyId}/admins`]: { body: [admins[0]] },
        [`DELETE /api/v1/companies/${companyId}/admins/${admins[0]?.account_id}`]: problem(409, 'last_admin'),
      },
      admin,
    );
    const { router } = renderRoute(`/company/${companyId}/orders`);
    const tabs = await screen.findByRole('navigation', { name: 'Company' });
    fireEvent.click(within(tabs).getByRole('link', { name: 'Administrators' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/company/${companyId}/admins`));
    expect(await screen.findByRole('heading', { level: 1, name: 'Administrators' })).toBeTruthy();
    expect(await screen.findByText('This is you')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove admin@demo.test' }));
    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toContain('You lose access to the card orders and cards of Demo Bygg AB at once.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Yes, remove' }));
    expect(await screen.findByText('A company keeps at least one administrator: invite another first.')).toBeTruthy();
    expect(server.requests.some((r) => r.path === '/api/v1/companies')).toBe(false);
  });

  test('operator pages are not theirs', async () => {
    const server = signedIn({}, admin);
    renderRoute('/operator/companies');
    expect(await screen.findByRole('heading', { level: 1, name: 'You cannot use this page' })).toBeTruthy();
    expect(server.requests.some((r) => r.path === '/api/v1/companies')).toBe(false);
  });
});

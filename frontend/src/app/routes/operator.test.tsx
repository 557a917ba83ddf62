import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { meFixture, problem, signedInRefresh, stubApi } from '../../test/api-stub';
import { renderRoute } from '../../test/render-route';

const operator = meFixture({ email: 'operator@demo.test', roles: ['operator'], person: null });

const signedIn = (routes: Parameters<typeof stubApi>[0] = {}) =>
  stubApi({ 'POST /api/v1/auth/refresh': signedInRefresh, 'GET /api/v1/me': { body: operator }, ...routes });

const printer = {
  client_id: 'nordic-card-print',
  name: 'Nordic Card Print AB',
  webhook_url: 'https://print.example.net/sitecard/webhooks',
  webhook_events: ['order.confirmed', 'card.blocked'],
  created_at: '2026-11-20T08:00:00Z',
  secret_rotated_at: '2026-12-01T10:15:00Z',
};
const quiet = {
  client_id: 'demo-partner',
  name: 'Demo Partner',
  webhook_events: null,
  created_at: '2026-11-01T08:00:00Z',
};
const clients = { body: { items: [printer, quiet] } };

const secrets = {
  client_id: 'acme-print',
  client_secret: 'q8N1vX0cS3m7Tz5bKp2wYh9LdR4fGj6E',
  webhook_secret: 'Zt3uV9kW2xY5aB8cD1eF4gH7iJ0kL6mN',
};

function message(overrides: Record<string, unknown> = {}) {
  return {
    id: '01a24aac-77f7-73c5-aee3-bcddea1d90c1',
    channel: 'webhook',
    to: 'https://print.example.net',
    kind: 'order.confirmed',
    status: 'dead',
    attempts: 12,
    last_error: 'rejected by partner: status 503',
    next_attempt_at: '2026-12-06T15:30:00Z',
    created_at: '2026-12-06T09:30:00Z',
    ...overrides,
  };
}

describe('who sees the operator console', () => {
  test('an operator has it in the navigation; it opens on the companies, with partner clients a tab', async () => {
    signedIn({ 'GET /api/v1/partner-clients': clients, 'GET /api/v1/companies': { body: { items: [] } } });
    const { router } = renderRoute('/');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    fireEvent.click(await within(nav).findByRole('link', { name: 'Operator console' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/operator/companies'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Companies' })).toBeTruthy();
    const tabs = screen.getByRole('navigation', { name: 'Operator console' });
    fireEvent.click(within(tabs).getByRole('link', { name: 'Partner clients' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Partner clients' })).toBeTruthy();
  });

  test('anyone else is not shown it, and its pages say so without asking the API', async () => {
    const server = stubApi({
      'POST /api/v1/auth/refresh': signedInRefresh,
      'GET /api/v1/me': { body: meFixture({ roles: ['cardholder', 'company_admin', 'verifier'] }) },
    });
    renderRoute('/operator/partner-clients');
    expect(await screen.findByRole('heading', { level: 1, name: 'You cannot use this page' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    await within(nav).findByRole('link', { name: 'Your account' });
    expect(within(nav).queryByRole('link', { name: 'Operator console' })).toBeNull();
    expect(server.requests.some((r) => r.path.startsWith('/api/v1/partner-clients'))).toBe(false);
  });
});

describe('partner clients', () => {
  test('the list shows names, ids, webhooks, events and dates', async () => {
    signedIn({ 'GET /api/v1/partner-clients': clients });
    renderRoute('/operator/partner-clients');
    const table = await screen.findByRole('table', { name: 'Partner clients with their webhooks and dates' });
    const [, first, second] = within(table).getAllByRole('row');
    expect(first?.textContent).toContain('Nordic Card Print AB');
    expect(first?.textContent).toContain('nordic-card-print');
    expect(first?.textContent).toContain('https://print.example.net/sitecard/webhooks');
    expect(first?.textContent).toContain('Order confirmed, Card blocked');
    expect(first?.textContent).toContain('Created 20 November 2026');
    expect(first?.textContent).toContain('Secrets rotated 1 December 2026');
    expect(second?.textContent).toContain('No webhooks');
    expect(second?.textContent).toContain('Secrets never rotated');
    expect(screen.getByRole('link', { name: 'Edit Demo Partner' }).getAttribute('href')).toBe(
      '/operator/partner-clients/demo-partner/edit',
    );
    expect(screen.getByText('Partner clients: 2')).toBeTruthy();
  });

  test('"All event types" is checked; unchecking it reveals one box per type', async () => {
    signedIn({ 'GET /api/v1/partner-clients': clients });
    renderRoute('/operator/partner-clients/new');
    const all = await screen.findByLabelText<HTMLInputElement>('All event types');
    expect(all.checked).toBe(true);
    expect(screen.queryByLabelText('Order confirmed')).toBeNull();
    fireEvent.click(all);
    expect(screen.getAllByRole('checkbox')).toHaveLength(10);
    expect(screen.getByLabelText('Card expired')).toBeTruthy();
  });

  test("the server's field errors show at the fields, in words", async () => {
    const server = signedIn({
      'GET /api/v1/partner-clients': clients,
      'POST /api/v1/partner-clients': problem(422, 'validation_failed', {
        errors: [
          { field: 'client_id', code: 'invalid_format', message: 'English for developers' },
          { field: 'webhook_events', code: 'invalid_value', message: 'unknown event type x' },
        ],
      }),
    });
    renderRoute('/operator/partner-clients/new');
    fireEvent.change(await screen.findByLabelText('Client ID'), { target: { value: 'acme-print' } });
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Acme Print' } });
    fireEvent.click(screen.getByLabelText('All event types'));
    fireEvent.click(screen.getByLabelText('Card blocked'));
    fireEvent.click(screen.getByLabelText('Order confirmed'));
    fireEvent.click(screen.getByRole('button', { name: 'Create the partner client' }));
    const link = await screen.findByRole('link', { name: /Enter a client ID of 3 to 64/ });
    expect(link.getAttribute('href')).toBe('#client_id');
    expect(screen.getByRole('link', { name: /does not know one of the chosen event types/ }).getAttribute('href')).toBe(
      '#event-order-confirmed',
    );
    expect(screen.getByLabelText('Client ID').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByText('English for developers')).toBeNull();
    // The chosen types go in the list's order, not the order they were clicked.
    expect(server.to('POST /api/v1/partner-clients')[0]?.body).toEqual({
      client_id: 'acme-print',
      name: 'Acme Print',
      webhook_url: null,
      webhook_events: ['order.confirmed', 'card.blocked'],
    });
  });

  test('a taken id and a refused webhook URL are said at their fields; nothing is sent for a bad form', async () => {
    const server = signedIn({
      'GET /api/v1/partner-clients': clients,
      'POST /api/v1/partner-clients': [problem(409, 'client_exists'), problem(422, 'invalid_webhook_url')],
    });
    renderRoute('/operator/partner-clients/new');
    fireEvent.click(await screen.findByRole('button', { name: 'Create the partner client' }));
    expect(await screen.findByRole('link', { name: 'Enter a client ID.' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Enter a name.' })).toBeTruthy();
    expect(server.to('POST /api/v1/partner-clients')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Client ID'), { target: { value: 'demo-partner' } });
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Acme' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create the partner client' }));
    expect(await screen.findByRole('link', { name: /A partner client with this ID exists already/ })).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Webhook URL (optional)'), { target: { value: 'http://10.0.0.1/hook' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create the partner client' }));
    const refused = await screen.findByRole('link', { name: /Sitecard cannot post to this address/ });
    expect(refused.getAttribute('href')).toBe('#webhook_url');
  });

  test('the secrets are shown once after creating; leaving hides them for good', async () => {
    const server = signedIn({
      'GET /api/v1/partner-clients': clients,
      'POST /api/v1/partner-clients': { status: 201, body: secrets },
    });
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { router } = renderRoute('/operator/partner-clients/new');
    fireEvent.change(await screen.findByLabelText('Client ID'), { target: { value: 'acme-print' } });
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Acme Print' } });
    fireEvent.change(screen.getByLabelText('Webhook URL (optional)'), {
      target: { value: 'https://acme.example.com/hooks' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create the partner client' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Partner client created' })).toBeTruthy();
    expect(server.to('POST /api/v1/partner-clients')[0]?.body).toEqual({
      client_id: 'acme-print',
      name: 'Acme Print',
      webhook_url: 'https://acme.example.com/hooks',
      webhook_events: null,
    });
    expect(screen.getByText('Store these secrets now')).toBeTruthy();
    expect(document.activeElement?.classList.contains('warning-box')).toBe(true);
    expect(screen.getByText(secrets.client_secret)).toBeTruthy();
    expect(screen.getByText(secrets.webhook_secret)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Copy the webhook secret' }));
    expect(await screen.findByText('The webhook secret has been copied.')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith(secrets.webhook_secret);

    fireEvent.click(screen.getByRole('button', { name: 'I have stored them' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/operator/partner-clients'));
    expect(await screen.findByText('The partner client Acme Print has been created')).toBeTruthy();
    expect(screen.queryByText(secrets.client_secret)).toBeNull();
    // Back to the form: empty, no secrets anywhere.
    await router.navigate(-1);
    await screen.findByRole('heading', { level: 1, name: /New partner client|Partner clients/ });
    expect(document.body.textContent).not.toContain(secrets.client_secret);
    expect(document.body.textContent).not.toContain(secrets.webhook_secret);
    Reflect.deleteProperty(navigator, 'clipboard');
  });

  test('editing sends only what changed', async () => {
    const server = signedIn({
      'GET /api/v1/partner-clients': clients,
      'PATCH /api/v1/partner-clients/nordic-card-print': {
        body: { ...printer, webhook_url: undefined, webhook_events: null },
      },
    });
    const { router } = renderRoute('/operator/partner-clients/nordic-card-print/edit');
    expect(await screen.findByRole('heading', { level: 1, name: 'Change Nordic Card Print AB' })).toBeTruthy();
    expect(screen.queryByLabelText('Client ID')).toBeNull();
    expect(screen.getByLabelText<HTMLInputElement>('Card blocked').checked).toBe(true);
    expect(screen.getByLabelText<HTMLInputElement>('Card expired').checked).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Save the changes' }));
    expect(await screen.findByText('You have not changed anything.')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Webhook URL (optional)'), { target: { value: '' } });
    fireEvent.click(screen.getByLabelText('All event types'));
    fireEvent.click(screen.getByRole('button', { name: 'Save the changes' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/operator/partner-clients'));
    expect(server.to('PATCH /api/v1/partner-clients/nordic-card-print')[0]?.body).toEqual({
      webhook_url: null,
      webhook_events: null,
    });
    expect(await screen.findByText('The changes to Nordic Card Print AB have been saved')).toBeTruthy();
  });

  test('unchecking every type is refused before anything is sent', async () => {
    const server = signedIn({ 'GET /api/v1/partner-clients': clients });
    renderRoute('/operator/partner-clients/nordic-card-print/edit');
    fireEvent.click(await screen.findByLabelText('Card blocked'));
    fireEvent.click(screen.getByLabelText('Order confirmed'));
    fireEvent.click(screen.getByRole('button', { name: 'Save the changes' }));
    const link = await screen.findByRole('link', { name: 'Choose at least one event type, or All event types.' });
    expect(link.getAttribute('href')).toBe('#event-order-confirmed');
    expect(server.to('PATCH /api/v1/partner-clients/nordic-card-print')).toHaveLength(0);
  });

  test('rotating asks first, then shows the new secrets once', async () => {
    const server = signedIn({
      'GET /api/v1/partner-clients': clients,
      'POST /api/v1/partner-clients/nordic-card-print/rotate-secret': {
        body: { ...secrets, client_id: 'nordic-card-print' },
      },
    });
    renderRoute('/operator/partner-clients');
    fireEvent.click(await screen.findByRole('link', { name: 'Rotate secrets Nordic Card Print AB' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Rotate the secrets of Nordic Card Print AB' })).toBeTruthy();
    expect(screen.getByText('The old client secret stops working at once')).toBeTruthy();
    expect(server.to('POST /api/v1/partner-clients/nordic-card-print/rotate-secret')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Yes, rotate the secrets' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'New secrets' })).toBeTruthy();
    expect(server.to('POST /api/v1/partner-clients/nordic-card-print/rotate-secret')).toHaveLength(1);
    expect(screen.getByText(secrets.client_secret)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'I have stored them' }));
    expect(await screen.findByText('The secrets of Nordic Card Print AB have been rotated')).toBeTruthy();
    expect(screen.queryByText(secrets.client_secret)).toBeNull();
  });

  test('keeping the current secrets sends nothing', async () => {
    const server = signedIn({ 'GET /api/v1/partner-clients': clients });
    const { router } = renderRoute('/operator/partner-clients/nordic-card-print/rotate');
    fireEvent.click(await screen.findByRole('link', { name: 'Keep the current secrets' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/operator/partner-clients'));
    expect(server.requests.some((r) => r.path.endsWith('/rotate-secret'))).toBe(false);
  });

  test('an unknown client id is said in words', async () => {
    signedIn({ 'GET /api/v1/partner-clients': clients });
    renderRoute('/operator/partner-clients/nobody/edit');
    expect(await screen.findByText('There is no partner client with this ID.')).toBeTruthy();
  });
});

describe('the outbox', () => {
  test('the status filter is in the URL and maps to the API; "Waiting" is pending', async () => {
    const server = signedIn({
      'GET /api/v1/outbox': { body: { items: [message({ status: 'pending', last_error: null })] } },
    });
    const { router } = renderRoute('/operator/outbox?cursor=c2');
    expect(await screen.findByText('https://print.example.net')).toBeTruthy();
    expect(server.to('GET /api/v1/outbox')[0]?.search).toBe('?limit=20&cursor=c2');
    const options = within(screen.getByLabelText('Status')).getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['All', 'Waiting', 'Sent', 'Dead letters']);
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'pending' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    await waitFor(() => expect(router.state.location.search).toBe('?status=pending'));
    await waitFor(() => expect(server.to('GET /api/v1/outbox').at(-1)?.search).toBe('?status=pending&limit=20'));
    expect(screen.queryByRole('button', { name: /Send again/ })).toBeNull();
  });

  test('a page shows channel, recipient, kind, status, attempts, last error and paging', async () => {
    signedIn({
      'GET /api/v1/outbox': {
        body: {
          items: [message(), message({ id: 'm2', channel: 'sms', to: '+46•••••••03', kind: 'login-code', status: 'sent', attempts: 1, last_error: null })],
          next_cursor: 'm2',
        },
      },
    });
    renderRoute('/operator/outbox?status=dead');
    const table = await screen.findByRole('table', { name: 'Messages in the outbox, newest first' });
    const [, dead, sent] = within(table).getAllByRole('row');
    expect(dead?.textContent).toContain('Webhook');
    expect(dead?.textContent).toContain('order.confirmed');
    expect(dead?.textContent).toContain('Dead letter');
    expect(dead?.textContent).toContain('Attempts: 12');
    expect(dead?.textContent).toContain('rejected by partner: status 503');
    expect(sent?.textContent).toContain('Text message');
    expect(sent?.textContent).toContain('+46•••••••03');
    expect(sent?.textContent).toContain('None');
    expect(within(sent as HTMLElement).queryByRole('button')).toBeNull();
    expect(screen.getByRole('link', { name: 'Next page' }).getAttribute('href')).toBe('/operator/outbox?status=dead&cursor=m2');
  });

  test('"Send again" retries a dead letter, says so in a live region and reloads the list', async () => {
    const server = signedIn({
      'GET /api/v1/outbox': [{ body: { items: [message()] } }, { body: { items: [message({ status: 'pending', attempts: 0 })] } }],
      [`POST /api/v1/outbox/${message().id}/retry`]: { status: 202 },
    });
    renderRoute('/operator/outbox');
    fireEvent.click(await screen.findByRole('button', { name: 'Send again the message to https://print.example.net' }));
    const status = await screen.findByText('The message to https://print.example.net will be sent again within a few seconds.');
    expect(status.closest('[role="status"]')).toBeTruthy();
    await waitFor(() => expect(server.to('GET /api/v1/outbox')).toHaveLength(2));
    await waitFor(() => expect(screen.queryByRole('button', { name: /Send again/ })).toBeNull());
    expect(document.querySelector('main table [data-status]')?.textContent).toBe('Waiting');
  });

  test('a message that is no longer dead (409) is explained and the list refreshed', async () => {
    const server = signedIn({
      'GET /api/v1/outbox': [{ body: { items: [message()] } }, { body: { items: [message({ status: 'sent' })] } }],
      [`POST /api/v1/outbox/${message().id}/retry`]: problem(409, 'not_dead'),
    });
    renderRoute('/operator/outbox');
    fireEvent.click(await screen.findByRole('button', { name: /^Send again/ }));
    expect(await screen.findByText(/is no longer a dead letter, so it was not sent again/)).toBeTruthy();
    await waitFor(() => expect(server.to('GET /api/v1/outbox')).toHaveLength(2));
    await waitFor(() => expect(document.querySelector('main table [data-status]')?.textContent).toBe('Sent'));
  });
});

import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { meFixture, problem, signedInRefresh, stubApi } from '../../test/api-stub';
import { renderRoute } from '../../test/render-route';

const companyId = '01a2166d-05f6-728c-bda2-8186f3e5dc22';
const orderId = '01a2166d-0677-7563-801d-de4be8b713df';
const base = `/api/v1/companies/${companyId}`;

const admin = meFixture({
  email: 'admin@demo.test',
  roles: ['company_admin'],
  person: null,
  companies: [{ id: companyId, name: 'Demo Bygg AB' }],
});

const signedIn = (routes: Parameters<typeof stubApi>[0] = {}) =>
  stubApi({ 'POST /api/v1/auth/refresh': signedInRefresh, 'GET /api/v1/me': { body: admin }, ...routes });

function companyOrder(overrides: Record<string, unknown> = {}) {
  return {
    id: orderId,
    status: 'needs_correction',
    version: 5,
    company: { id: companyId, name: 'Demo Bygg AB' },
    holder: { given_names: 'Jan Piotr', surname: 'Kowalsky', date_of_birth: '1990-04-12', nationality: 'POL' },
    email: 'worker@demo.test',
    phone: null,
    delivery: {
      recipient: 'Site office',
      address_line1: 'Byggvägen 1',
      address_line2: null,
      postal_code: '111 22',
      city: 'Stockholm',
      country: 'SE',
    },
    mismatch_fields: ['surname'],
    photo_url: null,
    reason: null,
    card_number: null,
    tracking_number: null,
    created_at: '2026-11-26T05:00:00Z',
    updated_at: '2026-11-26T06:00:00Z',
    history: [{ status: 'awaiting_photo', at: '2026-11-26T05:00:00Z' }],
    ...overrides,
  };
}

describe('the company area', () => {
  test('/company goes straight to the orders of the one company administered', async () => {
    signedIn({ [`GET ${base}/card-orders`]: { body: { items: [], next_cursor: null } } });
    const { router } = renderRoute('/company');
    await waitFor(() => expect(router.state.location.pathname).toBe(`/company/${companyId}/orders`));
    expect(await screen.findByText('Your company has not ordered any cards yet.')).toBeTruthy();
  });

  test('another company’s pages say so, without asking the API', async () => {
    const server = signedIn();
    renderRoute('/company/01a2166d-0000-0000-0000-000000000000/orders');
    expect(await screen.findByText('You are not an administrator of this company.')).toBeTruthy();
    expect(server.requests.some((r) => r.path.includes('/card-orders'))).toBe(false);
  });

  test('the emailed admin link leads to the order', async () => {
    signedIn({ [`GET ${base}/card-orders/${orderId}`]: { body: companyOrder() } });
    const { router } = renderRoute(`/admin/companies/${companyId}/orders/${orderId}`);
    await waitFor(() => expect(router.state.location.pathname).toBe(`/company/${companyId}/orders/${orderId}`));
    expect(await screen.findByRole('heading', { level: 1, name: 'Jan Piotr Kowalsky' })).toBeTruthy();
  });
});

describe('orders list: filter and paging in the URL', () => {
  test('status and page come from the URL; "Next" links to the next cursor', async () => {
    const server = signedIn({
      [`GET ${base}/card-orders`]: {
        body: { items: [companyOrder()], next_cursor: '01a2166d-aaaa-7563-801d-de4be8b713df' },
      },
    });
    renderRoute(`/company/${companyId}/orders?status=needs_correction&limit=10&cursor=c2&back=c1`);
    expect(await screen.findByRole('link', { name: 'Jan Piotr Kowalsky' })).toBeTruthy();
    expect(server.to(`GET ${base}/card-orders`)[0]?.search).toBe('?status=needs_correction&limit=10&cursor=c2');
    expect(screen.getByLabelText<HTMLSelectElement>('Status').value).toBe('needs_correction');
    expect(screen.getByText('Page 3')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Next page' }).getAttribute('href')).toBe(
      `/company/${companyId}/orders?status=needs_correction&limit=10&cursor=01a2166d-aaaa-7563-801d-de4be8b713df&back=c1%2Cc2`,
    );
    expect(screen.getByRole('link', { name: 'Previous page' }).getAttribute('href')).toBe(
      `/company/${companyId}/orders?status=needs_correction&limit=10&cursor=c1`,
    );
  });

  test('applying a filter starts at page one', async () => {
    signedIn({ [`GET ${base}/card-orders`]: { body: { items: [], next_cursor: null } } });
    const { router } = renderRoute(`/company/${companyId}/orders?cursor=c2`);
    fireEvent.change(await screen.findByLabelText('Status'), { target: { value: 'cancelled' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    await waitFor(() => expect(router.state.location.search).toBe('?status=cancelled'));
    expect(await screen.findByText('No orders with the status “Cancelled”.')).toBeTruthy();
  });
});

describe('ordering a card', () => {
  const fill = () => {
    fireEvent.change(screen.getByLabelText('Given names'), { target: { value: 'Anna' } });
    fireEvent.change(screen.getByLabelText('Surname'), { target: { value: 'Berg' } });
    const dob = screen.getByRole('group', { name: 'Date of birth' });
    fireEvent.change(within(dob).getByLabelText('Day'), { target: { value: '1' } });
    fireEvent.change(within(dob).getByLabelText('Month'), { target: { value: '2' } });
    fireEvent.change(within(dob).getByLabelText('Year'), { target: { value: '1991' } });
    fireEvent.change(screen.getByLabelText("Worker's email address"), { target: { value: 'anna@example.com' } });
    fireEvent.change(screen.getByLabelText('Recipient'), { target: { value: 'Site office' } });
    fireEvent.change(screen.getByLabelText('Address line 1'), { target: { value: 'Byggvägen 1' } });
    fireEvent.change(screen.getByLabelText('Postal code'), { target: { value: '111 22' } });
    fireEvent.change(screen.getByLabelText('Town or city'), { target: { value: 'Stockholm' } });
  };

  test('a complete form is sent as the API wants it, then the photo is asked for', async () => {
    const server = signedIn({
      [`POST ${base}/card-orders`]: { status: 201, body: companyOrder({ status: 'awaiting_photo', mismatch_fields: [] }) },
      [`GET ${base}/card-orders/${orderId}`]: { body: companyOrder({ status: 'awaiting_photo', mismatch_fields: [] }) },
    });
    const { router } = renderRoute(`/company/${companyId}/orders/new`);
    await screen.findByRole('heading', { level: 1, name: 'Order a card' });
    fill();
    fireEvent.click(screen.getByRole('button', { name: 'Continue to the photo' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/company/${companyId}/orders/${orderId}/photo`));
    expect(server.to(`POST ${base}/card-orders`)[0]?.body).toEqual({
      given_names: 'Anna',
      surname: 'Berg',
      date_of_birth: '1991-02-01',
      nationality: null,
      email: 'anna@example.com',
      phone: null,
      delivery: {
        recipient: 'Site office',
        address_line1: 'Byggvägen 1',
        address_line2: null,
        postal_code: '111 22',
        city: 'Stockholm',
        country: 'SE',
      },
    });
    expect(await screen.findByText('The order has been created')).toBeTruthy();
    expect(screen.getByLabelText('Choose the photo').getAttribute('accept')).toBe('image/jpeg,image/png');
  });

  test("the server's field errors are shown at the fields, in words", async () => {
    signedIn({
      [`POST ${base}/card-orders`]: problem(422, 'validation_failed', {
        errors: [{ field: 'delivery.postal_code', code: 'invalid_format', message: 'English for developers' }],
      }),
    });
    renderRoute(`/company/${companyId}/orders/new`);
    await screen.findByRole('heading', { level: 1, name: 'Order a card' });
    fill();
    fireEvent.click(screen.getByRole('button', { name: 'Continue to the photo' }));
    const link = await screen.findByRole('link', { name: /Enter a postal code of 2 to 12/ }, { timeout: 4000 });
    expect(link.getAttribute('href')).toBe('#delivery-postal_code');
    expect(screen.queryByText('English for developers')).toBeNull();
  });
});

describe('correcting and cancelling', () => {
  test('the fields that did not match are marked; only changes are sent, with the version', async () => {
    const server = signedIn({
      [`GET ${base}/card-orders/${orderId}`]: { body: companyOrder() },
      [`PATCH ${base}/card-orders/${orderId}`]: {
        body: companyOrder({
          status: 'awaiting_cardholder',
          version: 6,
          holder: { ...companyOrder().holder, surname: 'Kowalski' },
          mismatch_fields: [],
        }),
      },
    });
    const { router } = renderRoute(`/company/${companyId}/orders/${orderId}/correct`);
    const surname = await screen.findByLabelText('Surname');
    // Marked like on the order's page: the tag, a yellow bar beside the field, and why in the hint.
    expect(surname.getAttribute('aria-describedby')).toBe('surname-flag surname-hint');
    expect(document.getElementById('surname-flag')?.textContent).toBe('Not as in the passport');
    expect(surname.closest('.form-group')?.classList.contains('form-group--flagged')).toBe(true);
    expect(screen.getByText("The worker's passport or ID card says something different here.")).toBeTruthy();
    expect(screen.getByLabelText('Given names').closest('.form-group')?.classList.contains('form-group--flagged')).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Save the correction' }));
    expect(await screen.findByText('You have not changed anything.')).toBeTruthy();

    fireEvent.change(surname, { target: { value: 'Kowalski' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the correction' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/company/${companyId}/orders/${orderId}`));
    expect(server.to(`PATCH ${base}/card-orders/${orderId}`)[0]?.body).toEqual({ version: 5, surname: 'Kowalski' });
    expect(await screen.findByText('The order has been corrected')).toBeTruthy();
  });

  test('a stale version is explained and the latest order loaded', async () => {
    const server = signedIn({
      [`GET ${base}/card-orders/${orderId}`]: [{ body: companyOrder() }, { body: companyOrder({ version: 6 }) }],
      [`PATCH ${base}/card-orders/${orderId}`]: problem(409, 'stale_version'),
    });
    renderRoute(`/company/${companyId}/orders/${orderId}/correct`);
    fireEvent.change(await screen.findByLabelText('Surname'), { target: { value: 'Kowalski' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the correction' }));
    expect(await screen.findByText(/Someone changed the order while you were editing it/)).toBeTruthy();
    await waitFor(() => expect(server.to(`GET ${base}/card-orders/${orderId}`).length).toBeGreaterThan(1));
  });

  test('cancelling is confirmed on its own page and sends the reason', async () => {
    const server = signedIn({
      [`GET ${base}/card-orders/${orderId}`]: { body: companyOrder() },
      [`POST ${base}/card-orders/${orderId}/cancel`]: { body: companyOrder({ status: 'cancelled' }) },
      [`GET ${base}/card-orders`]: { body: { items: [], next_cursor: null } },
    });
    renderRoute(`/company/${companyId}/orders/${orderId}/cancel`);
    expect(await screen.findByText('Are you sure you want to cancel the card order for Jan Piotr Kowalsky?')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Reason (optional)'), { target: { value: 'Ordered twice' } });
    fireEvent.click(screen.getByRole('button', { name: 'Yes, cancel the order' }));
    expect(await screen.findByText('The order has been cancelled')).toBeTruthy();
    expect(server.to(`POST ${base}/card-orders/${orderId}/cancel`)[0]?.body).toEqual({ reason: 'Ordered twice' });
  });
});

describe('cards: block, unblock, terminate', () => {
  const cardId = '01a2166d-1111-7563-801d-de4be8b713df';
  const card = (status: string) => ({
    id: cardId,
    card_number: 'AB1234567890',
    card_number_last4: '7890',
    status,
    company: { id: companyId, name: 'Demo Bygg AB' },
    valid_until: '2031-11-26',
    order_id: orderId,
    activated_at: '2026-11-26T07:00:00Z',
    reason: null,
  });

  test('each card offers what its status allows', async () => {
    signedIn({ [`GET ${base}/cards`]: { body: { items: [card('active')], next_cursor: null } } });
    renderRoute(`/company/${companyId}/cards`);
    expect(await screen.findByRole('link', { name: 'Block AB 1234 5678 90' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Terminate AB 1234 5678 90' }).getAttribute('href')).toBe(
      `/company/${companyId}/cards/${cardId}/terminate`,
    );
    expect(screen.queryByRole('link', { name: /^Unblock/ })).toBeNull();
  });

  test('terminating needs a reason, then an explicit confirmation; nothing is sent before it', async () => {
    const server = signedIn({
      [`GET ${base}/cards`]: { body: { items: [card('active')], next_cursor: null } },
      [`GET ${base}/card-orders/${orderId}`]: { body: companyOrder({ status: 'delivered', surname: 'Kowalski' }) },
      [`POST ${base}/cards/${cardId}/terminate`]: { body: card('terminated') },
    });
    const { router } = renderRoute(`/company/${companyId}/cards/${cardId}/terminate`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Terminate the card' })).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('link', { name: 'Enter a reason.' })).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: 'Left the company' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('heading', { name: 'This cannot be undone' })).toBeTruthy();
    expect(server.to(`POST ${base}/cards/${cardId}/terminate`)).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Terminate the card for good' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/company/${companyId}/cards`));
    expect(server.to(`POST ${base}/cards/${cardId}/terminate`)[0]?.body).toEqual({ reason: 'Left the company' });
    expect(await screen.findByText('Card AB 1234 5678 90 has been terminated')).toBeTruthy();
  });

  test('blocking is one step, with a reason', async () => {
    const server = signedIn({
      [`GET ${base}/cards`]: { body: { items: [card('active')], next_cursor: null } },
      [`GET ${base}/card-orders/${orderId}`]: { body: companyOrder({ status: 'delivered' }) },
      [`POST ${base}/cards/${cardId}/block`]: { body: card('blocked') },
    });
    renderRoute(`/company/${companyId}/cards/${cardId}/block`);
    fireEvent.change(await screen.findByLabelText('Reason'), { target: { value: 'Lost on site' } });
    fireEvent.click(screen.getByRole('button', { name: 'Block the card' }));
    expect(await screen.findByText('Card AB 1234 5678 90 has been blocked')).toBeTruthy();
    expect(server.to(`POST ${base}/cards/${cardId}/block`)[0]?.body).toEqual({ reason: 'Lost on site' });
  });
});

import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { meFixture, problem, signedInRefresh, stubApi } from '../../test/api-stub';
import { renderRoute } from '../../test/render-route';

const orderId = '01a2166d-0677-7563-801d-de4be8b713df';

function holderOrder(overrides: Record<string, unknown> = {}) {
  return {
    id: orderId,
    status: 'awaiting_cardholder',
    version: 3,
    company: { id: '01a2166d-05f6-728c-bda2-8186f3e5dc22', name: 'Demo Bygg AB' },
    holder: { given_names: 'Jan Piotr', surname: 'Kowalsky', date_of_birth: '1990-04-12', nationality: 'POL' },
    delivery: {
      recipient: 'Demo Bygg AB, site office',
      address_line1: 'Byggvägen 1',
      address_line2: null,
      postal_code: '111 22',
      city: 'Stockholm',
      country: 'SE',
    },
    missing_contact_fields: [],
    photo_url: null,
    mismatch_fields: [],
    identity_check: { matches: true, fields: [] },
    reason: null,
    created_at: '2026-11-26T05:56:13Z',
    history: [
      { status: 'awaiting_photo', at: '2026-11-26T05:56:13Z' },
      { status: 'awaiting_photo_review', at: '2026-11-26T05:57:13Z' },
      { status: 'awaiting_cardholder', at: '2026-11-26T05:58:13Z' },
    ],
    ...overrides,
  };
}

const withAddress = meFixture({
  contact: {
    phone: '+46700000003',
    address_line1: 'Storgatan 1',
    address_line2: null,
    postal_code: '111 22',
    city: 'Stockholm',
    country: 'SE',
  },
});

const signedIn = (routes: Parameters<typeof stubApi>[0] = {}, me = withAddress) =>
  stubApi({ 'POST /api/v1/auth/refresh': signedInRefresh, 'GET /api/v1/me': { body: me }, ...routes });

describe('my card orders', () => {
  test('no orders: says so and how orders arrive', async () => {
    signedIn({ 'GET /api/v1/me/card-orders': { body: [] } });
    renderRoute('/orders');
    expect(await screen.findByText('You have no card orders.')).toBeTruthy();
  });

  test('each order: status in words, what happens next, the timeline with steps still to come', async () => {
    signedIn({ 'GET /api/v1/me/card-orders': { body: [holderOrder()] } });
    renderRoute('/orders');
    const link = await screen.findByRole('link', { name: 'Card for Demo Bygg AB' });
    expect(link.getAttribute('href')).toBe(`/orders/${orderId}`);
    const item = link.closest('li') as HTMLElement;
    expect(within(item).getByText('Waiting for you to check and accept', { selector: '.tag' })).toBeTruthy();
    expect(within(item).getByText('Check the order and accept it, so that the card can be made.')).toBeTruthy();
    const timeline = within(item).getByRole('list', { name: 'Progress of the order' });
    expect(within(timeline).getAllByText('Not yet')).toHaveLength(4);
    expect(within(timeline).getByText('Photo being checked')).toBeTruthy();
  });
});

describe('the order page and the worker’s progress', () => {
  test('an order waiting for the worker shows step 3 of 6 and where the card goes', async () => {
    signedIn({ [`GET /api/v1/me/card-orders/${orderId}`]: { body: holderOrder() } });
    renderRoute(`/orders/${orderId}`);
    expect(await screen.findByText('Step 3 of 6: Your order')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Your card order' })).toBeTruthy();
    expect(screen.getByText('Byggvägen 1')).toBeTruthy();
    expect(screen.getByText('111 22 Stockholm')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Start' }).getAttribute('href')).toBe(`/orders/${orderId}/details`);
    expect(screen.getByRole('link', { name: 'Reject this order' }).getAttribute('href')).toBe(`/orders/${orderId}/reject`);
  });

  test('an order that needs correction explains why and who must fix it, without a progress bar', async () => {
    signedIn({
      [`GET /api/v1/me/card-orders/${orderId}`]: {
        body: holderOrder({ status: 'needs_correction', mismatch_fields: ['surname'] }),
      },
    });
    renderRoute(`/orders/${orderId}`);
    const box = await screen.findByTestId('mismatch-explanation');
    expect(within(box).getByText('Surname')).toBeTruthy();
    expect(within(box).getByText('Demo Bygg AB must correct the order. We have told them.')).toBeTruthy();
    expect(within(box).getByText(/because the card is checked against it/)).toBeTruthy();
    expect(screen.queryByText(/Step 3 of 6/)).toBeNull();
  });

  test('an order that is not the worker’s is "not found", in words', async () => {
    signedIn({ [`GET /api/v1/me/card-orders/${orderId}`]: problem(404, 'not_found') });
    renderRoute(`/orders/${orderId}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Order not found' })).toBeTruthy();
  });

  test('the details step asks for a missing address and goes on to the check', async () => {
    const server = signedIn(
      {
        [`GET /api/v1/me/card-orders/${orderId}`]: [
          { body: holderOrder({ missing_contact_fields: ['address_line1', 'postal_code', 'city', 'country'] }) },
          { body: holderOrder() },
        ],
        'PATCH /api/v1/me/contact': { body: withAddress.contact },
      },
      meFixture(),
    );
    const { router } = renderRoute(`/orders/${orderId}/details`);
    expect(await screen.findByText('Step 4 of 6: Your details')).toBeTruthy();
    // The phone on file is shown (grouped for reading), with a way to change it.
    expect(await screen.findByText('+46 70 000 00 03')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Change mobile phone' }).getAttribute('href')).toBe('/account/phone');
    fireEvent.change(await screen.findByLabelText('Address line 1'), { target: { value: 'Storgatan 1' } });
    fireEvent.change(screen.getByLabelText('Postal code'), { target: { value: '111 22' } });
    fireEvent.change(screen.getByLabelText('Town or city'), { target: { value: 'Stockholm' } });
    fireEvent.change(screen.getByLabelText('Country'), { target: { value: 'SE' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save and continue' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/orders/${orderId}/check`));
    expect(server.to('PATCH /api/v1/me/contact')[0]?.body).toMatchObject({ address_line1: 'Storgatan 1', country: 'SE' });
  });
});

describe('check your answers and accept', () => {
  test('the order beside the passport, row by row; accept sends the version and shows step 6', async () => {
    const server = signedIn({
      [`GET /api/v1/me/card-orders/${orderId}`]: { body: holderOrder() },
      [`POST /api/v1/me/card-orders/${orderId}/accept`]: { body: holderOrder({ status: 'confirmed', version: 4 }) },
    });
    const { router } = renderRoute(`/orders/${orderId}/check`);
    expect(await screen.findByText('Step 5 of 6: Check and accept')).toBeTruthy();
    const surname = await screen.findByRole('row', { name: /Surname/ });
    expect(within(surname).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['Kowalsky', 'Kowalski']);
    const dob = screen.getByRole('row', { name: /Date of birth/ });
    expect(within(dob).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['12 April 1990', '12 April 1990']);
    expect(screen.getByRole('columnheader', { name: 'In your passport' })).toBeTruthy();
    expect(screen.getByText('+46 70 000 00 03')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Change address' }).getAttribute('href')).toBe(
      `/orders/${orderId}/details?change=address`,
    );

    fireEvent.click(screen.getByRole('button', { name: 'Accept the order' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/orders/${orderId}/done`));
    expect(server.to(`POST /api/v1/me/card-orders/${orderId}/accept`)[0]?.body).toEqual({ version: 3 });
    expect(await screen.findByText('Step 6 of 6: Done')).toBeTruthy();
  });

  test('after Accept, the authenticator app is offered once; "no, thanks" is remembered', async () => {
    const confirmed = holderOrder({ status: 'confirmed', version: 4 });
    const server = signedIn({
      [`GET /api/v1/me/card-orders/${orderId}`]: { body: confirmed },
      'POST /api/v1/me/authenticator-offer/decline': { status: 204 },
    });
    renderRoute(`/orders/${orderId}/done`);
    expect(await screen.findByRole('heading', { level: 2, name: 'Use an authenticator app to sign in?' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Set up an authenticator app' }).getAttribute('href')).toBe(
      `/account/security/authenticator?next=${encodeURIComponent(`/orders/${orderId}`)}`,
    );
    fireEvent.click(screen.getByRole('button', { name: 'No, thanks' }));
    expect(await screen.findByText('You can set up an authenticator app later in your account.')).toBeTruthy();
    expect(server.to('POST /api/v1/me/authenticator-offer/decline')).toHaveLength(1);
  });

  test('no offer once declined or when the app is already set up', async () => {
    for (const me of [meFixture({ totp_offer_declined: true }), meFixture({ totp_enabled: true })]) {
      signedIn({ [`GET /api/v1/me/card-orders/${orderId}`]: { body: holderOrder({ status: 'confirmed' }) } }, me);
      const { unmount } = renderRoute(`/orders/${orderId}/done`);
      expect(await screen.findByText('Step 6 of 6: Done')).toBeTruthy();
      expect(screen.queryByRole('heading', { name: 'Use an authenticator app to sign in?' })).toBeNull();
      unmount();
    }
  });

  test('a mismatch: the summary names the field and links to its row; the order now needs correction', async () => {
    signedIn({
      [`GET /api/v1/me/card-orders/${orderId}`]: [
        { body: holderOrder() },
        { body: holderOrder({ status: 'needs_correction', version: 4, mismatch_fields: ['surname'] }) },
      ],
      [`POST /api/v1/me/card-orders/${orderId}/accept`]: problem(422, 'identity_mismatch', {
        errors: [{ field: 'surname', code: 'mismatch', message: 'differs from the verified document' }],
      }),
    });
    renderRoute(`/orders/${orderId}/check`);
    fireEvent.click(await screen.findByRole('button', { name: 'Accept the order' }));

    const summary = await screen.findByRole('alert');
    const link = within(summary).getByRole('link', { name: 'Surname: the order is not the same as your document.' });
    expect(link.getAttribute('href')).toBe('#compare-surname');
    const box = await screen.findByTestId('mismatch-explanation');
    expect(within(box).getByText('Demo Bygg AB must correct the order. We have told them.')).toBeTruthy();
    expect(screen.getByText('Not the same')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Accept the order' })).toBeNull();
    expect(screen.queryByText(/differs from the verified document/)).toBeNull();
  });

  test('a mismatch known before Accept: flagged, explained, and Accept becomes "Tell the company"', async () => {
    const server = signedIn({
      [`GET /api/v1/me/card-orders/${orderId}`]: [
        { body: holderOrder({ identity_check: { matches: false, fields: ['surname'] } }) },
        { body: holderOrder({ status: 'needs_correction', version: 4, mismatch_fields: ['surname'] }) },
      ],
      [`POST /api/v1/me/card-orders/${orderId}/accept`]: problem(422, 'identity_mismatch', {
        errors: [{ field: 'surname', code: 'mismatch', message: 'differs from the verified document' }],
      }),
    });
    renderRoute(`/orders/${orderId}/check`);
    const before = await screen.findByTestId('mismatch-explanation');
    expect(within(before).getByText('Demo Bygg AB must correct the order. Tell them with the button below.')).toBeTruthy();
    expect(screen.getByText('Not the same')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Accept the order' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Tell Demo Bygg AB' }));
    const after = await screen.findByText('Demo Bygg AB must correct the order. We have told them.');
    expect(after).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(server.to(`POST /api/v1/me/card-orders/${orderId}/accept`)[0]?.body).toEqual({ version: 3 });
  });

  test('missing contact details are asked for before anything is sent', async () => {
    const server = signedIn(
      {
        [`GET /api/v1/me/card-orders/${orderId}`]: {
          body: holderOrder({ missing_contact_fields: ['address_line1', 'postal_code', 'city', 'country'] }),
        },
      },
      meFixture(),
    );
    renderRoute(`/orders/${orderId}/check`);
    fireEvent.click(await screen.findByRole('button', { name: 'Accept the order' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Add your home address before you accept.' }).getAttribute('href')).toBe(
      '#contact-address',
    );
    expect(server.to(`POST /api/v1/me/card-orders/${orderId}/accept`)).toHaveLength(0);
  });

  test('rejecting needs a reason, which is sent; the order page then says it was rejected', async () => {
    const server = signedIn({
      [`GET /api/v1/me/card-orders/${orderId}`]: { body: holderOrder() },
      [`POST /api/v1/me/card-orders/${orderId}/reject`]: {
        body: holderOrder({ status: 'rejected', reason: 'Not my employer' }),
      },
    });
    renderRoute(`/orders/${orderId}/reject`);
    fireEvent.click(await screen.findByRole('button', { name: 'Reject the order' }));
    expect(await screen.findByRole('link', { name: 'Enter a reason.' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Why are you rejecting the order?'), { target: { value: ' Not my employer ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Reject the order' }));
    expect(await screen.findByText('You have rejected the order')).toBeTruthy();
    expect(server.to(`POST /api/v1/me/card-orders/${orderId}/reject`)[0]?.body).toEqual({ reason: 'Not my employer' });
    expect(screen.getByText('Rejected by you')).toBeTruthy();
  });
});

const cardId = '01a2166d-1111-7563-801d-de4be8b713df';
// Before activation the cardholder gets only the last four digits; once active, the full number.
const card = (overrides: Record<string, unknown> = {}) => ({
  id: cardId,
  card_number_last4: '7890',
  ...(overrides.status && overrides.status !== 'inactive' ? { card_number: 'AB1234567890' } : {}),
  status: 'inactive',
  company: { id: 'c', name: 'Demo Bygg AB' },
  valid_until: '2031-11-26',
  order_id: orderId,
  activated_at: null,
  reason: null,
  ...overrides,
});

describe('my cards', () => {
  test('a delivered card: status, validity and "Activate"', async () => {
    signedIn({ 'GET /api/v1/me/cards': { body: [card()] } });
    renderRoute('/cards');
    expect(await screen.findByRole('heading', { name: '•••• 7890' })).toBeTruthy();
    expect(screen.getByText('Not activated yet')).toBeTruthy();
    expect(screen.getByText('26 November 2031')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Activate the card •••• 7890' }).getAttribute('href')).toBe(
      `/cards/${cardId}/activate`,
    );
  });

  test('activation: the format is checked first, a wrong number is explained, the right one shows the PIN', async () => {
    const server = signedIn({
      'GET /api/v1/me/cards': { body: [card()] },
      [`POST /api/v1/me/cards/${cardId}/activate`]: (_request, body) =>
        (body as { card_number: string }).card_number === 'AB1234567890'
          ? { body: { card: card({ status: 'active' }), pin: '4821' } }
          : problem(422, 'card_number_mismatch', { errors: [{ field: 'card_number', code: 'mismatch', message: '…' }] }),
    });
    renderRoute(`/cards/${cardId}/activate`);
    const input = await screen.findByLabelText('Card number');
    fireEvent.change(input, { target: { value: '12345' } });
    fireEvent.click(screen.getByRole('button', { name: 'Activate the card' }));
    expect(await screen.findByRole('link', { name: 'Enter the card number: 2 letters and 10 numbers, for example AB 1234 5678 90.' })).toBeTruthy();
    expect(server.to(`POST /api/v1/me/cards/${cardId}/activate`)).toHaveLength(0);

    fireEvent.change(input, { target: { value: 'AB1234567891' } });
    fireEvent.click(screen.getByRole('button', { name: 'Activate the card' }));
    expect(await screen.findByRole('link', { name: /This is not the number of this card/ })).toBeTruthy();

    fireEvent.change(input, { target: { value: 'ab 1234 5678 90' } });
    fireEvent.click(screen.getByRole('button', { name: 'Activate the card' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Your card is active' })).toBeTruthy();
    expect(screen.getByTestId('pin').textContent).toBe('4821');
    expect(server.to(`POST /api/v1/me/cards/${cardId}/activate`).at(-1)?.body).toEqual({ card_number: 'AB1234567890' });
  });

  test('five wrong numbers: the lock is explained with what to do', async () => {
    signedIn({
      'GET /api/v1/me/cards': { body: [card()] },
      [`POST /api/v1/me/cards/${cardId}/activate`]: problem(409, 'activation_locked'),
    });
    renderRoute(`/cards/${cardId}/activate`);
    fireEvent.change(await screen.findByLabelText('Card number'), { target: { value: 'AB1234567890' } });
    fireEvent.click(screen.getByRole('button', { name: 'Activate the card' }));
    expect(await screen.findByText(/Take the card and your passport or ID card to an identity office/)).toBeTruthy();
  });

  test('report lost: confirmed on its own page, then blocked', async () => {
    const server = signedIn({
      'GET /api/v1/me/cards': [{ body: [card({ status: 'active' })] }, { body: [card({ status: 'blocked' })] }],
      [`POST /api/v1/me/cards/${cardId}/report-lost`]: { body: card({ status: 'blocked' }) },
    });
    renderRoute(`/cards/${cardId}/lost`);
    expect(await screen.findByText('Are you sure you want to report card AB 1234 5678 90 lost?')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, block the card' }));
    expect(await screen.findByText('The card has been blocked')).toBeTruthy();
    expect(server.to(`POST /api/v1/me/cards/${cardId}/report-lost`)).toHaveLength(1);
  });
});

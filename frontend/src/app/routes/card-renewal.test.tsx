import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { meFixture, problem, signedInRefresh, stubApi } from '../../test/api-stub';
import { renderRoute } from '../../test/render-route';

// "Today" is fixed (only the clock; timers stay real): 1 November 2031. Within 30 days means up to 1 December.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2031, 10, 1, 12, 0));
});

afterEach(() => {
  vi.useRealTimers();
});

const companyId = '01a2166d-05f6-728c-bda2-8186f3e5dc22';
const orderId = '01a2166d-0677-7563-801d-de4be8b713df';
const newOrderId = '01a2166d-2222-7563-801d-de4be8b713df';
const cardId = '01a2166d-1111-7563-801d-de4be8b713df';
const base = `/api/v1/companies/${companyId}`;

const admin = meFixture({
  email: 'admin@demo.test',
  roles: ['company_admin'],
  person: null,
  companies: [{ id: companyId, name: 'Demo Bygg AB' }],
});

const signedInAs = (me: unknown, routes: Parameters<typeof stubApi>[0] = {}) =>
  stubApi({ 'POST /api/v1/auth/refresh': signedInRefresh, 'GET /api/v1/me': { body: me }, ...routes });

const card = (overrides: Record<string, unknown> = {}) => ({
  id: cardId,
  card_number: 'AB1234567890',
  card_number_last4: '7890',
  status: 'active',
  company: { id: companyId, name: 'Demo Bygg AB' },
  holder_name: 'Jan Piotr Kowalski',
  valid_until: '2031-11-20',
  order_id: orderId,
  activated_at: '2026-11-26T07:00:00Z',
  reason: null,
  ...overrides,
});

const newOrder = {
  id: newOrderId,
  status: 'awaiting_photo',
  version: 1,
  company: { id: companyId, name: 'Demo Bygg AB' },
  holder: { given_names: 'Jan Piotr', surname: 'Kowalski', date_of_birth: '1990-04-12', nationality: 'POL' },
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
  mismatch_fields: [],
  photo_url: null,
  reason: null,
  card_number: null,
  tracking_number: null,
  created_at: '2031-11-01T11:00:00Z',
  updated_at: '2031-11-01T11:00:00Z',
  history: [{ status: 'awaiting_photo', at: '2031-11-01T11:00:00Z' }],
};

describe('company cards: "Expires soon"', () => {
  // The first find waits for the company pages' chunk, loaded on first use.
  const rowOf = async (number: string) =>
    (await screen.findByRole('link', { name: number }, { timeout: 4000 })).closest('tr')!;

  test('a live card ending within 30 days is marked; later, expired and terminated ones are not', async () => {
    const id = (n: number) => `01a2166d-1111-7563-801d-de4be8b713${n}0`;
    signedInAs(admin, {
      [`GET ${base}/cards`]: {
        body: {
          items: [
            card({ id: id(1), card_number: 'AB0000000001', valid_until: '2031-12-01' }),
            card({ id: id(2), card_number: 'AB0000000002', valid_until: '2031-12-02' }),
            card({ id: id(3), card_number: 'AB0000000003', status: 'blocked', valid_until: '2031-11-01' }),
            card({ id: id(4), card_number: 'AB0000000004', status: 'expired', valid_until: '2031-10-31' }),
            card({ id: id(5), card_number: 'AB0000000005', status: 'terminated', valid_until: '2031-11-10' }),
          ],
          next_cursor: null,
        },
      },
    });
    renderRoute(`/company/${companyId}/cards`);

    const soon = within(await rowOf('AB 0000 0000 01'));
    expect(soon.getByText('1 December 2031')).toBeTruthy();
    expect(soon.getByText('Expires soon')).toBeTruthy();
    expect(within(await rowOf('AB 0000 0000 03')).getByText('Expires soon')).toBeTruthy();
    expect(within(await rowOf('AB 0000 0000 02')).queryByText('Expires soon')).toBeNull();
    expect(within(await rowOf('AB 0000 0000 05')).queryByText('Expires soon')).toBeNull();

    const expired = within(await rowOf('AB 0000 0000 04'));
    expect(expired.queryByText('Expires soon')).toBeNull();
    expect(expired.getByText('31 October 2031').classList.contains('validity--expired')).toBe(true);
    expect(screen.getAllByText('Expires soon')).toHaveLength(2);
  });

  test('the card number leads to the card’s page, which says when it expires and offers to renew it', async () => {
    signedInAs(admin, { [`GET ${base}/cards`]: { body: { items: [card()], next_cursor: null } } });
    const { router } = renderRoute(`/company/${companyId}/cards`);
    fireEvent.click(await screen.findByRole('link', { name: 'AB 1234 5678 90' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/company/${companyId}/cards/${cardId}`));
    expect(await screen.findByRole('heading', { level: 1, name: 'Card AB 1234 5678 90' })).toBeTruthy();
    expect(screen.getByText(/This card expires on 20 November 2031\. Renew it now/)).toBeTruthy();
    expect(screen.getByText('Expires soon')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Renew the card' }).getAttribute('href')).toBe(
      `/company/${companyId}/cards/${cardId}/renew`,
    );
    expect(screen.getByRole('link', { name: 'Block the card' })).toBeTruthy();
  });

  test('a card far from its end has no badge; a terminated card cannot be renewed', async () => {
    signedInAs(admin, {
      [`GET ${base}/cards`]: [
        { body: { items: [card({ valid_until: '2036-11-01' })], next_cursor: null } },
        { body: { items: [card({ status: 'terminated', reason: 'Left the company' })], next_cursor: null } },
      ],
    });
    const first = renderRoute(`/company/${companyId}/cards/${cardId}`);
    expect(await screen.findByRole('link', { name: 'Renew the card' })).toBeTruthy();
    expect(screen.queryByText('Expires soon')).toBeNull();
    first.unmount();

    renderRoute(`/company/${companyId}/cards/${cardId}`);
    expect(await screen.findByText('Left the company')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Renew the card' })).toBeNull();
  });
});

describe('company cards: renewing', () => {
  test('renewing is confirmed first, then the new order opens and asks for the portrait', async () => {
    const server = signedInAs(admin, {
      [`GET ${base}/cards`]: { body: { items: [card()], next_cursor: null } },
      [`POST ${base}/cards/${cardId}/renew`]: {
        status: 201,
        body: newOrder,
        headers: { Location: `${base}/card-orders/${newOrderId}` },
      },
      [`GET ${base}/card-orders/${newOrderId}`]: { body: newOrder },
    });
    const { router } = renderRoute(`/company/${companyId}/cards/${cardId}`);
    fireEvent.click(await screen.findByRole('link', { name: 'Renew the card' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Renew the card' })).toBeTruthy();
    expect(screen.getByText('Order a new card for Jan Piotr Kowalski to replace card AB 1234 5678 90?')).toBeTruthy();
    expect(screen.getByText("A new order is made from this card's details.")).toBeTruthy();
    expect(screen.getByText(/The current card keeps working until the new one is activated\./)).toBeTruthy();
    expect(server.to(`POST ${base}/cards/${cardId}/renew`)).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Yes, renew the card' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/company/${companyId}/orders/${newOrderId}`));
    const posts = server.to(`POST ${base}/cards/${cardId}/renew`);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toBeUndefined();
    expect(await screen.findByText('A new order has been made to replace card AB 1234 5678 90')).toBeTruthy();
    expect(screen.getByText(/Next, upload the worker's portrait\./)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Upload the portrait' }).getAttribute('href')).toBe(
      `/company/${companyId}/orders/${newOrderId}/photo`,
    );
  });

  test('an expired card can be renewed too, without promising it keeps working', async () => {
    signedInAs(admin, {
      [`GET ${base}/cards`]: { body: { items: [card({ status: 'expired', valid_until: '2031-10-01' })], next_cursor: null } },
    });
    renderRoute(`/company/${companyId}/cards/${cardId}/renew`);
    expect(await screen.findByRole('button', { name: 'Yes, renew the card' })).toBeTruthy();
    expect(screen.queryByText(/keeps working/)).toBeNull();
  });

  test('a card terminated meanwhile (409) is explained in words, and nothing else happens', async () => {
    signedInAs(admin, {
      [`GET ${base}/cards`]: { body: { items: [card()], next_cursor: null } },
      [`POST ${base}/cards/${cardId}/renew`]: problem(409, 'invalid_state'),
    });
    const { router } = renderRoute(`/company/${companyId}/cards/${cardId}/renew`);
    fireEvent.click(await screen.findByRole('button', { name: 'Yes, renew the card' }));
    const summary = await screen.findByRole('alert');
    expect(
      within(summary).getByText(
        'This card has been terminated, so it cannot be renewed. To give the worker a card again, order a new one.',
      ),
    ).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(router.state.location.pathname).toBe(`/company/${companyId}/cards/${cardId}/renew`);
    expect(screen.queryByText('invalid_state')).toBeNull();
  });
});

describe("the worker's cards: expiry notice", () => {
  const worker = meFixture();

  test('an active card ending within 30 days says when, and who renews it', async () => {
    signedInAs(worker, { 'GET /api/v1/me/cards': { body: [card({ holder_name: null })] } });
    renderRoute('/cards');
    expect(
      await screen.findByText('Your card expires on 20 November 2031. Ask your company to renew it.', {}, { timeout: 4000 }),
    ).toBeTruthy();
  });

  test('no notice for a card valid longer, nor for one that is not active', async () => {
    signedInAs(worker, {
      'GET /api/v1/me/cards': {
        body: [
          card({ valid_until: '2031-12-02' }),
          card({ id: '01a2166d-3333-7563-801d-de4be8b713df', status: 'blocked', valid_until: '2031-11-20' }),
        ],
      },
    });
    renderRoute('/cards');
    expect(await screen.findAllByTestId('my-card')).toHaveLength(2);
    expect(screen.queryByText(/Your card expires on/)).toBeNull();
  });
});

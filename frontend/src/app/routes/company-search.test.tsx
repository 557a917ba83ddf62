import { fireEvent, screen, waitFor } from '@testing-library/react';
import { meFixture, signedInRefresh, stubApi } from '../../test/api-stub';
import { renderRoute } from '../../test/render-route';

const companyId = '01a2166d-05f6-728c-bda2-8186f3e5dc22';
const base = `/api/v1/companies/${companyId}`;

const admin = meFixture({
  email: 'admin@demo.test',
  roles: ['company_admin'],
  person: null,
  companies: [{ id: companyId, name: 'Demo Bygg AB' }],
});

const signedIn = (routes: Parameters<typeof stubApi>[0] = {}) =>
  stubApi({ 'POST /api/v1/auth/refresh': signedInRefresh, 'GET /api/v1/me': { body: admin }, ...routes });

function order(id: string, surname: string) {
  return {
    id,
    status: 'awaiting_photo',
    version: 1,
    company: { id: companyId, name: 'Demo Bygg AB' },
    holder: { given_names: 'Anna', surname, date_of_birth: '1991-02-01', nationality: null },
    email: `${surname.toLowerCase()}@example.com`,
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
    created_at: '2026-11-26T05:00:00Z',
    updated_at: '2026-11-26T05:00:00Z',
    history: [{ status: 'awaiting_photo', at: '2026-11-26T05:00:00Z' }],
  };
}

const both = [order('01a2166d-0677-7563-801d-de4be8b713d1', 'Müller'), order('01a2166d-0677-7563-801d-de4be8b713d2', 'Berg')];

/** The orders list answers by `q`: "muller" finds Müller, anything else nothing. */
const ordersByQuery = (request: Request) => {
  const q = new URL(request.url).searchParams.get('q');
  const items = q === null ? both : q === 'muller' ? [both[0]] : [];
  return { body: { items, next_cursor: null } };
};

describe('searching the company lists', () => {
  test('typing searches once typing pauses: the URL gets ?q=, the cursor goes, the status stays', async () => {
    const server = signedIn({ [`GET ${base}/card-orders`]: ordersByQuery });
    const { router } = renderRoute(`/company/${companyId}/orders?status=awaiting_photo&cursor=c2&back=c1`);
    const box = await screen.findByLabelText('Search by name, email or card number');
    await screen.findByRole('link', { name: 'Anna Berg' });

    fireEvent.change(box, { target: { value: 'm' } });
    fireEvent.change(box, { target: { value: 'mul' } });
    fireEvent.change(box, { target: { value: 'muller ' } });
    // Nothing is asked for while typing goes on.
    expect(router.state.location.search).toBe('?status=awaiting_photo&cursor=c2&back=c1');

    await waitFor(() => expect(router.state.location.search).toBe('?status=awaiting_photo&q=muller'));
    expect(await screen.findByText('Orders found: 1')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Anna Müller' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Anna Berg' })).toBeNull();
    const searches = server.to(`GET ${base}/card-orders`).map((r) => r.search);
    expect(searches.at(-1)).toBe('?q=muller&status=awaiting_photo&limit=20');
    // One request for the page, one for the search: none for the letters in between.
    expect(searches).toHaveLength(2);
    // The typed space is kept in the box (the URL has the trimmed search).
    expect(screen.getByLabelText<HTMLInputElement>('Search by name, email or card number').value).toBe('muller ');
    // The result is announced politely.
    expect(screen.getByText('Orders found: 1').getAttribute('aria-live')).toBe('polite');
  });

  test('a search from the URL fills the box; nothing found says so; Clear empties it', async () => {
    const server = signedIn({ [`GET ${base}/card-orders`]: ordersByQuery });
    const { router } = renderRoute(`/company/${companyId}/orders?q=nobody`);
    expect(await screen.findByText('Nothing matches “nobody”.')).toBeTruthy();
    expect(screen.getByText('Orders found: 0')).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Search by name, email or card number').value).toBe('nobody');
    expect(server.to(`GET ${base}/card-orders`)[0]?.search).toBe('?q=nobody&limit=20');

    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(await screen.findByRole('link', { name: 'Anna Berg' })).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Search by name, email or card number').value).toBe('');
    expect(document.activeElement?.id).toBe('q');
  });

  test('the "Clear the search" link under an empty result keeps the status filter', async () => {
    signedIn({ [`GET ${base}/card-orders`]: ordersByQuery });
    const { router } = renderRoute(`/company/${companyId}/orders?q=nobody&status=cancelled`);
    expect(await screen.findByText('Nothing with the status “Cancelled” matches “nobody”.')).toBeTruthy();
    fireEvent.click(screen.getByRole('link', { name: 'Clear the search' }));
    await waitFor(() => expect(router.state.location.search).toBe('?status=cancelled'));
    expect(screen.getByLabelText<HTMLInputElement>('Search by name, email or card number').value).toBe('');
  });

  test('Enter searches at once, on the cards list too', async () => {
    const server = signedIn({ [`GET ${base}/cards`]: { body: { items: [], next_cursor: null } } });
    const { router } = renderRoute(`/company/${companyId}/cards`);
    const box = await screen.findByLabelText('Search by name, email or card number');
    fireEvent.change(box, { target: { value: '7890' } });
    fireEvent.submit(box.closest('form') as HTMLFormElement);
    expect(router.state.location.search).toBe('?q=7890');
    expect(await screen.findByText('Nothing matches “7890”.')).toBeTruthy();
    expect(server.to(`GET ${base}/cards`).at(-1)?.search).toBe('?q=7890&limit=20');
    expect(screen.getByText('Cards found: 0')).toBeTruthy();
  });
});
